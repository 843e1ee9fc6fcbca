using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
/// sigmoid(x) = (x ≥ 0 ? 1 : E) / (1 + E); softplus(x) = max(x, 0) + log1p(E); logsigmoid(x) = min(x, 0) - log1p(E),
/// where log1p of E in [0, 1] needs none of log1p's special cases and its rounding correction divides by
/// the same 1 + E as sigmoid (Log1pUnit(E, 1/(1 + E))): one division for both.
/// These are the stable forms LossMath uses.</item>
/// <item>x^y, where the kernels have no shortcut for y (anything but an integer up to 4 or ±½), becomes
/// exp(y·log|x|) with IEEE pow's special cases as selects: x^γ and x^(γ-1) (a power and its derivative)
/// then share one logarithm, and the tests on y alone (is it 0, an integer, odd) are hoisted out of the
/// loop when y is a hyperparameter. Where the stated ranges put x ≥ 0 (focal's 1 − pₜ) the negative-base cases
/// go: exp(y·log x) with only y = 0 or x = 1 → 1 — fewer instructions and registers in the general kernels.</item>
/// </list>
/// </remarks>
internal static class Lowering
{
    public static ImmutableArray<Expr> Apply(ImmutableArray<Expr> outputs, Func<string, (double Lo, double Hi)>? statedRange = null)
    {
        statedRange ??= _ => (double.NegativeInfinity, double.PositiveInfinity);
        var memo = new Dictionary<Expr, Expr>();

        Expr Visit(Expr node)
        {
            if (memo.TryGetValue(node, out Expr? done)) return done;
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            Expr rebuilt = node.Children.IsEmpty ? node : Rebuild(node, ImmutableArray.CreateRange(node.Children, Visit));
            Expr result = rebuilt switch
            {
                Call { Function: Function.Sigmoid } c => Sigmoid(c.Arguments[0]),
                Call { Function: Function.Softplus } c => Add(Call(Function.Max, c.Arguments[0], Zero), Log1pOfExpNegAbs(c.Arguments[0])),
                Call { Function: Function.LogSigmoid } c => Sub(Call(Function.Min, c.Arguments[0], Zero), Log1pOfExpNegAbs(c.Arguments[0])),
                // The base's bounds are read off the node before lowering, where sigmoid is still sigmoid.
                Power p when !HasShortcut(p.Exponent) => node is Power original && IntervalBounds.Of(original.Base, statedRange).Lo >= 0
                    ? PowOfNonNegative(p.Base, p.Exponent)
                    : PowViaLog(p.Base, p.Exponent),
                _ => rebuilt,
            };
            memo[node] = result;
            return result;
        }

        return ImmutableArray.CreateRange(outputs, Visit);
    }

    /// <summary>
    /// The order a kernel adds a sum's terms in: as printed (positive terms, then the negative ones subtracted), with
    /// the bounded corrections last — log1p(e^-|x|) ∈ [0, log 2] of a lowered softplus or logsigmoid, and products
    /// with it. Large terms then cancel exactly before a small one is added: softplus(20) - 20 is
    /// (max(20, 0) - 20) + log1p(e^-20) = 2.1e-9, where (20 + 2.1e-9) - 20 would be 0 in float.
    /// </summary>
    public static List<Expr> SummationOrder(Sum sum)
    {
        List<Expr> display = ExprPrinter.DisplayOrder(sum);
        return display.Where(t => !IsCorrection(t)).Concat(display.Where(IsCorrection)).ToList();
    }

    private static bool IsCorrection(Expr term) =>
        term is Call { Function: Function.Log1pUnit } || (term is Product p && p.Factors.Any(f => f is Call { Function: Function.Log1pUnit }));

    /// <summary>Whether the kernels compute x^exponent without exp and log: an integer up to 4, or ±½.</summary>
    public static bool HasShortcut(Expr exponent) =>
        exponent is Constant { Value: var k } && ((Math.Floor(k) == k && Math.Abs(k) <= CommonSubexpressions.MaxUnrolledPower) || Math.Abs(k) == 0.5);

    // x^y = exp(y·log|x|), except: y = 0 or x = 1 → 1; x < 0 → ±|x|^y for integer y (odd flips the sign), else NaN.
    private static Expr PowViaLog(Expr x, Expr y)
    {
        Expr magnitude = Call(Function.Exp, Mul(y, Call(Function.Log, Call(Function.Abs, x))));
        Expr half = Mul(Const(0.5), y);
        Expr isInteger = Compare(CompareOp.Equal, Call(Function.Round, y), y);
        Expr isOdd = And(isInteger, Compare(CompareOp.NotEqual, Call(Function.Round, half), half));
        Expr negativeBase = Select(isInteger, Select(isOdd, Neg(magnitude), magnitude), Const(double.NaN));
        return OneWhereTrivial(x, y, Select(Compare(CompareOp.Less, x, Zero), negativeBase, magnitude));
    }

    // x ≥ 0 by the stated ranges: x^y = exp(y·log x), except y = 0 or x = 1 → 1 (x = 0 gives exp(±∞) = 0 or ∞, as pow).
    private static Expr PowOfNonNegative(Expr x, Expr y) => OneWhereTrivial(x, y, Call(Function.Exp, Mul(y, Call(Function.Log, x))));

    // IEEE pow's x^0 = 1 (NaN base included) and 1^y = 1 (NaN exponent included).
    private static Expr OneWhereTrivial(Expr x, Expr y, Expr power) =>
        Select(Or(Compare(CompareOp.Equal, y, Zero), Compare(CompareOp.Equal, x, One)), One, power);

    // log1p(E) = log(1 + E) + (E - ((1 + E) - 1)) / (1 + E): the correction reuses sigmoid's 1/(1 + E).
    private static Expr Log1pOfExpNegAbs(Expr x)
    {
        Expr e = ExpNegAbs(x);
        return Call(Function.Log1pUnit, e, Pow(Add(One, e), MinusOne));
    }

    private static Expr ExpNegAbs(Expr x) => Call(Function.Exp, Neg(Call(Function.Abs, x)));

    private static Expr Sigmoid(Expr x)
    {
        Expr e = ExpNegAbs(x);
        return Mul(Select(Compare(CompareOp.GreaterOrEqual, x, Zero), One, e), Pow(Add(One, e), MinusOne));
    }
}
