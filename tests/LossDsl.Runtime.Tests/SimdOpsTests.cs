using System.Numerics;
using System.Runtime.Intrinsics;
using LossDsl.Kernels;

namespace LossDsl.Runtime.Tests;

/// <summary>Every vector function at every width against the scalar reference, over specials and a wide grid.</summary>
public class SimdOpsTests
{
    private static readonly string[] Functions = { "Abs", "Sign", "Exp", "Log", "Log1p", "Expm1", "Sqrt", "Sigmoid", "Softplus", "LogSigmoid", "Tanh", "LogCosh", "Square", "Pow", "Max", "Min", "Clamp" };

    public static TheoryData<string> Names() => new(Functions);

    private static float[] FloatInputs()
    {
        var values = new List<float>
        {
            0f, -0f, 1f, -1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon,
            1e-40f, -1e-40f, 1e-30f, -1e-30f, 1e-7f, -1e-7f, 0.5f, -0.5f, 0.999f, 1.001f, 20f, -20f, 88.7f, -88.7f, 89f, -89f,
            103f, -103f, 1e4f, -1e4f, float.MaxValue, float.MinValue, 2f, 3f, -2f, -3f,
        };
        var random = new Random(17);
        for (int i = 0; i < 2000; i++) values.Add((float)(Math.Sinh((random.NextDouble() - 0.5) * 12) * (random.Next(2) == 0 ? 1 : 1e-3)));
        return values.ToArray();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Float_vectors_match_the_scalar_reference(string name)
    {
        float[] x = FloatInputs();
        float[] y = x.Reverse().Select(v => float.IsFinite(v) ? v * 0.37f : v).ToArray();
        float[] expected = Apply<ScalarOps<float>, float>(name, x, y);
        double worst = 0;
        if (Vector512.IsHardwareAccelerated) worst = Math.Max(worst, Compare(name, x, y, expected, Apply<Simd512<float>, Vector512<float>>(name, x, y)));
        if (Vector256.IsHardwareAccelerated) worst = Math.Max(worst, Compare(name, x, y, expected, Apply<Simd256<float>, Vector256<float>>(name, x, y)));
        if (Vector128.IsHardwareAccelerated) worst = Math.Max(worst, Compare(name, x, y, expected, Apply<Simd128<float>, Vector128<float>>(name, x, y)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Double_vectors_match_the_scalar_reference(string name)
    {
        double[] x = FloatInputs().Select(v => (double)v).Concat(new[] { 1e-310, -1e-310, 700.0, -700.0, 710, -745.2 }).ToArray();
        double[] y = x.Reverse().Select(v => double.IsFinite(v) ? v * 0.37 : v).ToArray();
        double[] expected = Apply<ScalarOps<double>, double>(name, x, y);
        if (Vector512.IsHardwareAccelerated) Compare(name, x, y, expected, Apply<Simd512<double>, Vector512<double>>(name, x, y));
        if (Vector256.IsHardwareAccelerated) Compare(name, x, y, expected, Apply<Simd256<double>, Vector256<double>>(name, x, y));
    }

    /// <summary>Applies the function lane by lane through the ops type, as generated kernels do.</summary>
    private static float[] Apply<V, TVec>(string name, float[] x, float[] y) where V : struct, ISimdOps<V, TVec, float> where TVec : struct =>
        ApplyCore<V, TVec, float>(name, x, y);

    private static double[] Apply<V, TVec>(string name, double[] x, double[] y) where V : struct, ISimdOps<V, TVec, double> where TVec : struct =>
        ApplyCore<V, TVec, double>(name, x, y);

    private static T[] ApplyCore<V, TVec, T>(string name, T[] x, T[] y) where V : struct, ISimdOps<V, TVec, T> where TVec : struct where T : unmanaged
    {
        var result = new T[x.Length];
        int count = V.Count;
        for (int i = 0; i + count <= x.Length; i += count)
        {
            TVec a = V.Load(ref x[0], i), b = V.Load(ref y[0], i);
            TVec r = name switch
            {
                "Abs" => V.Abs(a), "Sign" => V.Sign(a), "Exp" => V.Exp(a), "Log" => V.Log(a), "Log1p" => V.Log1p(a),
                "Expm1" => V.Expm1(a), "Sqrt" => V.Sqrt(a), "Sigmoid" => V.Sigmoid(a), "Softplus" => V.Softplus(a),
                "LogSigmoid" => V.LogSigmoid(a), "Tanh" => V.Tanh(a), "LogCosh" => V.LogCosh(a), "Square" => V.Square(a),
                "Pow" => V.Pow(V.Abs(a), V.Divide(b, V.Constant(64))), "Max" => V.Max(a, b), "Min" => V.Min(a, b),
                _ => V.Clamp(a, V.Constant(-0.5), V.Constant(2)),
            };
            V.Store(r, ref result[0], i);
        }
        return result;
    }

    // Agreement within 8 ulp of the reference (16 for LogCosh near 0, whose expm1 and log1p compound), and for
    // Pow within 8 + |y·ln x| ulp: exp(y·ln x) amplifies the log's rounding by the size of its argument.
    // Results in the denormal range may flush to 0 (an absolute error below the smallest normal number).
    private static double Compare<T>(string name, T[] x, T[] y, T[] expected, T[] actual) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int covered = expected.Length - expected.Length % 16;
        double epsilon = typeof(T) == typeof(float) ? 5.96e-8 : 1.11e-16;
        double minNormal = typeof(T) == typeof(float) ? 1.17549435e-38 : 2.2250738585072014e-308;
        double worst = 0;
        for (int i = 0; i < covered; i++)
        {
            double e = double.CreateTruncating(expected[i]), a = double.CreateTruncating(actual[i]);
            string what = $"{name}({x[i]}, {y[i]}) [{typeof(T).Name}]";
            if (double.IsNaN(e)) { Assert.True(double.IsNaN(a), $"{what}: expected NaN, got {a}"); continue; }
            if (double.IsInfinity(e)) { Assert.True(e == a, $"{what}: expected {e}, got {a}"); continue; }
            if (Math.Abs(a - e) < minNormal) continue;
            double ulps = name switch
            {
                "Pow" => 8 + Math.Abs(double.CreateTruncating(y[i]) / 64 * Math.Log(Math.Abs(double.CreateTruncating(x[i])))),
                "LogCosh" => 16,
                _ => 8,
            };
            double error = Math.Abs(a - e) / Math.Abs(e) / epsilon;
            // Near-zero results of cancelling forms get an absolute floor of a few ulp of 1.
            if (Math.Abs(a - e) <= 4 * epsilon * (name is "Tanh" or "Expm1" or "Log1p" or "LogCosh" ? Math.Abs(e) : 0)) continue;
            Assert.True(error <= ulps, $"{what}: expected {e:R}, got {a:R} ({error:F1} ulp)");
            worst = Math.Max(worst, error);
        }
        return worst;
    }

    [Fact]
    public void Maximum_folds_every_lane_and_propagates_NaN_at_every_width()
    {
        static void Check<V, TVec>() where V : struct, ISimdOps<V, TVec, float> where TVec : struct
        {
            float[] lanes = new float[V.Count];
            for (int hot = 0; hot < V.Count; hot++)
            {
                for (int k = 0; k < V.Count; k++) lanes[k] = -k - 1;
                lanes[hot] = 7;
                Assert.Equal(7.0, V.Maximum(V.Load(ref lanes[0], 0)));
                lanes[hot] = float.NaN;
                Assert.True(double.IsNaN(V.Maximum(V.Load(ref lanes[0], 0))), $"NaN in lane {hot} of {V.Count}");
                // MaxUnordered may lose a NaN, never an ordinary maximum.
                lanes[hot] = 7;
                Assert.Equal(7.0, V.Maximum(V.MaxUnordered(V.Load(ref lanes[0], 0), V.Constant(-100))));
            }
            Assert.Equal(double.NegativeInfinity, V.Maximum(V.Constant(double.NegativeInfinity)));
        }
        Check<ScalarOps<float>, float>();
        if (Vector128.IsHardwareAccelerated) Check<Simd128<float>, Vector128<float>>();
        if (Vector256.IsHardwareAccelerated) Check<Simd256<float>, Vector256<float>>();
        if (Vector512.IsHardwareAccelerated) Check<Simd512<float>, Vector512<float>>();
    }

    [Fact]
    public void ExpNoOverflow_is_Exp_wherever_exp_cannot_overflow_and_for_NaN()
    {
        float[] x = FloatInputs().Where(v => !(v > 88.72f)).ToArray();
        static void Check<V, TVec>(float[] x) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
        {
            for (int i = 0; i + V.Count <= x.Length; i += V.Count)
            {
                float[] exp = new float[V.Count], fast = new float[V.Count];
                V.Store(V.Exp(V.Load(ref x[i], 0)), ref exp[0], 0);
                V.Store(V.ExpNoOverflow(V.Load(ref x[i], 0)), ref fast[0], 0);
                for (int k = 0; k < V.Count; k++) Assert.True(exp[k].Equals(fast[k]), $"x = {x[i + k]:R}: Exp {exp[k]:R}, ExpNoOverflow {fast[k]:R}");
            }
        }
        Check<ScalarOps<float>, float>(x);
        if (Vector128.IsHardwareAccelerated) Check<Simd128<float>, Vector128<float>>(x);
        if (Vector256.IsHardwareAccelerated) Check<Simd256<float>, Vector256<float>>(x);
        if (Vector512.IsHardwareAccelerated) Check<Simd512<float>, Vector512<float>>(x);
    }
}
