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

    /// <summary>e^x: for float our inlined polynomial (<see cref="ExpSingle"/>), for double .NET's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Exp(Vector128<T> x) => typeof(T) == typeof(float)
        ? ExpSingle(x.AsSingle()).As<float, T>()
        : Vector128.Exp(x.AsDouble()).As<double, T>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Round(Vector128<T> x) => typeof(T) == typeof(float)
        ? Vector128.Round(x.AsSingle()).As<float, T>()
        : Vector128.Round(x.AsDouble()).As<double, T>();

    /// <summary>log(x): for float our inlined polynomial (<see cref="LogSingle"/>), for double .NET's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log(Vector128<T> x) => typeof(T) == typeof(float)
        ? LogSingle(x.AsSingle()).As<float, T>()
        : Vector128.Log(x.AsDouble()).As<double, T>();

    /// <summary>
    /// Float e^x, inlined (.NET's vector Exp is a call that spills registers and widens to double).
    /// Cody–Waite reduction x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r (Cephes' expf
    /// coefficients), and 2^n added to the exponent bits. Max error 1 ulp (tested over the float range).
    /// Results below the smallest normal float flush to 0 (no denormal slow path); above 88.72 → +∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpSingle(Vector128<float> x)
    {
        Vector128<float> magic = Vector128.Create(12582912f); // 1.5·2^23: adding it rounds to an integer in the low bits
        Vector128<float> shifted = Vector128.MultiplyAddEstimate(x, Vector128.Create(1.44269504088896341f), magic);
        Vector128<float> n = shifted - magic;
        Vector128<float> r = Vector128.MultiplyAddEstimate(n, Vector128.Create(-0.693359375f), x); // ln2 high part: n·hi is exact
        r = Vector128.MultiplyAddEstimate(n, Vector128.Create(2.12194440e-4f), r);                // ln2 low part
        Vector128<float> p = Vector128.Create(1.9875691500e-4f);
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(1.3981999507e-3f));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(8.3334519073e-3f));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(4.1665795894e-2f));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(1.6666665459e-1f));
        p = Vector128.MultiplyAddEstimate(p, r, Vector128.Create(5.0000001201e-1f));
        Vector128<float> er = Vector128.MultiplyAddEstimate(p, r * r, r) + Vector128<float>.One;
        Vector128<int> exponent = Vector128.ShiftLeft(shifted.AsInt32() - magic.AsInt32(), 23);
        Vector128<float> result = (er.AsInt32() + exponent).AsSingle();
        result = Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128.Create(88.7228317f)), Vector128.Create(float.PositiveInfinity), result);
        result = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(-87.3365479f)), Vector128<float>.Zero, result);
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x); // NaN stays NaN
    }

    /// <summary>
    /// Float log(x), inlined. x = m·2^e with m in [√½, √2), f = m - 1, and Cephes' logf polynomial in f;
    /// denormal inputs are scaled into the normal range first. Max error 1 ulp (tested over the float
    /// range). log(0) = -∞, log(+∞) = +∞, negative or NaN → NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LogSingle(Vector128<float> x)
    {
        Vector128<float> denormal = Vector128.LessThan(x, Vector128.Create(1.17549435e-38f));
        Vector128<float> scaled = Vector128.ConditionalSelect(denormal, x * Vector128.Create(8388608f), x); // ·2^23
        Vector128<float> result = LogOfNormal(scaled) - Vector128.ConditionalSelect(denormal, Vector128.Create(15.9423847f), Vector128<float>.Zero); // 23·ln2
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<float>.Zero), Vector128.Create(float.NegativeInfinity), result);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, Vector128.Create(float.PositiveInfinity)), x, result);
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), result, Vector128.Create(float.NaN));
    }

    /// <summary>
    /// log1p(x) for x in [0, 1] (or NaN) given r = 1/(1 + x), without LogSingle's special cases:
    /// log(u) + (x - (u - 1))·r with u = 1 + x, where the second term restores what rounding 1 + x lost.
    /// Softplus and LogSigmoid reach it as log1p(exp(-|x|)), sharing r with sigmoid. Max error 1 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1pUnitSingle(Vector128<float> x, Vector128<float> reciprocal)
    {
        Vector128<float> u = x + Vector128<float>.One;
        return Vector128.MultiplyAddEstimate(x - (u - Vector128<float>.One), reciprocal, LogOfNormal(u));
    }

    // log of a positive, finite, normal float: the decomposition and the polynomial.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> LogOfNormal(Vector128<float> x)
    {
        Vector128<int> bits = x.AsInt32();
        Vector128<float> e = Vector128.ConvertToSingle(Vector128.ShiftRightLogical(bits, 23) - Vector128.Create(127));
        Vector128<float> m = ((bits & Vector128.Create(0x007FFFFF)) | Vector128.Create(0x3F800000)).AsSingle(); // [1, 2)
        Vector128<float> large = Vector128.GreaterThan(m, Vector128.Create(1.41421356f));
        m = Vector128.ConditionalSelect(large, m * Vector128.Create(0.5f), m);
        e += Vector128.ConditionalSelect(large, Vector128<float>.One, Vector128<float>.Zero);
        Vector128<float> f = m - Vector128<float>.One;
        Vector128<float> z = f * f;
        Vector128<float> y = Vector128.Create(7.0376836292e-2f);
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(-1.1514610310e-1f));
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(1.1676998740e-1f));
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(-1.2420140846e-1f));
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(1.4249322787e-1f));
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(-1.6668057665e-1f));
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(2.0000714765e-1f));
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(-2.4999993993e-1f));
        y = Vector128.MultiplyAddEstimate(y, f, Vector128.Create(3.3333331174e-1f));
        y = y * f * z;
        y = Vector128.MultiplyAddEstimate(e, Vector128.Create(-2.12194440e-4f), y);
        y = Vector128.MultiplyAddEstimate(z, Vector128.Create(-0.5f), y);
        return Vector128.MultiplyAddEstimate(e, Vector128.Create(0.693359375f), f + y);
    }

    /// <summary>log1p for x in [0, 1] given r = 1/(1 + x): for float <see cref="Log1pUnitSingle"/>, for double the same with .NET's log.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Log1pUnit(Vector128<T> x, Vector128<T> reciprocal)
    {
        if (typeof(T) == typeof(float)) return Log1pUnitSingle(x.AsSingle(), reciprocal.AsSingle()).As<float, T>();
        Vector128<double> d = x.AsDouble();
        Vector128<double> u = d + Vector128<double>.One;
        return (Vector128.Log(u) + (d - (u - Vector128<double>.One)) * reciprocal.AsDouble()).As<double, T>();
    }
}
