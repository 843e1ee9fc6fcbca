// Shared source: compiled into LossDsl.Runtime (scalar reference math) and into LossDsl.Generator
// (constant folding), so both agree on one implementation. Must stay netstandard2.0-compatible.
using System;

namespace LossDsl
{
    /// <summary>Numerically stable double-precision forms of the DSL functions.</summary>
    internal static class StableMath
    {
        private const double Ln2 = 0.69314718055994530942;

        /// <summary>Sign as a floating value: -1, 0 (keeping -0) or 1; NaN stays NaN.</summary>
        public static double Sign(double x) => x > 0 ? 1.0 : x < 0 ? -1.0 : x;

        /// <summary>Maximum that propagates NaN (as PyTorch's <c>maximum</c>).</summary>
        public static double Max(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : a >= b ? a : b;

        /// <summary>Minimum that propagates NaN.</summary>
        public static double Min(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : a <= b ? a : b;

        /// <summary><c>Min(Max(x, low), high)</c>: never throws, unlike <see cref="Math.Clamp(double, double, double)"/>.</summary>
        public static double Clamp(double x, double low, double high) => Min(Max(x, low), high);

        /// <summary>log(1 + x) without cancellation near 0 (Kahan's trick).</summary>
        public static double Log1p(double x)
        {
            double u = 1.0 + x;
            if (u == 1.0) return x;
            if (u <= 0.0 || double.IsInfinity(u) || double.IsNaN(u)) return Math.Log(u);
            return Math.Log(u) * (x / (u - 1.0));
        }

        /// <summary>exp(x) - 1 without cancellation near 0 (Kahan's trick).</summary>
        public static double Expm1(double x)
        {
            if (!(Math.Abs(x) < 0.5)) return Math.Exp(x) - 1.0; // also NaN and ±∞
            double u = Math.Exp(x);
            if (u == 1.0) return x;
            double um1 = u - 1.0;
            return um1 * (x / Math.Log(u));
        }

        /// <summary>1 / (1 + exp(-x)), without overflow for either sign.</summary>
        public static double Sigmoid(double x)
        {
            if (x >= 0) return 1.0 / (1.0 + Math.Exp(-x));
            double e = Math.Exp(x); // NaN falls through here and stays NaN
            return e / (1.0 + e);
        }

        /// <summary>log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)).</summary>
        public static double Softplus(double x) => Max(x, 0.0) + Log1p(Math.Exp(-Math.Abs(x)));

        /// <summary>log(sigmoid(x)) = -softplus(-x).</summary>
        public static double LogSigmoid(double x) => -Softplus(-x);

        /// <summary>log(cosh(x)): |x| + log1p(exp(-2|x|)) - log 2 for large |x|, log1p(cosh(x) - 1) near 0.</summary>
        public static double LogCosh(double x)
        {
            double a = Math.Abs(x);
            if (a < 1.0)
            {
                double em1 = Expm1(a);
                return Log1p(em1 * em1 / (2.0 * (em1 + 1.0))); // cosh(a) - 1 = (e^a - 1)^2 / (2 e^a)
            }
            return a + Log1p(Math.Exp(-2.0 * a)) - Ln2;
        }
    }
}
