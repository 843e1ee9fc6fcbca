using System;
using System.Linq;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Simplification;

/// <summary>What the stated ranges tell about an expression's value: used by the stable rewrites and the lowering.</summary>
internal static class IntervalBounds
{
    /// <summary>An interval that holds the value, from the stated ranges (interval arithmetic; (-∞, ∞) where nothing is known).</summary>
    public static (double Lo, double Hi) Of(Expr expr, Func<string, (double Lo, double Hi)> statedRange)
    {
        const double inf = double.PositiveInfinity;
        switch (expr)
        {
            case Constant c:
                return (c.Value, c.Value);
            case Symbol s:
                return statedRange(s.Name);
            case Sum sum:
            {
                double lo = 0, hi = 0;
                foreach (Expr term in sum.Terms)
                {
                    var (a, b) = Of(term, statedRange);
                    (lo, hi) = (lo + a, hi + b);
                }
                return (double.IsNaN(lo) ? -inf : lo, double.IsNaN(hi) ? inf : hi);
            }
            case Product product:
            {
                (double lo, double hi) = (1, 1);
                foreach (Expr factor in product.Factors)
                {
                    var (a, b) = Of(factor, statedRange);
                    double[] corners = { lo * a, lo * b, hi * a, hi * b };
                    if (corners.Any(double.IsNaN)) return (-inf, inf); // 0·∞
                    (lo, hi) = (corners.Min(), corners.Max());
                }
                return (lo, hi);
            }
            case Call { Function: Function.Sigmoid }:
                return (0, 1);
            case Call { Function: Function.Exp or Function.Sqrt or Function.Abs or Function.Softplus }:
                return (0, inf);
            case Power { Exponent: Constant { Value: var k } } when k % 2 == 0:
                return (0, inf);
            default:
                return (-inf, inf);
        }
    }
}
