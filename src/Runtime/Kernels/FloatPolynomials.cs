using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LossDsl.Kernels;

/// <summary>
/// Float e^x and log(x), inlined into the kernels at every vector width (.NET's vector Exp and Log are
/// calls that spill registers, and Exp widens to double). Written once over <see cref="ISimdOps{TSelf, TVec, T}"/>;
/// each width supplies the bit-level primitives (<c>ScaleByPowerOfTwo</c>, <c>Exponent</c>, <c>Mantissa</c>).
/// Measured max error over the float range: 1.01 ulp (exp), 0.81 ulp (log).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FloatPolynomials
{
    /// <summary>
    /// Cody–Waite reduction x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r (Cephes' expf
    /// coefficients), and 2^n added to the exponent. Results below the smallest normal float flush to 0
    /// (no denormal slow path); above 88.72 → +∞; NaN stays NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Exp<V, TVec>(TVec x) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
    {
        TVec result = V.Select(V.GreaterThan(x, V.Create(88.7228317f)), V.Create(float.PositiveInfinity), ExpNoOverflow<V, TVec>(x));
        return V.Select(V.Equal(x, x), result, x);
    }

    /// <summary>
    /// <see cref="Exp{V, TVec}"/> for x ≤ 88.72 or NaN (a softmax's shifted exp): only the flush below the smallest
    /// normal is needed there. A NaN goes through the polynomial as NaN (its 2ⁿ adds 0 to the NaN's bits).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec ExpNoOverflow<V, TVec>(TVec x) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
    {
        TVec magic = V.Create(12582912f); // 1.5·2^23: adding it rounds to an integer in the low mantissa bits
        TVec n = V.Subtract(V.MultiplyAdd(x, V.Create(1.44269504088896341f), magic), magic);
        TVec r = V.MultiplyAdd(n, V.Create(-0.693359375f), x); // ln2's high part: n·hi is exact
        r = V.MultiplyAdd(n, V.Create(2.12194440e-4f), r);     // ln2's low part
        TVec p = V.Create(1.9875691500e-4f);
        p = V.MultiplyAdd(p, r, V.Create(1.3981999507e-3f));
        p = V.MultiplyAdd(p, r, V.Create(8.3334519073e-3f));
        p = V.MultiplyAdd(p, r, V.Create(4.1665795894e-2f));
        p = V.MultiplyAdd(p, r, V.Create(1.6666665459e-1f));
        p = V.MultiplyAdd(p, r, V.Create(5.0000001201e-1f));
        TVec er = V.Add(V.MultiplyAdd(p, V.Multiply(r, r), r), V.Create(1f));
        return V.Select(V.LessThan(x, V.Create(-87.3365479f)), V.Zero, V.ScaleByPowerOfTwo(er, n));
    }

    /// <summary>
    /// log(x): denormal inputs scaled into the normal range first, then <see cref="LogOfNormal{V, TVec}"/>;
    /// log(0) = -∞, log(+∞) = +∞, negative or NaN → NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Log<V, TVec>(TVec x) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
    {
        TVec denormal = V.LessThan(x, V.Create(1.17549435e-38f));
        TVec scaled = V.Select(denormal, V.Multiply(x, V.Create(8388608f)), x); // ·2^23
        TVec result = V.Subtract(LogOfNormal<V, TVec>(scaled), V.Select(denormal, V.Create(15.9423847f), V.Zero)); // 23·ln2
        result = V.Select(V.Equal(x, V.Zero), V.Create(float.NegativeInfinity), result);
        result = V.Select(V.Equal(x, V.Create(float.PositiveInfinity)), x, result);
        return V.Select(V.GreaterThanOrEqual(x, V.Zero), result, V.Create(float.NaN));
    }

    /// <summary>
    /// log1p(x) for x in [0, 1] (or NaN) given r = 1/(1 + x), without Log's special cases:
    /// log(u) + (x - (u - 1))·r with u = 1 + x, where the second term restores what rounding 1 + x lost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec Log1pUnit<V, TVec>(TVec x, TVec reciprocal) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
    {
        TVec one = V.Create(1f);
        TVec u = V.Add(x, one);
        return V.MultiplyAdd(V.Subtract(x, V.Subtract(u, one)), reciprocal, LogOfNormal<V, TVec>(u));
    }

    /// <summary>log of a positive, finite, normal float: x = m·2^e with m in [√½, √2), Cephes' logf polynomial in m - 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVec LogOfNormal<V, TVec>(TVec x) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
    {
        TVec one = V.Create(1f);
        TVec e = V.Exponent(x);
        TVec m = V.Mantissa(x); // [1, 2)
        TVec large = V.GreaterThan(m, V.Create(1.41421356f));
        m = V.Select(large, V.Multiply(m, V.Create(0.5f)), m);
        e = V.Add(e, V.Select(large, one, V.Zero));
        TVec f = V.Subtract(m, one);
        TVec z = V.Multiply(f, f);
        TVec y = V.Create(7.0376836292e-2f);
        y = V.MultiplyAdd(y, f, V.Create(-1.1514610310e-1f));
        y = V.MultiplyAdd(y, f, V.Create(1.1676998740e-1f));
        y = V.MultiplyAdd(y, f, V.Create(-1.2420140846e-1f));
        y = V.MultiplyAdd(y, f, V.Create(1.4249322787e-1f));
        y = V.MultiplyAdd(y, f, V.Create(-1.6668057665e-1f));
        y = V.MultiplyAdd(y, f, V.Create(2.0000714765e-1f));
        y = V.MultiplyAdd(y, f, V.Create(-2.4999993993e-1f));
        y = V.MultiplyAdd(y, f, V.Create(3.3333331174e-1f));
        y = V.Multiply(V.Multiply(y, f), z);
        y = V.MultiplyAdd(e, V.Create(-2.12194440e-4f), y);
        y = V.MultiplyAdd(z, V.Create(-0.5f), y);
        return V.MultiplyAdd(e, V.Create(0.693359375f), V.Add(f, y));
    }
}
