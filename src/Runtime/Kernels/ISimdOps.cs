using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace LossDsl.Kernels;

/// <summary>
/// The operations generated kernels are written against, once, and instantiated for every vector width
/// (<see cref="Simd512{T}"/>, <see cref="Simd256{T}"/>, <see cref="Simd128{T}"/>) and for the scalar tail
/// (<see cref="ScalarOps{T}"/>). A comparison returns a mask of the vector type (all bits set or clear);
/// masks only feed <see cref="And"/>, <see cref="Or"/>, <see cref="Not"/> and <see cref="Select"/>.
/// </summary>
/// <remarks>
/// Composite functions have default implementations here, written once in terms of the primitives, so
/// every vector width computes them with the same algorithm. The scalar ops override them with
/// <see cref="LossMath"/>, the reference the vector paths are tested against.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISimdOps<TSelf, TVec, T>
    where TSelf : struct, ISimdOps<TSelf, TVec, T>
    where TVec : struct
    where T : unmanaged
{
    /// <summary>Elements per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this width runs in hardware (otherwise a narrower one is used).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    static abstract TVec Zero { get; }
    static abstract TVec Create(T value);
    static abstract TVec Constant(double value);
    static abstract TVec Load(ref T source, int index);
    static abstract void Store(TVec value, ref T destination, int index);

    /// <summary>
    /// A non-temporal store. Only for pinned memory whose element <paramref name="index"/> is aligned to the
    /// vector size: KernelParallel.For guarantees both before it asks a kernel to stream.
    /// </summary>
    static abstract void StoreStreaming(TVec value, ref T destination, int index);

    /// <summary>Count elements stored as <see cref="Half"/>, widened exactly (float vectors only).</summary>
    static abstract TVec LoadHalf(ref Half source, int index);

    /// <summary>Each lane rounded to the nearest <see cref="Half"/> (float vectors only).</summary>
    static abstract void StoreHalf(TVec value, ref Half destination, int index);

    /// <summary><see cref="StoreHalf"/> as a non-temporal store where the width has one (alignment as <see cref="StoreStreaming"/>).</summary>
    static abstract void StoreHalfStreaming(TVec value, ref Half destination, int index);

    /// <summary>
    /// Load from data stored as <typeparamref name="TData"/>: T itself, or <see cref="Half"/> for a float kernel's
    /// 16-bit inputs. Generated kernels are generic over their storage type; each instantiation compiles to one path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Load<TData>(ref TData source, int index) where TData : unmanaged =>
        typeof(TData) == typeof(Half) ? TSelf.LoadHalf(ref Unsafe.As<TData, Half>(ref source), index) : TSelf.Load(ref Unsafe.As<TData, T>(ref source), index);

    /// <summary>Store to data stored as <typeparamref name="TData"/> (see <see cref="Load{TData}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual void Store<TData>(TVec value, ref TData destination, int index) where TData : unmanaged
    {
        if (typeof(TData) == typeof(Half)) TSelf.StoreHalf(value, ref Unsafe.As<TData, Half>(ref destination), index);
        else TSelf.Store(value, ref Unsafe.As<TData, T>(ref destination), index);
    }

    /// <summary>A non-temporal store to data stored as <typeparamref name="TData"/> (see <see cref="StoreStreaming"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual void StoreStreaming<TData>(TVec value, ref TData destination, int index) where TData : unmanaged
    {
        if (typeof(TData) == typeof(Half)) TSelf.StoreHalfStreaming(value, ref Unsafe.As<TData, Half>(ref destination), index);
        else TSelf.StoreStreaming(value, ref Unsafe.As<TData, T>(ref destination), index);
    }

    /// <summary>The sum of the lanes, accumulated in double.</summary>
    static abstract double Sum(TVec value);

    /// <summary>The largest lane, as a double; NaN if any lane is NaN.</summary>
    static abstract double Maximum(TVec value);

    static abstract TVec Add(TVec a, TVec b);
    static abstract TVec Subtract(TVec a, TVec b);
    static abstract TVec Multiply(TVec a, TVec b);
    static abstract TVec Divide(TVec a, TVec b);
    static abstract TVec Negate(TVec a);

    static abstract TVec Equal(TVec a, TVec b);
    static abstract TVec LessThan(TVec a, TVec b);
    static abstract TVec LessThanOrEqual(TVec a, TVec b);
    static virtual TVec NotEqual(TVec a, TVec b) => TSelf.Not(TSelf.Equal(a, b));
    static virtual TVec GreaterThan(TVec a, TVec b) => TSelf.LessThan(b, a);
    static virtual TVec GreaterThanOrEqual(TVec a, TVec b) => TSelf.LessThanOrEqual(b, a);
    static abstract TVec And(TVec a, TVec b);
    static abstract TVec Or(TVec a, TVec b);
    static abstract TVec Not(TVec a);

    /// <summary>Per lane: <paramref name="whenTrue"/> where <paramref name="mask"/> is set, else <paramref name="whenFalse"/>.</summary>
    static abstract TVec Select(TVec mask, TVec whenTrue, TVec whenFalse);

    /// <summary>a·b + c, fused where the hardware has it.</summary>
    static abstract TVec MultiplyAdd(TVec a, TVec b, TVec c);

    /// <summary>x·2ⁿ for integer-valued n, by adding n to the exponent bits (x and the result must be normal).</summary>
    static abstract TVec ScaleByPowerOfTwo(TVec x, TVec n);

    /// <summary>The unbiased binary exponent of a positive normal x, as a value of T.</summary>
    static abstract TVec Exponent(TVec x);

    /// <summary>The significand of a positive normal x, in [1, 2).</summary>
    static abstract TVec Mantissa(TVec x);

    static abstract TVec Abs(TVec x);
    static abstract TVec Sqrt(TVec x);
    static abstract TVec Round(TVec x);
    static abstract TVec Exp(TVec x);

    /// <summary>e^x for x ≤ 88.72 or NaN (a softmax's shifted exp): Exp without its overflow handling where a width has a cheaper form.</summary>
    static virtual TVec ExpNoOverflow(TVec x) => TSelf.Exp(x);
    static abstract TVec Log(TVec x);

    /// <summary>The larger value per lane; NaN if either is NaN.</summary>
    static abstract TVec Max(TVec a, TVec b);

    /// <summary>The smaller value per lane; NaN if either is NaN.</summary>
    static abstract TVec Min(TVec a, TVec b);

    /// <summary>
    /// The larger value per lane, one instruction where the hardware has it; with a NaN operand either operand may
    /// come back, so callers that must propagate NaN track it themselves (the row kernels' max pass does).
    /// </summary>
    static virtual TVec MaxUnordered(TVec a, TVec b) => TSelf.Max(a, b);

    /// <summary>The smaller value per lane, one instruction where the hardware has it; NaN as <see cref="MaxUnordered"/>.</summary>
    static virtual TVec MinUnordered(TVec a, TVec b) => TSelf.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Square(TVec x) => TSelf.Multiply(x, x);

    /// <summary>-1, 0 or 1; NaN and ±0 pass through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Sign(TVec x) =>
        TSelf.Select(TSelf.GreaterThan(x, TSelf.Zero), TSelf.Constant(1),
            TSelf.Select(TSelf.LessThan(x, TSelf.Zero), TSelf.Constant(-1), x));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Clamp(TVec x, TVec low, TVec high) => TSelf.Min(TSelf.Max(x, low), high);

    /// <summary>log(1 + x) with Kahan's correction: log(u) * x / (u - 1), u = 1 + x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Log1p(TVec x)
    {
        TVec one = TSelf.Constant(1);
        TVec u = TSelf.Add(one, x);
        TVec logU = TSelf.Log(u);
        TVec corrected = TSelf.Multiply(logU, TSelf.Divide(x, TSelf.Subtract(u, one)));
        TVec regular = TSelf.And(TSelf.LessThan(TSelf.Zero, u), TSelf.LessThan(u, TSelf.Constant(double.PositiveInfinity)));
        return TSelf.Select(TSelf.Equal(u, one), x, TSelf.Select(regular, corrected, logU));
    }

    /// <summary>
    /// log1p(x) for x in [0, 1] or NaN (the log1p(exp(-|x|)) of softplus), given
    /// <paramref name="reciprocal"/> = 1/(1 + x): log(u) + (x - (u - 1))·r, u = 1 + x. No special cases, no division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Log1pUnit(TVec x, TVec reciprocal)
    {
        TVec u = TSelf.Add(TSelf.Constant(1), x);
        return TSelf.Add(TSelf.Log(u), TSelf.Multiply(TSelf.Subtract(x, TSelf.Subtract(u, TSelf.Constant(1))), reciprocal));
    }

    /// <summary>exp(x) - 1 with Kahan's correction (u - 1) * x / log(u) for |x| &lt; 0.5.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Expm1(TVec x)
    {
        TVec one = TSelf.Constant(1);
        TVec u = TSelf.Exp(x);
        TVec um1 = TSelf.Subtract(u, one);
        TVec corrected = TSelf.Multiply(um1, TSelf.Divide(x, TSelf.Log(u)));
        TVec small = TSelf.LessThan(TSelf.Abs(x), TSelf.Constant(0.5));
        return TSelf.Select(small, TSelf.Select(TSelf.Equal(u, one), x, corrected), um1);
    }

    /// <summary>1 / (1 + exp(-x)): exp overflows to ∞ for very negative x, giving exactly 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Sigmoid(TVec x)
    {
        TVec one = TSelf.Constant(1);
        return TSelf.Divide(one, TSelf.Add(one, TSelf.Exp(TSelf.Negate(x))));
    }

    /// <summary>max(x, 0) + log1p(exp(-|x|)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Softplus(TVec x) =>
        TSelf.Add(TSelf.Max(x, TSelf.Zero), TSelf.Log1p(TSelf.Exp(TSelf.Negate(TSelf.Abs(x)))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec LogSigmoid(TVec x) => TSelf.Negate(TSelf.Softplus(TSelf.Negate(x)));

    /// <summary>sign(x) * -t / (2 + t) with t = expm1(-2|x|): no overflow, exact near 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Tanh(TVec x)
    {
        TVec t = TSelf.Expm1(TSelf.Multiply(TSelf.Constant(-2), TSelf.Abs(x)));
        TVec magnitude = TSelf.Divide(TSelf.Negate(t), TSelf.Add(TSelf.Constant(2), t));
        return TSelf.Select(TSelf.LessThan(x, TSelf.Zero), TSelf.Negate(magnitude), magnitude);
    }

    /// <summary>log(cosh(x)): log1p((e^a - 1)^2 / (2 e^a)) for |x| &lt; 1, else |x| + log1p(exp(-2|x|)) - log 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec LogCosh(TVec x)
    {
        TVec one = TSelf.Constant(1);
        TVec a = TSelf.Abs(x);
        TVec em1 = TSelf.Expm1(a);
        TVec small = TSelf.Log1p(TSelf.Divide(TSelf.Multiply(em1, em1), TSelf.Multiply(TSelf.Constant(2), TSelf.Add(em1, one))));
        TVec large = TSelf.Add(a, TSelf.Subtract(
            TSelf.Log1p(TSelf.Exp(TSelf.Multiply(TSelf.Constant(-2), a))), TSelf.Constant(0.69314718055994530942)));
        return TSelf.Select(TSelf.LessThan(a, one), small, large);
    }

    /// <summary>
    /// x^y as exp(y log |x|), with IEEE pow's special cases: y = 0 or x = 1 give 1; a negative base needs an
    /// integer exponent (odd flips the sign), otherwise NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TVec Pow(TVec x, TVec y)
    {
        TVec one = TSelf.Constant(1);
        TVec half = TSelf.Constant(0.5);
        TVec magnitude = TSelf.Exp(TSelf.Multiply(y, TSelf.Log(TSelf.Abs(x))));
        TVec isInteger = TSelf.Equal(TSelf.Round(y), y);
        TVec halfY = TSelf.Multiply(y, half);
        TVec isOdd = TSelf.And(isInteger, TSelf.Not(TSelf.Equal(TSelf.Round(halfY), halfY)));
        TVec negativeBase = TSelf.Select(isInteger,
            TSelf.Select(isOdd, TSelf.Negate(magnitude), magnitude), TSelf.Constant(double.NaN));
        TVec result = TSelf.Select(TSelf.LessThan(x, TSelf.Zero), negativeBase, magnitude);
        return TSelf.Select(TSelf.Or(TSelf.Equal(y, TSelf.Zero), TSelf.Equal(x, one)), one, result);
    }
}
