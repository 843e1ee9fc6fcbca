using System.Collections.Generic;
using System.Collections.Immutable;
using LossDsl.Generator.Model;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Simplification;

/// <summary>
/// Rewrites applied after differentiation and before CSE, so shared work becomes visible (as SymPy's
/// codegen rewriting): the printed formulas keep the high-level functions, the kernels compute these.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>sigmoid(x), softplus(x), logsigmoid(x) are written over E = exp(-|x|), the same for x and -x:
/// a loss and its derivatives then compute one exponential per element, not one per function.
/// sigmoid(x) = (x ≥ 0 ? 1 : E) / (1 + E); softplus(x) = max(x, 0) + log1p(E); logsigmoid(x) = min(x, 0) - log1p(E).
/// These are the stable forms LossMath uses.</item>
/// <item>x^y with a varying exponent becomes powwithlog(x, y, log|x|), so x^γ and x^(γ-1) (a power and its
/// derivative) share one logarithm.</item>
/// </list>
/// </remarks>
internal static class Lowering
{
    public static ImmutableArray<Expr> Apply(ImmutableArray<Expr> outputs)
    {
        var memo = new Dictionary<Expr, Expr>();

        Expr Visit(Expr node)
        {
            if (memo.TryGetValue(node, out Expr? done)) return done;
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            Expr rebuilt = node.Children.IsEmpty ? node : Rebuild(node, ImmutableArray.CreateRange(node.Children, Visit));
            Expr result = rebuilt switch
            {
                Call { Function: Function.Sigmoid } c => Sigmoid(c.Arguments[0]),
                Call { Function: Function.Softplus } c => Add(Call(Function.Max, c.Arguments[0], Zero), Call(Function.Log1p, ExpNegAbs(c.Arguments[0]))),
                Call { Function: Function.LogSigmoid } c => Sub(Call(Function.Min, c.Arguments[0], Zero), Call(Function.Log1p, ExpNegAbs(c.Arguments[0]))),
                Power { Exponent: not Constant } p => Call(Function.PowWithLog, p.Base, p.Exponent, Call(Function.Log, Call(Function.Abs, p.Base))),
                _ => rebuilt,
            };
            memo[node] = result;
            return result;
        }

        return ImmutableArray.CreateRange(outputs, Visit);
    }

    private static Expr ExpNegAbs(Expr x) => Call(Function.Exp, Neg(Call(Function.Abs, x)));

    private static Expr Sigmoid(Expr x)
    {
        Expr e = ExpNegAbs(x);
        return Mul(Select(Compare(CompareOp.GreaterOrEqual, x, Zero), One, e), Pow(Add(One, e), MinusOne));
    }
}
