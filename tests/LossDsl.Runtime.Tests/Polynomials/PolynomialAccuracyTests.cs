using System.Runtime.Intrinsics;
using LossDsl.Kernels;

namespace LossDsl.Runtime.Tests;

/// <summary>The inlined float exp/log against the double reference over the whole float range.</summary>
public class PolynomialAccuracyTests
{
    // Every 4099th bit pattern of the float range (about a million values, both signs), plus specials.
    private static float[] Sweep()
    {
        var values = new List<float>();
        for (long bits = 0; bits <= uint.MaxValue; bits += 4099) values.Add(BitConverter.UInt32BitsToSingle((uint)bits));
        values.AddRange(new[] { 0f, -0f, float.Epsilon, float.MaxValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 88.72283f, 88.7229f, -87.33654f, -87.34f, 1f, 2f });
        while (values.Count % 16 != 0) values.Add(1f);
        return values.ToArray();
    }

    private static double UlpError(float actual, double exact)
    {
        if (double.IsNaN(exact)) return float.IsNaN(actual) ? 0 : double.PositiveInfinity;
        float rounded = (float)exact;
        if (float.IsInfinity(rounded) || float.IsInfinity(actual)) return rounded == actual ? 0 : double.PositiveInfinity;
        if (Math.Abs(exact) < 1.17549435e-38) return Math.Abs(actual) < 1.17549435e-38 ? 0 : double.PositiveInfinity; // denormal results flush
        double ulp = Math.Abs(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(rounded) + 1) - rounded);
        return Math.Abs(actual - exact) / ulp;
    }

    private static double MaxError(Func<Vector128<float>, Vector128<float>> f128, Func<Vector256<float>, Vector256<float>> f256,
        Func<Vector512<float>, Vector512<float>> f512, Func<double, double> exact)
    {
        float[] x = Sweep();
        double worst = 0;
        var results = new float[x.Length];
        void Check()
        {
            for (int i = 0; i < x.Length; i++)
            {
                double error = UlpError(results[i], exact(x[i]));
                Assert.True(error <= 2, $"f({x[i]:R}) = {results[i]:R}, exact {exact(x[i]):R} ({error:F2} ulp)");
                worst = Math.Max(worst, error);
            }
        }
        for (int i = 0; i < x.Length; i += 4) f128(Vector128.Create(x, i)).CopyTo(results, i);
        Check();
        if (Vector256.IsHardwareAccelerated)
        {
            for (int i = 0; i < x.Length; i += 8) f256(Vector256.Create(x, i)).CopyTo(results, i);
            Check();
        }
        if (Vector512.IsHardwareAccelerated)
        {
            for (int i = 0; i < x.Length; i += 16) f512(Vector512.Create(x, i)).CopyTo(results, i);
            Check();
        }
        return worst;
    }

    [Fact]
    public void Exp_is_within_one_and_a_half_ulp_over_the_float_range()
    {
        double worst = MaxError(Simd128<float>.Exp, Simd256<float>.Exp, Simd512<float>.Exp, Math.Exp);
        Assert.True(worst <= 1.5, $"max error {worst:F3} ulp");
    }

    [Fact]
    public void Log_is_within_one_and_a_half_ulp_over_the_float_range()
    {
        double worst = MaxError(Simd128<float>.Log, Simd256<float>.Log, Simd512<float>.Log, Math.Log);
        Assert.True(worst <= 1.5, $"max error {worst:F3} ulp");
    }
}
