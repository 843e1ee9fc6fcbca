using System.Collections.Generic;
using System.Threading;
using LossDsl.Generator.Model;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Differentiation;

/// <summary>
/// Symbolic differentiation with respect to one symbol. Memoized over shared subtrees so a DAG is walked
/// once; zero terms are skipped before they are built, and every node goes through the smart constructors.
/// </summary>
internal sealed class Differentiator
{
    private readonly string _variable;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<Expr, Expr> _memo = new();

    private Differentiator(string variable, CancellationToken cancellationToken)
    {
        _variable = variable;
        _cancellationToken = cancellationToken;
    }

    public static Expr Derive(Expr expr, string variable, CancellationToken cancellationToken = default) =>
        new Differentiator(variable, cancellationToken).D(expr);

    private Expr D(Expr expr)
    {
        if (_memo.TryGetValue(expr, out Expr? cached)) return cached;
        _cancellationToken.ThrowIfCancellationRequested();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Expr result = expr switch
        {
            Symbol s => s.Name == _variable ? One : Zero,
            Sum sum => Add(NonZero(sum.Terms)),
            Product product => DeriveProduct(product),
            Power power => DerivePower(power),
            Call call => DeriveCall(call),
            // A ?: boundary: the derivative of the branch taken (both are computed, one selected).
            Select select => Select(select.Condition, D(select.WhenTrue), D(select.WhenFalse)),
            _ => Zero, // constants, and conditions (piecewise constant)
        };
        _memo[expr] = result;
        return result;
    }

    private IEnumerable<Expr> NonZero(IEnumerable<Expr> terms)
    {
        foreach (Expr term in terms)
        {
            Expr d = D(term);
            if (!IsZero(d)) yield return d;
        }
    }

    // (f g h)' = f' g h + f g' h + f g h'
    private Expr DeriveProduct(Product product)
    {
        var terms = new List<Expr>();
        for (int i = 0; i < product.Factors.Length; i++)
        {
            Expr d = D(product.Factors[i]);
            if (IsZero(d)) continue;
            var factors = new List<Expr>(product.Factors.Length) { d };
            for (int j = 0; j < product.Factors.Length; j++)
            {
                if (j != i) factors.Add(product.Factors[j]);
            }
            terms.Add(Mul(factors));
        }
        return Add(terms);
    }

    // (b^e)' = e b^(e-1) b' + b^e log(b) e'; the log term only when the exponent varies, and 0 where b = 0:
    // there b^e is the constant 0 for e > 0, whose derivative in e is 0, not 0·log 0 = NaN.
    private Expr DerivePower(Power power)
    {
        Expr b = power.Base, e = power.Exponent;
        Expr db = D(b), de = D(e);
        var terms = new List<Expr>(2);
        if (!IsZero(db)) terms.Add(Mul(e, Pow(b, Sub(e, One)), db));
        if (!IsZero(de)) terms.Add(Select(Compare(CompareOp.NotEqual, b, Zero), Mul(power, Call(Function.Log, b), de), Zero));
        return Add(terms);
    }

    private Expr DeriveCall(Call call)
    {
        var args = call.Arguments;
        switch (call.Function)
        {
            case Function.Max:
            case Function.Min:
            {
                // Subgradient: the taken argument's derivative; on a tie the mean of both (PyTorch's maximum/minimum).
                Expr a = args[0], b = args[1], da = D(a), db = D(b);
                CompareOp takesFirst = call.Function == Function.Max ? CompareOp.Greater : CompareOp.Less;
                Expr tie = Mul(Const(0.5), Add(da, db));
                return Select(Compare(takesFirst, a, b), da, Select(Compare(CompareOp.Equal, a, b), tie, db));
            }
            case Function.Clamp:
            {
                // PyTorch's clamp: the gradient passes to x on the closed interval [low, high].
                Expr x = args[0], low = args[1], high = args[2];
                return Select(Compare(CompareOp.Less, x, low), D(low), Select(Compare(CompareOp.Greater, x, high), D(high), D(x)));
            }
            default:
            {
                var terms = new List<Expr>(args.Length);
                for (int i = 0; i < args.Length; i++)
                {
                    Expr d = D(args[i]);
                    if (!IsZero(d)) terms.Add(Mul(DerivativeRules.Local(call.Function, args, i), d));
                }
                return Add(terms);
            }
        }
    }
}
