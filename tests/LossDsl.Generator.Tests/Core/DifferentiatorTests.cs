using LossDsl.Generator.Differentiation;
using LossDsl.Generator.Model;
using LossDsl.Generator.Tests.Infrastructure;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Tests.Core;

public class DifferentiatorTests
{
    private static readonly Expr X = Sym("x"), Y = Sym("y");

    private static Expr D(Expr e) => Differentiator.Derive(e, "x");

    [Fact]
    public void Textbook_rules()
    {
        Assert.Equal(Mul(Const(2), X), D(Pow(X, Const(2))));
        Assert.Equal(Y, D(Mul(X, Y)));
        Assert.Equal(Call(Function.Exp, X), D(Call(Function.Exp, X)));
        Assert.Equal(Pow(X, MinusOne), D(Call(Function.Log, X)));
        Assert.Equal(Call(Function.Sigmoid, X), D(Call(Function.Softplus, X)));
        Assert.Equal(Call(Function.Tanh, X), D(Call(Function.LogCosh, X)));
        Assert.Equal(Zero, D(Y));
        Assert.Equal(Zero, D(Call(Function.Sign, X)));
    }

    [Fact]
    public void Power_with_a_symbolic_exponent_has_no_log_term_when_the_exponent_is_constant_in_x()
    {
        Expr g = Sym("gamma");
        Expr d = D(Pow(X, g));
        Assert.False(d.Contains(e => e is Call { Function: Function.Log }));
        Assert.Equal(Mul(g, Pow(X, Sub(g, One))), d);
    }

    [Fact]
    public void A_zero_base_contributes_no_log_term_to_the_derivative_in_the_exponent()
    {
        // d/dx 0^x = 0 for x > 0; the textbook term 0^x·log 0 would be 0·(-∞) = NaN (found by the analyzers' fuzz property).
        Expr b = Sym("b");
        Expr d = D(Pow(b, X));
        double At(double bv, double xv) => Evaluator.Evaluate(d, new Dictionary<string, double> { ["b"] = bv, ["x"] = xv });
        Assert.Equal(0, At(0, 1.5));
        Assert.Equal(Math.Pow(2, 1.5) * Math.Log(2), At(2, 1.5), 12);
        Expr hessian = D(d);
        Assert.Equal(0, Evaluator.Evaluate(hessian, new Dictionary<string, double> { ["b"] = 0, ["x"] = 2 }));
    }

    [Fact]
    public void Max_subgradient_is_a_select_with_the_mean_on_ties()
    {
        Expr d = D(Call(Function.Max, X, Zero));
        Assert.Equal("(x > 0 ? 1 : (x == 0 ? 0.5 : 0))", ExprPrinter.Print(d));
        Expr clamp = D(Call(Function.Clamp, X, Const(-1), Const(1)));
        Assert.Equal("(x < -1 ? 0 : (x > 1 ? 0 : 1))", ExprPrinter.Print(clamp));
    }

    [Fact]
    public void Select_keeps_a_discarded_infinity_away_from_zero()
    {
        // d/dp max(log p, -100) at p = 0: the taken branch is 0; 1/p = ∞ stays in the other branch.
        Expr p = Sym("p");
        Expr d = Differentiator.Derive(Mul(Y, Call(Function.Max, Call(Function.Log, p), Const(-100))), "p");
        double value = Evaluator.Evaluate(d, new Dictionary<string, double> { ["p"] = 0, ["y"] = 1 });
        Assert.Equal(0, value);
    }

    public static TheoryData<string> Functions() => new() { "abs", "exp", "log", "log1p", "expm1", "sqrt", "sigmoid", "softplus", "logsigmoid", "tanh", "logcosh", "sign", "max", "min", "clamp", "pow", "square" };

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_function_matches_finite_differences_in_double(string name)
    {
        // f(u) with u = 0.7x - 0.3, so the chain rule runs too.
        Expr u = Add(Mul(Const(0.7), X), Const(-0.3));
        Expr f = name switch
        {
            "max" => Call(Function.Max, u, Mul(Const(0.2), X)),
            "min" => Call(Function.Min, u, Mul(Const(0.2), X)),
            "clamp" => Call(Function.Clamp, u, Const(-0.5), Const(0.5)),
            "pow" => Pow(Call(Function.Abs, u), Const(2.5)),
            "square" => Pow(u, Const(2)),
            _ => Call(Enum.GetValues<Function>().Single(fn => fn.IsLanguageFunction() && fn.MathName() == name), u),
        };
        Expr g = D(f), h = D(g);
        var random = new Random(12345);
        int checkedPoints = 0;
        for (int k = 0; k < 400 && checkedPoints < 200; k++)
        {
            double x = k < 20 ? (k - 10) * 1.5 : (random.NextDouble() - 0.5) * 20;
            if (name is "log" or "sqrt" or "log1p") x = Math.Abs(x) + 1;
            double ux = 0.7 * x - 0.3;
            if (Math.Abs(ux) < 1e-3 || Math.Abs(ux - 0.2 * x) < 1e-3 || Math.Abs(Math.Abs(ux) - 0.5) < 1e-3) continue; // kinks
            double F(double v) => Evaluator.Evaluate(f, new Dictionary<string, double> { ["x"] = v });
            double G(double v) => Evaluator.Evaluate(g, new Dictionary<string, double> { ["x"] = v });
            double grad = G(x), hess = Evaluator.Evaluate(h, new Dictionary<string, double> { ["x"] = x });
            Assert.True(FiniteDifferences.Close(grad, FiniteDifferences.Derivative(F, x), Math.Abs(F(x))), $"{name}'({x}) = {grad}, FD {FiniteDifferences.Derivative(F, x)}");
            Assert.True(FiniteDifferences.Close(hess, FiniteDifferences.Derivative(G, x), Math.Abs(grad)), $"{name}''({x}) = {hess}, FD {FiniteDifferences.Derivative(G, x)}");
            checkedPoints++;
        }
        Assert.True(checkedPoints >= 200);
    }

    [Fact]
    public void Depth_eight_composition_stays_small()
    {
        // Each level feeds the previous one twice: without sharing and simplification this doubles per level.
        Expr e = X;
        for (int depth = 0; depth < 8; depth++)
        {
            e = Add(Mul(Const(0.7), Call(Function.Softplus, e)), Mul(Const(0.3), Pow(Call(Function.Sigmoid, e), Const(2))));
        }
        Expr g = D(e), h = D(g);
        var program = LossDsl.Generator.Simplification.CommonSubexpressions.Eliminate([e, g, h], new HashSet<string> { "x" });
        Assert.True(program.Temps.Count < 200, $"{program.Temps.Count} temporaries for depth 8");
        Assert.True(ExprPrinter.Print(h, 2000).Length <= 2001);
    }

    [Fact]
    public void Node_counts_grow_linearly_with_nesting_depth()
    {
        int previous = 0;
        Expr e = X;
        for (int depth = 1; depth <= 8; depth++)
        {
            e = Call(Function.Softplus, Mul(Const(0.5), e));
            Expr h = D(D(e));
            var program = LossDsl.Generator.Simplification.CommonSubexpressions.Eliminate([e, D(e), h], new HashSet<string> { "x" });
            int size = program.Temps.Count;
            Assert.True(depth == 1 || size - previous <= 12, $"depth {depth}: {size} temporaries after {previous}");
            previous = size;
        }
    }
}
