using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossDsl.Kernels;

/// <summary>
/// <see cref="ISimdOps{TSelf, TVec, T}"/> over single values: the kernels' scalar tail. A mask is a
/// value whose bits are all set (a NaN) or all clear (+0). Functions are those of <see cref="LossMath"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ScalarOps<T> : ISimdOps<ScalarOps<T>, T, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private static readonly T AllBitsSet = T.AllBitsSet;

    public static int Count => 1;
    public static bool IsHardwareAccelerated => true;
    public static T Zero => T.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Create(T value) => value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Constant(double value) => T.CreateTruncating(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Load(ref T source, int index) => Unsafe.Add(ref source, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(T value, ref T destination, int index) => Unsafe.Add(ref destination, index) = value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreStreaming(T value, ref T destination, int index) => Unsafe.Add(ref destination, index) = value;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T LoadHalf(ref Half source, int index) => T.CreateTruncating((float)Unsafe.Add(ref source, index));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreHalf(T value, ref Half destination, int index) => Unsafe.Add(ref destination, index) = (Half)float.CreateTruncating(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void StoreHalfStreaming(T value, ref Half destination, int index) => StoreHalf(value, ref destination, index);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Sum(T value) => double.CreateTruncating(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static double Maximum(T value) => double.CreateTruncating(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Add(T a, T b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Subtract(T a, T b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Multiply(T a, T b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Divide(T a, T b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Negate(T a) => -a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static T Mask(bool value) => value ? AllBitsSet : T.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static bool IsSet(T mask) => T.IsNaN(mask);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Equal(T a, T b) => Mask(a == b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T LessThan(T a, T b) => Mask(a < b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T LessThanOrEqual(T a, T b) => Mask(a <= b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T And(T a, T b) => Mask(IsSet(a) & IsSet(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Or(T a, T b) => Mask(IsSet(a) | IsSet(b));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Not(T a) => Mask(!IsSet(a));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Select(T mask, T whenTrue, T whenFalse) => IsSet(mask) ? whenTrue : whenFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T MultiplyAdd(T a, T b, T c) => a * b + c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T ScaleByPowerOfTwo(T x, T n) => T.ScaleB(x, int.CreateTruncating(n));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Exponent(T x) => T.CreateTruncating(T.ILogB(x));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Mantissa(T x) => T.ScaleB(x, -T.ILogB(x));
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Abs(T x) => T.Abs(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Sqrt(T x) => T.Sqrt(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Round(T x) => T.Round(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Exp(T x) => T.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Log(T x) => T.Log(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Pow(T x, T y) => T.Pow(x, y);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Max(T a, T b) => Via(a, b, StableMath.Max);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Min(T a, T b) => Via(a, b, StableMath.Min);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Sign(T x) => Via(x, StableMath.Sign);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Clamp(T x, T low, T high) => Min(Max(x, low), high);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Log1p(T x) => Via(x, StableMath.Log1p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Log1pUnit(T x, T reciprocal) => Via(x, StableMath.Log1p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Expm1(T x) => Via(x, StableMath.Expm1);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Sigmoid(T x) => Via(x, StableMath.Sigmoid);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Softplus(T x) => Via(x, StableMath.Softplus);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T LogSigmoid(T x) => Via(x, StableMath.LogSigmoid);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T Tanh(T x) => T.Tanh(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static T LogCosh(T x) => Via(x, StableMath.LogCosh);

    // The stable algorithms run in double and round once: the most accurate float reference.
    // A cached delegate call per element: this path only runs the tail of fewer than one vector.
    private static T Via(T x, Func<double, double> f) => T.CreateTruncating(f(double.CreateTruncating(x)));
    private static T Via(T a, T b, Func<double, double, double> f) => T.CreateTruncating(f(double.CreateTruncating(a), double.CreateTruncating(b)));
}
