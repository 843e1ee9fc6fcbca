using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Tests.Core;

/// <summary>The stable rewrites (StableRewrites): each rule, its notes, and that every rewrite is the same math.</summary>
public class StableRewriteTests
{
    private static readonly Expr X = Sym("x"), Y = Sym("y"), A = Sym("a"), B = Sym("b"), C = Sym("c");

    private static (double, double) Unstated(string _) => (double.NegativeInfinity, double.PositiveInfinity);

    private static Expr Stable(Expr expr, List<RewriteNote>? notes = null, bool guardPoles = false, Func<string, (double, double)>? ranges = null) =>
        StableRewrites.Apply(expr, ranges ?? Unstated, guardPoles ? "∂loss/∂x" : "loss", guardPoles, notes ?? new List<RewriteNote>());

    private static Expr Sigmoid(Expr z) => Call(Function.Sigmoid, z);

    private static Expr Exp(Expr z) => Call(Function.Exp, z);

    private static Expr Log(Expr z) => Call(Function.Log, z);

    private static readonly Dictionary<string, (Expr Spelled, string Expected)> RuleCases = new()
    {
        ["log∘σ"] = (Log(Sigmoid(X)), "logsigmoid(x)"),
        ["log(1 - σ)"] = (Log(Sub(One, Sigmoid(X))), "logsigmoid(-x)"),
        ["1 - σ"] = (Mul(Y, Sub(One, Sigmoid(X))), "y * sigmoid(-x)"),
        // Was left to the log1p rule, log1p(-σ(-x)), which is -∞ where σ(-x) rounds to 1 (found by LD2011).
        ["log(1 - σ(-x))"] = (Log(Sub(One, Sigmoid(Neg(X)))), "logsigmoid(x)"),
        ["log(1 - σ(-2x))"] = (Log(Sub(One, Sigmoid(Mul(Const(-2), X)))), "logsigmoid(2 * x)"),
        ["softplus"] = (Log(Add(One, Exp(X))), "softplus(x)"),
        ["softplus scaled"] = (Log(Add(One, Mul(Const(2), Exp(X)))), "softplus(x + 0.6931471805599453)"),
        ["logcosh"] = (Log(Div(Add(Exp(X), Exp(Neg(X))), Const(2))), "logcosh(x)"),
        ["log1p"] = (Log(Add(One, Pow(X, Const(2)))), "log1p(x^2)"),
        ["log1p of a difference"] = (Log(Sub(One, Y)), "log1p(-y)"),
        ["expm1"] = (Sub(Exp(X), One), "expm1(x)"),
        ["1 - eˣ"] = (Sub(One, Exp(X)), "-expm1(x)"),
        ["expm1 in a sum"] = (Add(Sub(Exp(X), One), Y), "y + expm1(x)"),
        ["√(x²)"] = (Call(Function.Sqrt, Pow(Sub(X, Y), Const(2))), "|x - y|"),
        ["(x²)^½"] = (Pow(Pow(X, Const(2)), Const(0.5)), "|x|"),
        ["log eˣ"] = (Log(Exp(Mul(X, Y))), "x * y"),
        ["1/(1 + eˣ)"] = (Div(One, Add(One, Exp(X))), "sigmoid(-x)"),
        ["eˣ/(1 + eˣ)"] = (Div(Exp(X), Add(One, Exp(X))), "sigmoid(x)"),
        ["σ(x) - y"] = (Sub(Sigmoid(X), Y), "sigmoid(x) * (1 - y) - y * sigmoid(-x)"),
    };

    public static TheoryData<string> Rules => new(RuleCases.Keys);

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_gives_the_stable_form(string rule)
    {
        var (spelled, expected) = RuleCases[rule];
        var notes = new List<RewriteNote>();
        Assert.Equal(expected, Stable(spelled, notes).ToString());
        Assert.True(notes.Count > 0, rule + ": a rewrite must be listed");
        Assert.Equal(Stable(spelled), Stable(Stable(spelled))); // idempotent
    }

    [Fact]
    public void Log_sum_exp_takes_the_larger_exponent_as_base_pairwise()
    {
        Expr two = Stable(Log(Add(Exp(A), Exp(B))));
        Assert.Equal("(a - b >= 0 ? a + softplus(-(a - b)) : b + softplus(a - b))", two.ToString());
        Expr three = Stable(Log(Add(Exp(A), Exp(B), Exp(C))));
        foreach (var (a, b, c) in new[] { (1.0, 2.0, 3.0), (-1e4, 0.0, 1e4), (700.0, 709.0, -5.0), (0.0, 0.0, 0.0) })
        {
            double expected = Math.Max(a, Math.Max(b, c)) + Math.Log(new[] { a, b, c }.Sum(v => Math.Exp(v - Math.Max(a, Math.Max(b, c)))));
            double actual = Evaluator.Evaluate(three, new Dictionary<string, double> { ["a"] = a, ["b"] = b, ["c"] = c });
            Assert.Equal(expected, actual, 12);
        }
    }

    [Fact]
    public void Exp_of_log_needs_a_stated_non_negative_argument()
    {
        Expr spelled = Exp(Log(X));
        Assert.Equal("exp(log(x))", Stable(spelled).ToString());
        Assert.Equal("x", Stable(spelled, ranges: name => (0, double.PositiveInfinity)).ToString());
        Assert.Equal("x^2", Stable(Exp(Log(Pow(X, Const(2))))).ToString()); // visibly ≥ 0
    }

    /// <summary>1 - pₜ however it is spelled: the sum is collected in σ(z), not matched.</summary>
    [Fact]
    public void The_focal_complement_is_found_by_algebra_in_every_spelling()
    {
        Expr p = Sigmoid(X);
        Expr pt = Add(Mul(p, Y), Mul(Sub(One, p), Sub(One, Y)));
        var spellings = new[]
        {
            Sub(One, pt),                                                     // 1 - (p·y + (1 - p)(1 - y))
            Sub(Sub(One, Mul(p, Y)), Mul(Sub(One, p), Sub(One, Y))),           // 1 - p·y - (1 - p)(1 - y)
            Add(p, Y, Mul(Const(-2), p, Y)),                                   // p + y - 2py, expanded
            Add(Mul(p, Sub(One, Y)), Mul(Sub(One, p), Y)),                     // p(1 - y) + (1 - p)y
        };
        foreach (Expr spelled in spellings)
        {
            Assert.Equal("y * sigmoid(-x) + sigmoid(x) * (1 - y)", Stable(spelled).ToString());
        }
    }

    [Fact]
    public void The_log_of_weighted_sigmoids_is_a_log_sum_exp_where_the_weights_are_non_negative()
    {
        Expr pt = Add(Mul(Y, Sigmoid(X)), Mul(Sub(One, Y), Sigmoid(Neg(X))));
        Expr unstated = Stable(Log(pt));
        Assert.Contains("(y >= 0) && (1 - y >= 0) ? ", unstated.ToString()); // the log as written where a weight is negative
        Expr stated = Stable(Log(pt), ranges: name => name == "y" ? (0, 1) : Unstated(name));
        Assert.DoesNotContain("log(y * sigmoid", stated.ToString());
        foreach (var (x, y) in new[] { (-1e4, 1.0), (1e4, 0.0), (-30.0, 0.3), (2.0, 0.5), (0.0, 1.0) })
        {
            var values = new Dictionary<string, double> { ["x"] = x, ["y"] = y };
            double exact = Math.Log(y * Logistic(x) + (1 - y) * Logistic(-x));
            double stable = Evaluator.Evaluate(stated, values);
            Assert.True(double.IsFinite(stable), $"x = {x}, y = {y}");
            if (double.IsFinite(exact)) Assert.Equal(exact, stable, 9);
        }
        Assert.Equal(-1e4, Evaluator.Evaluate(stated, new Dictionary<string, double> { ["x"] = -1e4, ["y"] = 1 }), 9);
    }

    private static double Logistic(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    [Fact]
    public void Derivative_products_with_a_pole_are_0_where_the_rest_of_the_product_is()
    {
        // γ(γ-1)·q^(γ-2)·q'² of the focal loss, q = y·σ(-x) + (1 - y)·σ(x): ∞·0 where q underflows with q'.
        Expr q = Add(Mul(Y, Sigmoid(Neg(X))), Mul(Sub(One, Y), Sigmoid(X)));
        Expr product = Mul(Sym("g"), Pow(q, Sub(Sym("g"), Const(2))), Pow(Mul(Sigmoid(X), Sigmoid(Neg(X))), Const(2)));
        Expr guarded = Stable(product, guardPoles: true);
        Assert.IsType<Select>(guarded);
        Assert.Equal(product, Stable(product)); // the loss itself: a pole there is the user's
        var at = new Dictionary<string, double> { ["x"] = 1e4, ["y"] = 1, ["g"] = 1.5 };
        Assert.True(double.IsNaN(Evaluator.Evaluate(product, at)));
        Assert.Equal(0, Evaluator.Evaluate(guarded, at));
        var inside = new Dictionary<string, double> { ["x"] = 3, ["y"] = 1, ["g"] = 1.5 };
        Assert.Equal(Evaluator.Evaluate(product, inside), Evaluator.Evaluate(guarded, inside));
        // An integer negative power is a genuine pole: 1/x stays 1/x.
        Assert.Equal(Mul(Y, Pow(X, MinusOne)), Stable(Mul(Y, Pow(X, MinusOne)), guardPoles: true));
    }

    [Fact]
    public void Notes_print_before_and_after_and_say_which_derivative()
    {
        var notes = new List<RewriteNote>();
        Stable(Log(Sigmoid(X)), notes);
        Assert.Equal("log(sigmoid(x)) → logsigmoid(x)", Assert.Single(notes).ToString());
        var derived = new List<RewriteNote>();
        StableRewrites.Apply(Log(Sigmoid(X)), Unstated, "∂loss/∂x", false, derived);
        Assert.Equal("in ∂loss/∂x: log(sigmoid(x)) → logsigmoid(x)", Assert.Single(derived).ToString());
    }

    [Fact]
    public void What_no_rule_covers_is_left_alone()
    {
        foreach (Expr expr in new[] { Log(X), Mul(Y, Sigmoid(X)), Add(Sigmoid(X), Sigmoid(Y)), Sub(Call(Function.Softplus, X), Mul(X, Y)), Log(Add(Const(2), X)), Exp(Sub(X, One)) })
        {
            var notes = new List<RewriteNote>();
            Assert.Equal(expr, Stable(expr, notes));
            Assert.Empty(notes);
        }
    }
}
