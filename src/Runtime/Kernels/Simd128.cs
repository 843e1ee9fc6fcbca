using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossDsl.Kernels;

/// <summary><see cref="ISimdOps{TSelf, TVec, T}"/> over <see cref="Vector128{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Simd128<T> : ISimdOps<Simd128<T>, Vector128<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;
    public static Vector128<T> Zero => Vector128<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Create(T value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Constant(double value) => Vector128.Create(T.CreateTruncating(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T source, int index) => Vector128.LoadUnsafe(ref source, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T destination, int index) => value.StoreUnsafe(ref destination, (nuint)index);

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreStreaming"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreStreaming(Vector128<T> value, ref T destination, int index) =>
        value.StoreAlignedNonTemporal((T*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.LoadHalf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LoadHalf(ref Half source, int index) => HalfConversion.Load128(ref source, index).As<float, T>();

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreHalf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalf(Vector128<T> value, ref Half destination, int index) => HalfConversion.Store128(value.AsSingle(), ref destination, index);

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreHalfStreaming"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalfStreaming(Vector128<T> value, ref Half destination, int index) => HalfConversion.Store128Streaming(value.AsSingle(), ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector128<T> value)
    {
        if (typeof(T) == typeof(float))
        {
            // Widen before adding lanes: the lane sums of a block are added in double.
            (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(value.AsSingle());
            return Vector128.Sum(lower + upper);
        }
        return Vector128.Sum(value.AsDouble());
    }

    /// <summary>The largest lane, as a double; NaN if any lane is NaN.</summary>
    public static double Maximum(Vector128<T> value) => LaneMaximum.Of(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Add(Vector128<T> a, Vector128<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Subtract(Vector128<T> a, Vector128<T> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Multiply(Vector128<T> a, Vector128<T> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Divide(Vector128<T> a, Vector128<T> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Negate(Vector128<T> a) => -a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Equal(Vector128<T> a, Vector128<T> b) => Vector128.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> LessThan(Vector128<T> a, Vector128<T> b) => Vector128.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> LessThanOrEqual(Vector128<T> a, Vector128<T> b) => Vector128.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> And(Vector128<T> a, Vector128<T> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Or(Vector128<T> a, Vector128<T> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Not(Vector128<T> a) => ~a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Select(Vector128<T> mask, Vector128<T> whenTrue, Vector128<T> whenFalse) => Vector128.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Abs(Vector128<T> x) => Vector128.Abs(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Sqrt(Vector128<T> x) => Vector128.Sqrt(x);
    // The hardware max/min plus one select for NaN: cheaper than the IEEE 754:2019 Max/Min (which also order
    // -0 below +0, a difference no loss can see). x86's max returns the second operand when either is NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Max(Vector128<T> a, Vector128<T> b) => Vector128.ConditionalSelect(Vector128.Equals(a, a), Vector128.MaxNative(a, b), a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> Min(Vector128<T> a, Vector128<T> b) => Vector128.ConditionalSelect(Vector128.Equals(a, a), Vector128.MinNative(a, b), a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> MaxUnordered(Vector128<T> a, Vector128<T> b) => Vector128.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<T> MinUnordered(Vector128<T> a, Vector128<T> b) => Vector128.MinNative(a, b);

    /// <summary>e^x: <see cref="FloatPolynomials.Exp{V, TVec}"/> or <see cref="DoublePolynomials.Exp{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp(Vector128<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.Exp<Simd128<float>, Vector128<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Exp<Simd128<double>, Vector128<double>>(x.AsDouble()).As<double, T>();

    /// <summary>e^x for x ≤ 88.72 or NaN: for float <see cref="FloatPolynomials.ExpNoOverflow{V, TVec}"/>, for double the full Exp (its clamp costs two instructions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ExpNoOverflow(Vector128<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.ExpNoOverflow<Simd128<float>, Vector128<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Exp<Simd128<double>, Vector128<double>>(x.AsDouble()).As<double, T>();

    /// <summary>log(x): <see cref="FloatPolynomials.Log{V, TVec}"/> or <see cref="DoublePolynomials.Log{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log(Vector128<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.Log<Simd128<float>, Vector128<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Log<Simd128<double>, Vector128<double>>(x.AsDouble()).As<double, T>();

    /// <summary>log1p for x in [0, 1] given r = 1/(1 + x): <see cref="FloatPolynomials.Log1pUnit{V, TVec}"/> or <see cref="DoublePolynomials.Log1pUnit{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log1pUnit(Vector128<T> x, Vector128<T> reciprocal) => typeof(T) == typeof(float)
        ? FloatPolynomials.Log1pUnit<Simd128<float>, Vector128<float>>(x.AsSingle(), reciprocal.AsSingle()).As<float, T>()
        : DoublePolynomials.Log1pUnit<Simd128<double>, Vector128<double>>(x.AsDouble(), reciprocal.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Round(Vector128<T> x) => typeof(T) == typeof(float)
        ? Vector128.Round(x.AsSingle()).As<float, T>()
        : Vector128.Round(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c) => typeof(T) == typeof(float)
        ? Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ScaleByPowerOfTwo(Vector128<T> x, Vector128<T> n) => typeof(T) == typeof(float)
        ? (x.AsInt32() + Vector128.ShiftLeft(Vector128.ConvertToInt32Native(n.AsSingle()), 23)).As<int, T>()
        : (x.AsInt64() + Vector128.ShiftLeft((n.AsDouble() + Vector128.Create(6755399441055744.0)).AsInt64(), 52)).As<long, T>(); // n's bits via 1.5·2^52: AVX2 has no double→int64 conversion

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exponent(Vector128<T> x) => typeof(T) == typeof(float)
        ? Vector128.ConvertToSingle(Vector128.ShiftRightLogical(x.AsInt32(), 23) - Vector128.Create(127)).As<float, T>()
        : ((Vector128.ShiftRightLogical(x.AsInt64(), 52) | Vector128.Create(0x4330000000000000L)).AsDouble() - Vector128.Create(4503599627371519.0)).As<double, T>(); // 2^52 + e − (2^52 + 1023), no int64→double conversion

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Mantissa(Vector128<T> x) => typeof(T) == typeof(float)
        ? ((x.AsInt32() & Vector128.Create(0x007FFFFF)) | Vector128.Create(0x3F800000)).As<int, T>()
        : ((x.AsInt64() & Vector128.Create(0x000FFFFFFFFFFFFFL)) | Vector128.Create(0x3FF0000000000000L)).As<long, T>();
}
