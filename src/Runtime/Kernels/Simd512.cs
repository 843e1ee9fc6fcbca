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

    /// <summary>e^x: for float our inlined polynomial (<see cref="ExpSingle"/>), for double .NET's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Exp(Vector512<T> x) => typeof(T) == typeof(float)
        ? ExpSingle(x.AsSingle()).As<float, T>()
        : Vector512.Exp(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Round(Vector512<T> x) => typeof(T) == typeof(float)
        ? Vector512.Round(x.AsSingle()).As<float, T>()
        : Vector512.Round(x.AsDouble()).As<double, T>();

    /// <summary>log(x): for float our inlined polynomial (<see cref="LogSingle"/>), for double .NET's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log(Vector512<T> x) => typeof(T) == typeof(float)
        ? LogSingle(x.AsSingle()).As<float, T>()
        : Vector512.Log(x.AsDouble()).As<double, T>();

    /// <summary>
    /// Float e^x, inlined (.NET's vector Exp is a call that spills registers and widens to double).
    /// Cody–Waite reduction x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r (Cephes' expf
    /// coefficients), and 2^n added to the exponent bits. Max error 1 ulp (tested over the float range).
    /// Results below the smallest normal float flush to 0 (no denormal slow path); above 88.72 → +∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpSingle(Vector512<float> x)
    {
        Vector512<float> magic = Vector512.Create(12582912f); // 1.5·2^23: adding it rounds to an integer in the low bits
        Vector512<float> shifted = Vector512.MultiplyAddEstimate(x, Vector512.Create(1.44269504088896341f), magic);
        Vector512<float> n = shifted - magic;
        Vector512<float> r = Vector512.MultiplyAddEstimate(n, Vector512.Create(-0.693359375f), x); // ln2 high part: n·hi is exact
        r = Vector512.MultiplyAddEstimate(n, Vector512.Create(2.12194440e-4f), r);                // ln2 low part
        Vector512<float> p = Vector512.Create(1.9875691500e-4f);
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.3981999507e-3f));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(8.3334519073e-3f));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(4.1665795894e-2f));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(1.6666665459e-1f));
        p = Vector512.MultiplyAddEstimate(p, r, Vector512.Create(5.0000001201e-1f));
        Vector512<float> er = Vector512.MultiplyAddEstimate(p, r * r, r) + Vector512<float>.One;
        Vector512<int> exponent = Vector512.ShiftLeft(shifted.AsInt32() - magic.AsInt32(), 23);
        Vector512<float> result = (er.AsInt32() + exponent).AsSingle();
        result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512.Create(88.7228317f)), Vector512.Create(float.PositiveInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(-87.3365479f)), Vector512<float>.Zero, result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x); // NaN stays NaN
    }

    /// <summary>
    /// Float log(x), inlined. x = m·2^e with m in [√½, √2), f = m - 1, and Cephes' logf polynomial in f;
    /// denormal inputs are scaled into the normal range first. Max error 1 ulp (tested over the float
    /// range). log(0) = -∞, log(+∞) = +∞, negative or NaN → NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LogSingle(Vector512<float> x)
    {
        Vector512<float> denormal = Vector512.LessThan(x, Vector512.Create(1.17549435e-38f));
        Vector512<float> scaled = Vector512.ConditionalSelect(denormal, x * Vector512.Create(8388608f), x); // ·2^23
        Vector512<float> result = LogOfNormal(scaled) - Vector512.ConditionalSelect(denormal, Vector512.Create(15.9423847f), Vector512<float>.Zero); // 23·ln2
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<float>.Zero), Vector512.Create(float.NegativeInfinity), result);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, Vector512.Create(float.PositiveInfinity)), x, result);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), result, Vector512.Create(float.NaN));
    }

    /// <summary>
    /// log1p(x) for x in [0, 1] (or NaN) given r = 1/(1 + x), without LogSingle's special cases:
    /// log(u) + (x - (u - 1))·r with u = 1 + x, where the second term restores what rounding 1 + x lost.
    /// Softplus and LogSigmoid reach it as log1p(exp(-|x|)), sharing r with sigmoid. Max error 1 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1pUnitSingle(Vector512<float> x, Vector512<float> reciprocal)
    {
        Vector512<float> u = x + Vector512<float>.One;
        return Vector512.MultiplyAddEstimate(x - (u - Vector512<float>.One), reciprocal, LogOfNormal(u));
    }

    // log of a positive, finite, normal float: the decomposition and the polynomial.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogOfNormal(Vector512<float> x)
    {
        Vector512<int> bits = x.AsInt32();
        Vector512<float> e = Vector512.ConvertToSingle(Vector512.ShiftRightLogical(bits, 23) - Vector512.Create(127));
        Vector512<float> m = ((bits & Vector512.Create(0x007FFFFF)) | Vector512.Create(0x3F800000)).AsSingle(); // [1, 2)
        Vector512<float> large = Vector512.GreaterThan(m, Vector512.Create(1.41421356f));
        m = Vector512.ConditionalSelect(large, m * Vector512.Create(0.5f), m);
        e += Vector512.ConditionalSelect(large, Vector512<float>.One, Vector512<float>.Zero);
        Vector512<float> f = m - Vector512<float>.One;
        Vector512<float> z = f * f;
        Vector512<float> y = Vector512.Create(7.0376836292e-2f);
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(-1.1514610310e-1f));
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(1.1676998740e-1f));
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(-1.2420140846e-1f));
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(1.4249322787e-1f));
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(-1.6668057665e-1f));
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(2.0000714765e-1f));
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(-2.4999993993e-1f));
        y = Vector512.MultiplyAddEstimate(y, f, Vector512.Create(3.3333331174e-1f));
        y = y * f * z;
        y = Vector512.MultiplyAddEstimate(e, Vector512.Create(-2.12194440e-4f), y);
        y = Vector512.MultiplyAddEstimate(z, Vector512.Create(-0.5f), y);
        return Vector512.MultiplyAddEstimate(e, Vector512.Create(0.693359375f), f + y);
    }

    /// <summary>log1p for x in [0, 1] given r = 1/(1 + x): for float <see cref="Log1pUnitSingle"/>, for double the same with .NET's log.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Log1pUnit(Vector512<T> x, Vector512<T> reciprocal)
    {
        if (typeof(T) == typeof(float)) return Log1pUnitSingle(x.AsSingle(), reciprocal.AsSingle()).As<float, T>();
        Vector512<double> d = x.AsDouble();
        Vector512<double> u = d + Vector512<double>.One;
        return (Vector512.Log(u) + (d - (u - Vector512<double>.One)) * reciprocal.AsDouble()).As<double, T>();
    }
}
