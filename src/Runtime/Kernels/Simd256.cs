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

    /// <summary>e^x: for float our inlined polynomial (<see cref="ExpSingle"/>), for double .NET's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Exp(Vector256<T> x) => typeof(T) == typeof(float)
        ? ExpSingle(x.AsSingle()).As<float, T>()
        : Vector256.Exp(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Round(Vector256<T> x) => typeof(T) == typeof(float)
        ? Vector256.Round(x.AsSingle()).As<float, T>()
        : Vector256.Round(x.AsDouble()).As<double, T>();

    /// <summary>log(x): for float our inlined polynomial (<see cref="LogSingle"/>), for double .NET's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log(Vector256<T> x) => typeof(T) == typeof(float)
        ? LogSingle(x.AsSingle()).As<float, T>()
        : Vector256.Log(x.AsDouble()).As<double, T>();

    /// <summary>
    /// Float e^x, inlined (.NET's vector Exp is a call that spills registers and widens to double).
    /// Cody–Waite reduction x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r (Cephes' expf
    /// coefficients), and 2^n added to the exponent bits. Max error 1 ulp (tested over the float range).
    /// Results below the smallest normal float flush to 0 (no denormal slow path); above 88.72 → +∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpSingle(Vector256<float> x)
    {
        Vector256<float> magic = Vector256.Create(12582912f); // 1.5·2^23: adding it rounds to an integer in the low bits
        Vector256<float> shifted = Vector256.MultiplyAddEstimate(x, Vector256.Create(1.44269504088896341f), magic);
        Vector256<float> n = shifted - magic;
        Vector256<float> r = Vector256.MultiplyAddEstimate(n, Vector256.Create(-0.693359375f), x); // ln2 high part: n·hi is exact
        r = Vector256.MultiplyAddEstimate(n, Vector256.Create(2.12194440e-4f), r);                // ln2 low part
        Vector256<float> p = Vector256.Create(1.9875691500e-4f);
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(1.3981999507e-3f));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(8.3334519073e-3f));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(4.1665795894e-2f));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(1.6666665459e-1f));
        p = Vector256.MultiplyAddEstimate(p, r, Vector256.Create(5.0000001201e-1f));
        Vector256<float> er = Vector256.MultiplyAddEstimate(p, r * r, r) + Vector256<float>.One;
        Vector256<int> exponent = Vector256.ShiftLeft(shifted.AsInt32() - magic.AsInt32(), 23);
        Vector256<float> result = (er.AsInt32() + exponent).AsSingle();
        result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256.Create(88.7228317f)), Vector256.Create(float.PositiveInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(-87.3365479f)), Vector256<float>.Zero, result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x); // NaN stays NaN
    }

    /// <summary>
    /// Float log(x), inlined. x = m·2^e with m in [√½, √2), f = m - 1, and Cephes' logf polynomial in f;
    /// denormal inputs are scaled into the normal range first. Max error 1 ulp (tested over the float
    /// range). log(0) = -∞, log(+∞) = +∞, negative or NaN → NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LogSingle(Vector256<float> x)
    {
        Vector256<float> denormal = Vector256.LessThan(x, Vector256.Create(1.17549435e-38f));
        Vector256<float> scaled = Vector256.ConditionalSelect(denormal, x * Vector256.Create(8388608f), x); // ·2^23
        Vector256<float> result = LogOfNormal(scaled) - Vector256.ConditionalSelect(denormal, Vector256.Create(15.9423847f), Vector256<float>.Zero); // 23·ln2
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<float>.Zero), Vector256.Create(float.NegativeInfinity), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256.Create(float.PositiveInfinity)), x, result);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), result, Vector256.Create(float.NaN));
    }

    /// <summary>
    /// log1p(x) for x in [0, 1] (or NaN) given r = 1/(1 + x), without LogSingle's special cases:
    /// log(u) + (x - (u - 1))·r with u = 1 + x, where the second term restores what rounding 1 + x lost.
    /// Softplus and LogSigmoid reach it as log1p(exp(-|x|)), sharing r with sigmoid. Max error 1 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1pUnitSingle(Vector256<float> x, Vector256<float> reciprocal)
    {
        Vector256<float> u = x + Vector256<float>.One;
        return Vector256.MultiplyAddEstimate(x - (u - Vector256<float>.One), reciprocal, LogOfNormal(u));
    }

    // log of a positive, finite, normal float: the decomposition and the polynomial.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LogOfNormal(Vector256<float> x)
    {
        Vector256<int> bits = x.AsInt32();
        Vector256<float> e = Vector256.ConvertToSingle(Vector256.ShiftRightLogical(bits, 23) - Vector256.Create(127));
        Vector256<float> m = ((bits & Vector256.Create(0x007FFFFF)) | Vector256.Create(0x3F800000)).AsSingle(); // [1, 2)
        Vector256<float> large = Vector256.GreaterThan(m, Vector256.Create(1.41421356f));
        m = Vector256.ConditionalSelect(large, m * Vector256.Create(0.5f), m);
        e += Vector256.ConditionalSelect(large, Vector256<float>.One, Vector256<float>.Zero);
        Vector256<float> f = m - Vector256<float>.One;
        Vector256<float> z = f * f;
        Vector256<float> y = Vector256.Create(7.0376836292e-2f);
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(-1.1514610310e-1f));
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(1.1676998740e-1f));
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(-1.2420140846e-1f));
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(1.4249322787e-1f));
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(-1.6668057665e-1f));
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(2.0000714765e-1f));
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(-2.4999993993e-1f));
        y = Vector256.MultiplyAddEstimate(y, f, Vector256.Create(3.3333331174e-1f));
        y = y * f * z;
        y = Vector256.MultiplyAddEstimate(e, Vector256.Create(-2.12194440e-4f), y);
        y = Vector256.MultiplyAddEstimate(z, Vector256.Create(-0.5f), y);
        return Vector256.MultiplyAddEstimate(e, Vector256.Create(0.693359375f), f + y);
    }

    /// <summary>log1p for x in [0, 1] given r = 1/(1 + x): for float <see cref="Log1pUnitSingle"/>, for double the same with .NET's log.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Log1pUnit(Vector256<T> x, Vector256<T> reciprocal)
    {
        if (typeof(T) == typeof(float)) return Log1pUnitSingle(x.AsSingle(), reciprocal.AsSingle()).As<float, T>();
        Vector256<double> d = x.AsDouble();
        Vector256<double> u = d + Vector256<double>.One;
        return (Vector256.Log(u) + (d - (u - Vector256<double>.One)) * reciprocal.AsDouble()).As<double, T>();
    }
}
