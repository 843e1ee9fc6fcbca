using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossDsl.Kernels;

/// <summary><see cref="ISimdOps{TSelf, TVec, T}"/> over <see cref="Vector256{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Simd256<T> : ISimdOps<Simd256<T>, Vector256<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;
    public static Vector256<T> Zero => Vector256<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Create(T value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Constant(double value) => Vector256.Create(T.CreateTruncating(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T source, int index) => Vector256.LoadUnsafe(ref source, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T destination, int index) => value.StoreUnsafe(ref destination, (nuint)index);

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreStreaming"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreStreaming(Vector256<T> value, ref T destination, int index) =>
        value.StoreAlignedNonTemporal((T*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.LoadHalf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LoadHalf(ref Half source, int index) => HalfConversion.Load256(ref source, index).As<float, T>();

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreHalf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalf(Vector256<T> value, ref Half destination, int index) => HalfConversion.Store256(value.AsSingle(), ref destination, index);

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreHalfStreaming"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalfStreaming(Vector256<T> value, ref Half destination, int index) => HalfConversion.Store256Streaming(value.AsSingle(), ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<T> value)
    {
        if (typeof(T) == typeof(float))
        {
            // Widen before adding lanes: the lane sums of a block are added in double.
            (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(value.AsSingle());
            return Vector256.Sum(lower + upper);
        }
        return Vector256.Sum(value.AsDouble());
    }

    /// <summary>The largest lane, as a double; NaN if any lane is NaN.</summary>
    public static double Maximum(Vector256<T> value) => LaneMaximum.Of(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Add(Vector256<T> a, Vector256<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Subtract(Vector256<T> a, Vector256<T> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Multiply(Vector256<T> a, Vector256<T> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Divide(Vector256<T> a, Vector256<T> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Negate(Vector256<T> a) => -a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Equal(Vector256<T> a, Vector256<T> b) => Vector256.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> LessThan(Vector256<T> a, Vector256<T> b) => Vector256.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> LessThanOrEqual(Vector256<T> a, Vector256<T> b) => Vector256.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> And(Vector256<T> a, Vector256<T> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Or(Vector256<T> a, Vector256<T> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Not(Vector256<T> a) => ~a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Select(Vector256<T> mask, Vector256<T> whenTrue, Vector256<T> whenFalse) => Vector256.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Abs(Vector256<T> x) => Vector256.Abs(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Sqrt(Vector256<T> x) => Vector256.Sqrt(x);
    // The hardware max/min plus one select for NaN: cheaper than the IEEE 754:2019 Max/Min (which also order
    // -0 below +0, a difference no loss can see). x86's max returns the second operand when either is NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Max(Vector256<T> a, Vector256<T> b) => Vector256.ConditionalSelect(Vector256.Equals(a, a), Vector256.MaxNative(a, b), a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> Min(Vector256<T> a, Vector256<T> b) => Vector256.ConditionalSelect(Vector256.Equals(a, a), Vector256.MinNative(a, b), a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> MaxUnordered(Vector256<T> a, Vector256<T> b) => Vector256.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<T> MinUnordered(Vector256<T> a, Vector256<T> b) => Vector256.MinNative(a, b);

    /// <summary>e^x: <see cref="FloatPolynomials.Exp{V, TVec}"/> or <see cref="DoublePolynomials.Exp{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp(Vector256<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.Exp<Simd256<float>, Vector256<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Exp<Simd256<double>, Vector256<double>>(x.AsDouble()).As<double, T>();

    /// <summary>e^x for x ≤ 88.72 or NaN: for float <see cref="FloatPolynomials.ExpNoOverflow{V, TVec}"/>, for double the full Exp (its clamp costs two instructions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ExpNoOverflow(Vector256<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.ExpNoOverflow<Simd256<float>, Vector256<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Exp<Simd256<double>, Vector256<double>>(x.AsDouble()).As<double, T>();

    /// <summary>log(x): <see cref="FloatPolynomials.Log{V, TVec}"/> or <see cref="DoublePolynomials.Log{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log(Vector256<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.Log<Simd256<float>, Vector256<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Log<Simd256<double>, Vector256<double>>(x.AsDouble()).As<double, T>();

    /// <summary>log1p for x in [0, 1] given r = 1/(1 + x): <see cref="FloatPolynomials.Log1pUnit{V, TVec}"/> or <see cref="DoublePolynomials.Log1pUnit{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log1pUnit(Vector256<T> x, Vector256<T> reciprocal) => typeof(T) == typeof(float)
        ? FloatPolynomials.Log1pUnit<Simd256<float>, Vector256<float>>(x.AsSingle(), reciprocal.AsSingle()).As<float, T>()
        : DoublePolynomials.Log1pUnit<Simd256<double>, Vector256<double>>(x.AsDouble(), reciprocal.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Round(Vector256<T> x) => typeof(T) == typeof(float)
        ? Vector256.Round(x.AsSingle()).As<float, T>()
        : Vector256.Round(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c) => typeof(T) == typeof(float)
        ? Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ScaleByPowerOfTwo(Vector256<T> x, Vector256<T> n) => typeof(T) == typeof(float)
        ? (x.AsInt32() + Vector256.ShiftLeft(Vector256.ConvertToInt32Native(n.AsSingle()), 23)).As<int, T>()
        : (x.AsInt64() + Vector256.ShiftLeft((n.AsDouble() + Vector256.Create(6755399441055744.0)).AsInt64(), 52)).As<long, T>(); // n's bits via 1.5·2^52: AVX2 has no double→int64 conversion

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exponent(Vector256<T> x) => typeof(T) == typeof(float)
        ? Vector256.ConvertToSingle(Vector256.ShiftRightLogical(x.AsInt32(), 23) - Vector256.Create(127)).As<float, T>()
        : ((Vector256.ShiftRightLogical(x.AsInt64(), 52) | Vector256.Create(0x4330000000000000L)).AsDouble() - Vector256.Create(4503599627371519.0)).As<double, T>(); // 2^52 + e − (2^52 + 1023), no int64→double conversion

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Mantissa(Vector256<T> x) => typeof(T) == typeof(float)
        ? ((x.AsInt32() & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000)).As<int, T>()
        : ((x.AsInt64() & Vector256.Create(0x000FFFFFFFFFFFFFL)) | Vector256.Create(0x3FF0000000000000L)).As<long, T>();
}
