using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Tests.Core;

/// <summary>
/// Random expressions, biased toward the hazards the rewrites know, before and after rewriting: the same math
/// wherever both are finite, and never a non-finite value where the expression as written is finite.
/// </summary>
public class StableRewriteFuzzTests
{
    private const int Cases = 3000;

    private sealed class Builder(Random random)
    {
        private static readonly Expr X = Sym("x"), Y = Sym("y");

        public Expr Next(int depth)
        {
            if (depth == 0 || random.Next(5) == 0) return Leaf();
            Expr a = Next(depth - 1);
            return random.Next(20) switch
            {
                0 => Add(a, Next(depth - 1)),
                1 => Sub(a, Next(depth - 1)),
                2 => Mul(a, Next(depth - 1)),
                3 => Div(a, Add(One, Pow(Next(depth - 1), Const(2)))),
                4 => Call(Function.Exp, Clip(a)),
                5 => Call(Function.Log, Add(One, Call(Function.Exp, a))),                       // softplus spelled
                6 => Call(Function.Log, Call(Function.Sigmoid, a)),                             // log σ
                7 => Sub(One, Call(Function.Sigmoid, a)),                                       // 1 - σ
                8 => Call(Function.Log, Add(Call(Function.Exp, a), Call(Function.Exp, Next(depth - 1)))), // log-sum-exp
                9 => Sub(Call(Function.Exp, Clip(a)), One),                                     // expm1 spelled
                10 => Call(Function.Log, Add(One, Pow(a, Const(2)))),                           // log1p spelled
                11 => Call(Function.Sqrt, Pow(a, Const(2))),                                    // |a| spelled
                12 => Call(Function.Log, Call(Function.Exp, a)),
                13 => Div(Call(Function.Exp, Clip(a)), Add(One, Call(Function.Exp, Clip(a)))),  // σ spelled
                14 => Focal(a),
                15 => Call(Function.Log, Mul(Const(0.5), Add(Call(Function.Exp, Clip(a)), Call(Function.Exp, Neg(Clip(a)))))), // logcosh spelled
                16 => Pow(Add(Mul(Y, Call(Function.Sigmoid, Neg(a))), Mul(Sub(One, Y), Call(Function.Sigmoid, a))), Sym("g")),
                17 => Call(Function.Softplus, a),
                18 => Call(Function.Tanh, a),
                _ => Call(Function.Sigmoid, a),
            };
        }

        // exp of something the generator would also see: keep some arguments where exp does not overflow in double.
        private Expr Clip(Expr a) => random.Next(2) == 0 ? a : Call(Function.Clamp, a, Const(-50), Const(50));

        private Expr Focal(Expr z)
        {
            Expr p = Call(Function.Sigmoid, z);
            Expr pt = Add(Mul(p, Y), Mul(Sub(One, p), Sub(One, Y)));
            return random.Next(2) == 0 ? Sub(One, pt) : Call(Function.Log, pt);
        }

        private Expr Leaf() => random.Next(4) switch
        {
            0 => X,
            1 => Y,
            2 => Mul(Const(random.Next(1, 5)), X),
            _ => Const(Math.Round(random.NextDouble() * 6 - 3, 2)),
        };
    }

    private static readonly double[] Values = { -1e4, -800, -100, -40, -20, -3, -1, -1e-3, 0, 1e-6, 0.5, 1, 3, 20, 40, 100, 800, 1e4 };

    [Fact]
    public void Rewritten_expressions_agree_where_both_are_finite_and_are_finite_where_the_original_is()
    {
        var random = new Random(20261203);
        var builder = new Builder(random);
        int compared = 0, repaired = 0;
        for (int n = 0; n < Cases; n++)
        {
            Expr original = builder.Next(4);
            bool guard = random.Next(3) == 0;
            var notes = new List<RewriteNote>();
            Expr stable = StableRewrites.Apply(original, name => name == "y" ? (0, 1) : (double.NegativeInfinity, double.PositiveInfinity), "fuzz", guard, notes);
            for (int p = 0; p < 12; p++)
            {
                var point = new Dictionary<string, double>
                {
                    ["x"] = Values[random.Next(Values.Length)],
                    ["y"] = random.Next(3) switch { 0 => 0, 1 => 1, _ => random.NextDouble() },
                    ["g"] = new[] { 1, 1.5, 2, 3 }[random.Next(4)],
                };
                double before = Evaluator.Evaluate(original, point), after = Evaluator.Evaluate(stable, point);
                var tape = new LossDsl.Generator.Accuracy.ExprTape(System.Collections.Immutable.ImmutableArray.Create(original));
                var asWritten = new LossDsl.Generator.Accuracy.KernelEvaluator(tape, ScalarType.Double);
                asWritten.Evaluate(tape.Slots(point), new double[1]);
                if (!double.IsFinite(before))
                {
                    if (double.IsFinite(after)) repaired++;
                    continue;
                }
                Assert.True(double.IsFinite(after), $"Rewriting made a finite value non-finite at {Show(point)}:\n{original}\n→ {stable}\n{before} → {after}");
                if (asWritten.OverflowedOnTheWay()) continue; // finite but through an ∞ (log(e^1600) = ∞): the original is not a reference there
                Assert.True(Math.Abs(before - after) <= 1e-5 * Math.Max(1, Math.Max(Math.Abs(before), Math.Abs(after))),
                    $"Rewriting changed the value at {Show(point)}:\n{original}\n→ {stable}\n{before:R} → {after:R}");
                compared++;
            }
        }
        Assert.True(compared > Cases * 4, $"only {compared} finite comparisons");
        Assert.True(repaired > 100, $"only {repaired} non-finite values repaired: the cases should reach the hazards");
    }

    private static string Show(Dictionary<string, double> point) => string.Join(", ", point.Select(kv => $"{kv.Key} = {kv.Value:R}"));
}
