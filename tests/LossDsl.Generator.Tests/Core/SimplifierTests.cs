using System.Collections.Immutable;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Tests.Core;

public class SimplifierTests
{
    private static readonly Expr X = Sym("x"), Y = Sym("y");

    [Fact]
    public void Folds_constants_and_identities()
    {
        Assert.Equal(Const(5), Add(Const(2), Const(3)));
        Assert.Equal(X, Add(X, Zero));
        Assert.Equal(X, Mul(X, One));
        Assert.Equal(Zero, Mul(X, Zero));
        Assert.Equal(One, Pow(X, Zero));
        Assert.Equal(X, Pow(X, One));
        Assert.Equal(Const(8), Pow(Const(2), Const(3)));
        Assert.Equal(Const(1), Call(Function.Exp, Zero));
        Assert.Equal(Const(Math.Log(2)), Call(Function.Softplus, Zero));
    }

    [Fact]
    public void Merges_like_terms_and_powers()
    {
        Assert.Equal(Mul(Const(2), X), Add(X, X));
        Assert.Equal(Zero, Sub(X, X));
        Assert.Equal(Pow(X, Const(2)), Mul(X, X));
        Assert.Equal(One, Div(X, X));
        Assert.Equal(Y, Sub(Add(X, Y), X));
        Assert.Equal(Zero, Add(Sub(X, Y), Neg(Sub(X, Y)))); // -(a - b) expands inside a sum and cancels
        Assert.Equal(Pow(X, Const(5)), Mul(Pow(X, Const(2)), Pow(X, Const(3))));
    }

    [Fact]
    public void Sums_and_products_are_order_independent()
    {
        Assert.Equal(Add(X, Y, Const(1)), Add(Const(1), Y, X));
        Assert.Equal(Mul(X, Y, Const(3)), Mul(Const(3), Y, X));
        Assert.Equal(Add(Call(Function.Exp, X), X), Add(X, Call(Function.Exp, X)));
    }

    [Fact]
    public void Keeps_rewrites_that_differ_for_NaN()
    {
        // !(a < b) is not a >= b when either is NaN; x == x is false for NaN.
        Expr notLess = Not(Compare(CompareOp.Less, X, Y));
        Assert.IsType<Logic>(notLess);
        Assert.IsType<Compare>(Compare(CompareOp.Equal, X, X));
        Assert.Equal(Compare(CompareOp.Less, X, Y), Not(notLess));
    }

    [Fact]
    public void Folds_selects_and_logic()
    {
        Expr c = Compare(CompareOp.Greater, X, Zero);
        Assert.Equal(X, Select(True, X, Y));
        Assert.Equal(Y, Select(Compare(CompareOp.Less, Const(2), Const(1)), X, Y));
        Assert.Equal(X, Select(c, X, X));
        Assert.Equal(c, And(c, True));
        Assert.Equal(False, And(c, False));
        Assert.Equal(True, Or(c, True));
        Assert.Equal(c, And(c, c));
    }

    [Fact]
    public void Abs_of_negation_and_of_abs()
    {
        Assert.Equal(Call(Function.Abs, X), Call(Function.Abs, Neg(X)));
        Assert.Equal(Call(Function.Abs, X), Call(Function.Abs, Call(Function.Abs, X)));
    }

    [Fact]
    public void Integer_powers_distribute_but_fractional_ones_do_not()
    {
        Assert.Equal(Mul(Pow(X, Const(2)), Pow(Y, Const(2))), Pow(Mul(X, Y), Const(2)));
        Assert.IsType<Power>(Pow(Pow(X, Const(2)), Const(0.5))); // (x²)^½ = |x|, not x
        Assert.Equal(Pow(X, Const(6)), Pow(Pow(X, Const(2)), Const(3)));
    }

    [Fact]
    public void Rebuilding_is_idempotent()
    {
        foreach (Expr e in SampleExpressions())
        {
            Expr rebuilt = Rebuild(e, e.Children);
            Assert.Equal(e, rebuilt);
            Assert.Equal(e, Substitute(e, new Dictionary<string, Expr>()));
            Assert.Equal(ExprPrinter.Print(e), ExprPrinter.Print(rebuilt));
        }
    }

    internal static IEnumerable<Expr> SampleExpressions()
    {
        yield return Add(Mul(Const(0.5), Pow(Sub(X, Y), Const(2))), Call(Function.Log, X));
        yield return Select(Compare(CompareOp.Less, Call(Function.Abs, Sub(X, Y)), Const(1)), Pow(Sub(X, Y), Const(2)), Call(Function.Abs, Sub(X, Y)));
        yield return Mul(Call(Function.Sigmoid, X), Sub(One, Call(Function.Sigmoid, X)), Y);
        yield return Div(Add(X, Const(2)), Mul(Y, Call(Function.Exp, X)));
        yield return Call(Function.Clamp, X, Const(-1), Y);
    }

    [Fact]
    public void Structural_equality_and_stable_hashes()
    {
        Expr a = Add(Mul(Const(2), X), Call(Function.Exp, Y));
        Expr b = Add(Call(Function.Exp, Sym("y")), Mul(Sym("x"), Const(2)));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Add(Mul(Const(3), X), Call(Function.Exp, Y)));
    }

    [Fact]
    public void Prints_readable_infix()
    {
        Assert.Equal("1 - y", ExprPrinter.Print(Sub(One, Y)));
        Assert.Equal("(x - y)^2", ExprPrinter.Print(Pow(Sub(X, Y), Const(2))));
        Assert.Equal("x / y", ExprPrinter.Print(Div(X, Y)));
        Assert.Equal("1 / x", ExprPrinter.Print(Pow(X, MinusOne)));
        Assert.Equal("-x", ExprPrinter.Print(Neg(X)));
        Assert.Equal("|x|", ExprPrinter.Print(Call(Function.Abs, X)));
        Assert.Equal("(x > 0 ? x : 0.5 * y)", ExprPrinter.Print(Select(Compare(CompareOp.Greater, X, Zero), X, Mul(Const(0.5), Y))));
        Assert.Equal("1E-07", ExprPrinter.Print(Const(1e-7f)));
    }
}
