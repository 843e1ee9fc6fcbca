using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossDsl.Kernels;

/// <summary><see cref="ISimdOps{TSelf, TVec, T}"/> over <see cref="Vector512{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Simd512<T> : ISimdOps<Simd512<T>, Vector512<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;
    public static Vector512<T> Zero => Vector512<T>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Create(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Constant(double value) => Vector512.Create(T.CreateTruncating(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T source, int index) => Vector512.LoadUnsafe(ref source, (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T destination, int index) => value.StoreUnsafe(ref destination, (nuint)index);

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreStreaming"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreStreaming(Vector512<T> value, ref T destination, int index) =>
        value.StoreAlignedNonTemporal((T*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.LoadHalf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LoadHalf(ref Half source, int index) => HalfConversion.Load512(ref source, index).As<float, T>();

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreHalf"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalf(Vector512<T> value, ref Half destination, int index) => HalfConversion.Store512(value.AsSingle(), ref destination, index);

    /// <inheritdoc cref="ISimdOps{TSelf, TVec, T}.StoreHalfStreaming"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreHalfStreaming(Vector512<T> value, ref Half destination, int index) => HalfConversion.Store512Streaming(value.AsSingle(), ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector512<T> value)
    {
        if (typeof(T) == typeof(float))
        {
            // Widen before adding lanes: the lane sums of a block are added in double.
            (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(value.AsSingle());
            return Vector512.Sum(lower + upper);
        }
        return Vector512.Sum(value.AsDouble());
    }

    /// <summary>The largest lane, as a double; NaN if any lane is NaN.</summary>
    public static double Maximum(Vector512<T> value) => LaneMaximum.Of(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Subtract(Vector512<T> a, Vector512<T> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Multiply(Vector512<T> a, Vector512<T> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Divide(Vector512<T> a, Vector512<T> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Negate(Vector512<T> a) => -a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Equal(Vector512<T> a, Vector512<T> b) => Vector512.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> LessThan(Vector512<T> a, Vector512<T> b) => Vector512.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> LessThanOrEqual(Vector512<T> a, Vector512<T> b) => Vector512.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> And(Vector512<T> a, Vector512<T> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Or(Vector512<T> a, Vector512<T> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Not(Vector512<T> a) => ~a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Select(Vector512<T> mask, Vector512<T> whenTrue, Vector512<T> whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Abs(Vector512<T> x) => Vector512.Abs(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Sqrt(Vector512<T> x) => Vector512.Sqrt(x);
    // The hardware max/min plus one select for NaN: cheaper than the IEEE 754:2019 Max/Min (which also order
    // -0 below +0, a difference no loss can see). x86's max returns the second operand when either is NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Max(Vector512<T> a, Vector512<T> b) => Vector512.ConditionalSelect(Vector512.Equals(a, a), Vector512.MaxNative(a, b), a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> Min(Vector512<T> a, Vector512<T> b) => Vector512.ConditionalSelect(Vector512.Equals(a, a), Vector512.MinNative(a, b), a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> MaxUnordered(Vector512<T> a, Vector512<T> b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<T> MinUnordered(Vector512<T> a, Vector512<T> b) => Vector512.MinNative(a, b);

    /// <summary>e^x: <see cref="FloatPolynomials.Exp{V, TVec}"/> or <see cref="DoublePolynomials.Exp{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp(Vector512<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.Exp<Simd512<float>, Vector512<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Exp<Simd512<double>, Vector512<double>>(x.AsDouble()).As<double, T>();

    /// <summary>e^x for x ≤ 88.72 or NaN: for float <see cref="FloatPolynomials.ExpNoOverflow{V, TVec}"/>, for double the full Exp (its clamp costs two instructions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ExpNoOverflow(Vector512<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.ExpNoOverflow<Simd512<float>, Vector512<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Exp<Simd512<double>, Vector512<double>>(x.AsDouble()).As<double, T>();

    /// <summary>log(x): <see cref="FloatPolynomials.Log{V, TVec}"/> or <see cref="DoublePolynomials.Log{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log(Vector512<T> x) => typeof(T) == typeof(float)
        ? FloatPolynomials.Log<Simd512<float>, Vector512<float>>(x.AsSingle()).As<float, T>()
        : DoublePolynomials.Log<Simd512<double>, Vector512<double>>(x.AsDouble()).As<double, T>();

    /// <summary>log1p for x in [0, 1] given r = 1/(1 + x): <see cref="FloatPolynomials.Log1pUnit{V, TVec}"/> or <see cref="DoublePolynomials.Log1pUnit{V, TVec}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log1pUnit(Vector512<T> x, Vector512<T> reciprocal) => typeof(T) == typeof(float)
        ? FloatPolynomials.Log1pUnit<Simd512<float>, Vector512<float>>(x.AsSingle(), reciprocal.AsSingle()).As<float, T>()
        : DoublePolynomials.Log1pUnit<Simd512<double>, Vector512<double>>(x.AsDouble(), reciprocal.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Round(Vector512<T> x) => typeof(T) == typeof(float)
        ? Vector512.Round(x.AsSingle()).As<float, T>()
        : Vector512.Round(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c) => typeof(T) == typeof(float)
        ? Vector512.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>()
        : Vector512.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ScaleByPowerOfTwo(Vector512<T> x, Vector512<T> n) => typeof(T) == typeof(float)
        ? (x.AsInt32() + Vector512.ShiftLeft(Vector512.ConvertToInt32Native(n.AsSingle()), 23)).As<int, T>()
        : (x.AsInt64() + Vector512.ShiftLeft((n.AsDouble() + Vector512.Create(6755399441055744.0)).AsInt64(), 52)).As<long, T>(); // n's bits via 1.5·2^52: AVX2 has no double→int64 conversion

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exponent(Vector512<T> x) => typeof(T) == typeof(float)
        ? Vector512.ConvertToSingle(Vector512.ShiftRightLogical(x.AsInt32(), 23) - Vector512.Create(127)).As<float, T>()
        : ((Vector512.ShiftRightLogical(x.AsInt64(), 52) | Vector512.Create(0x4330000000000000L)).AsDouble() - Vector512.Create(4503599627371519.0)).As<double, T>(); // 2^52 + e − (2^52 + 1023), no int64→double conversion

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Mantissa(Vector512<T> x) => typeof(T) == typeof(float)
        ? ((x.AsInt32() & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F800000)).As<int, T>()
        : ((x.AsInt64() & Vector512.Create(0x000FFFFFFFFFFFFFL)) | Vector512.Create(0x3FF0000000000000L)).As<long, T>();
}
