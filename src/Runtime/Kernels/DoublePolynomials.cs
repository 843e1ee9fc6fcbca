using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LossDsl.Kernels;

/// <summary>
/// Double e^x and log(x), inlined into the kernels at every vector width in place of .NET's vector Exp and Log
/// (calls, which spill the kernel's registers around them). Written once over <see cref="ISimdOps{TSelf, TVec, T}"/>
/// like <see cref="FloatPolynomials"/>. Unlike the float ones, results in the subnormal range are computed (gradual
/// underflow), not flushed to 0. Measured max error: exp 0.58 ulp (0.71 for subnormal
/// results, rounded twice), log 0.66 ulp —
/// see DoublePolynomialTests, against mpmath references.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DoublePolynomials
{
    // ln 2 split so that n·Ln2High is exact for |n| < 2^11 (its low 21 significand bits are zero).
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;

    /// <summary>
    /// x = n·ln2 + r with |r| ≤ ln2/2; e^r = 1 + r + r²·P(r), P = ½ + r·Q(r), Q a degree-9 Chebyshev fit
    /// (5e-19 relative); then 2ⁿ applied as two exact powers 2ᵃ·2ᵇ (a + b = n), so the only rounding of the scale
    /// is the last multiply: subnormal results round once, correctly, and overflow gives +∞ by itself.
    /// x is clamped to [−746, 710] first (outside it the result is 0 or +∞ anyway); NaN passes through.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Exp<V, TVec>(TVec x) where V : struct, ISimdOps<V, TVec, double> where TVec : struct
    {
        // NaN survives the clamp: the native min/max return their second operand when one is NaN.
        TVec clamped = V.MinUnordered(V.Create(710.0), V.MaxUnordered(V.Create(-746.0), x));
        TVec magic = V.Create(6755399441055744.0); // 1.5·2^52: adding it rounds to an integer
        TVec n = V.Subtract(V.MultiplyAdd(clamped, V.Create(1.4426950408889634), magic), magic);
        TVec rHigh = V.MultiplyAdd(n, V.Create(-Ln2High), clamped); // exact
        TVec rLow = V.Multiply(n, V.Create(-Ln2Low));
        TVec r = V.Add(rHigh, rLow);
        TVec p = V.Create(2.0911229729758563286e-9);
        p = V.MultiplyAdd(p, r, V.Create(2.5100375832561233664e-8));
        p = V.MultiplyAdd(p, r, V.Create(2.7557282984055876596e-7));
        p = V.MultiplyAdd(p, r, V.Create(2.7557268480310025526e-6));
        p = V.MultiplyAdd(p, r, V.Create(2.4801587317135164235e-5));
        p = V.MultiplyAdd(p, r, V.Create(1.9841269863040545271e-4));
        p = V.MultiplyAdd(p, r, V.Create(1.3888888888886554386e-3));
        p = V.MultiplyAdd(p, r, V.Create(8.3333333333300644495e-3));
        p = V.MultiplyAdd(p, r, V.Create(4.1666666666666667227e-2));
        p = V.MultiplyAdd(p, r, V.Create(1.6666666666666667452e-1));
        p = V.MultiplyAdd(p, r, V.Create(0.5));
        // e^r = (1 + r_high) + (r_low + r²·P): 1 + r_high's rounding error is recovered exactly (Fast2Sum, |r_high| < 1),
        // so the only rounding that counts is the last addition's; rounding r once more on the way costs up to ½ ulp.
        TVec one = V.Create(1.0);
        TVec tail = V.MultiplyAdd(p, V.Multiply(r, r), rLow);
        TVec head = V.Add(one, rHigh);
        TVec headError = V.Add(V.Subtract(one, head), rHigh);
        TVec er = V.Add(head, V.Add(headError, tail));
        TVec a = V.Round(V.Multiply(n, V.Create(0.5)));
        return V.Multiply(V.Multiply(er, V.ScaleByPowerOfTwo(one, a)), V.ScaleByPowerOfTwo(one, V.Subtract(n, a)));
    }

    /// <summary>
    /// log(x): x = m·2^e with m in [√½, √2), f = m − 1, s = f/(2 + f) and log(1 + f) = 2·atanh(s) written as
    /// f − (f²/2 − s·(f²/2 + R(s²))), R a degree-7 fit (5e-18 relative), so f itself carries most bits.
    /// Subnormal inputs are scaled by 2^52 first; log(0) = −∞, log(+∞) = +∞, negative or NaN → NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Log<V, TVec>(TVec x) where V : struct, ISimdOps<V, TVec, double> where TVec : struct
    {
        TVec subnormal = V.LessThan(x, V.Create(2.2250738585072014e-308));
        TVec scaled = V.Select(subnormal, V.Multiply(x, V.Create(4503599627370496.0)), x); // ·2^52
        TVec result = LogWithExponentOffset<V, TVec>(scaled, V.Select(subnormal, V.Create(-52.0), V.Zero));
        result = V.Select(V.Equal(x, V.Zero), V.Create(double.NegativeInfinity), result);
        result = V.Select(V.Equal(x, V.Create(double.PositiveInfinity)), x, result);
        return V.Select(V.GreaterThanOrEqual(x, V.Zero), result, V.Create(double.NaN));
    }

    /// <summary>log1p(x) for x in [0, 1] (or NaN) given r = 1/(1 + x), without Log's special cases (as the float one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Log1pUnit<V, TVec>(TVec x, TVec reciprocal) where V : struct, ISimdOps<V, TVec, double> where TVec : struct
    {
        TVec one = V.Create(1.0);
        TVec u = V.Add(x, one);
        return V.MultiplyAdd(V.Subtract(x, V.Subtract(u, one)), reciprocal, LogWithExponentOffset<V, TVec>(u, V.Zero));
    }

    /// <summary>log(x·2^offset) of a positive, finite, normal x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec LogWithExponentOffset<V, TVec>(TVec x, TVec offset) where V : struct, ISimdOps<V, TVec, double> where TVec : struct
    {
        TVec one = V.Create(1.0);
        TVec m = V.Mantissa(x); // [1, 2)
        TVec large = V.GreaterThan(m, V.Create(1.4142135623730951));
        m = V.Select(large, V.Multiply(m, V.Create(0.5)), m);
        TVec e = V.Add(V.Add(V.Exponent(x), offset), V.Select(large, one, V.Zero));
        TVec f = V.Subtract(m, one); // exact
        TVec halfSquare = V.Multiply(V.Create(0.5), V.Multiply(f, f));
        TVec s = V.Divide(f, V.Add(V.Create(2.0), f));
        TVec z = V.Multiply(s, s);
        TVec q = V.Create(0.1461644968504340586);
        q = V.MultiplyAdd(q, z, V.Create(0.15331721600556041269));
        q = V.MultiplyAdd(q, z, V.Create(0.1818288912526172208));
        q = V.MultiplyAdd(q, z, V.Create(0.22222211134795079855));
        q = V.MultiplyAdd(q, z, V.Create(0.28571428625975484921));
        q = V.MultiplyAdd(q, z, V.Create(0.3999999999989950449));
        q = V.MultiplyAdd(q, z, V.Create(0.66666666666666696862));
        TVec rational = V.Multiply(z, q);
        // e·ln2 + f − (f²/2 − (s·(f²/2 + R) + e·ln2_low)), the small terms first.
        TVec small = V.MultiplyAdd(s, V.Add(halfSquare, rational), V.Multiply(e, V.Create(Ln2Low)));
        return V.MultiplyAdd(e, V.Create(Ln2High), V.Subtract(f, V.Subtract(halfSquare, small)));
    }
}
