using System.Runtime.Intrinsics;
using LossDsl.Kernels;

namespace LossDsl.Runtime.Tests;

/// <summary>The inlined double exp/log against mpmath's values (DoublePolynomialReferences) and across the double range.</summary>
public class DoublePolynomialTests
{
    private delegate double[] Apply(double[] x);

    // Every hardware width, each evaluating the whole array.
    private static IEnumerable<(string Width, double[] Result)> AllWidths(double[] x, Func<Vector128<double>, Vector128<double>> f128,
        Func<Vector256<double>, Vector256<double>> f256, Func<Vector512<double>, Vector512<double>> f512)
    {
        double[] padded = x.Concat(Enumerable.Repeat(1.0, (8 - x.Length % 8) % 8)).ToArray();
        double[] Run(int count, Action<int, double[]> lanes)
        {
            var result = new double[padded.Length];
            for (int i = 0; i < padded.Length; i += count) lanes(i, result);
            return result[..x.Length];
        }
        yield return ("128", Run(2, (i, r) => f128(Vector128.Create(padded, i)).CopyTo(r, i)));
        if (Vector256.IsHardwareAccelerated) yield return ("256", Run(4, (i, r) => f256(Vector256.Create(padded, i)).CopyTo(r, i)));
        if (Vector512.IsHardwareAccelerated) yield return ("512", Run(8, (i, r) => f512(Vector512.Create(padded, i)).CopyTo(r, i)));
    }

    /// <summary>|actual − exact| in units of hi's last place (subnormal results: the subnormal spacing).</summary>
    private static double UlpError(double actual, double hi, double ulpOffset)
    {
        if (double.IsInfinity(hi) || hi == 0) return actual == hi ? 0 : double.PositiveInfinity;
        double ulp = Math.BitIncrement(Math.Abs(hi)) - Math.Abs(hi);
        return Math.Abs((actual - hi) / ulp - ulpOffset);
    }

    private static (double Error, string Where) WorstAgainstReferences((long X, double Hi, double UlpOffset)[] references, Func<Vector128<double>, Vector128<double>> f128,
        Func<Vector256<double>, Vector256<double>> f256, Func<Vector512<double>, Vector512<double>> f512, bool subnormalResults = false)
    {
        references = references.Where(r => (Math.Abs(r.Hi) < 2.2250738585072014e-308) == subnormalResults).ToArray();
        double[] x = references.Select(r => BitConverter.Int64BitsToDouble(r.X)).ToArray();
        (double Error, string Where) worst = (0, "");
        foreach ((string width, double[] result) in AllWidths(x, f128, f256, f512))
        {
            for (int i = 0; i < x.Length; i++)
            {
                double error = UlpError(result[i], references[i].Hi, references[i].UlpOffset);
                string where = $"{width}-bit f({x[i]:R}) = {result[i]:R}, exact {references[i].Hi:R} {references[i].UlpOffset:+0.000;-0.000} ulp ({error:F3} ulp)";
                Assert.True(error <= 1, where);
                if (error > worst.Error) worst = (error, where);
            }
        }
        return worst;
    }

    [Fact]
    public void Exp_is_within_about_half_an_ulp_of_the_exact_value_and_three_quarters_for_subnormal_results()
    {
        (double worst, string where) = WorstAgainstReferences(DoublePolynomialReferences.Exp, Simd128<double>.Exp, Simd256<double>.Exp, Simd512<double>.Exp);
        Assert.True(worst <= 0.6, $"max error at {where}"); // 0.58
        // A subnormal result is e^r rounded to 53 bits, then to the subnormal's fewer bits: up to ¾ ulp (double rounding).
        (double subnormal, string subnormalWhere) = WorstAgainstReferences(DoublePolynomialReferences.Exp, Simd128<double>.Exp, Simd256<double>.Exp, Simd512<double>.Exp, subnormalResults: true);
        Assert.True(subnormal <= 0.75, $"max error at {subnormalWhere}");
    }

    [Fact]
    public void Log_is_within_one_ulp_of_the_exact_value_subnormal_inputs_included()
    {
        (double worst, string where) = WorstAgainstReferences(DoublePolynomialReferences.Log, Simd128<double>.Log, Simd256<double>.Log, Simd512<double>.Log);
        Assert.True(worst <= 0.7, $"max error at {where}"); // 0.66 where log x = −ln 2 + log1p(f) cancels
    }

    [Fact]
    public void Exp_and_log_follow_ieee_special_cases()
    {
        double[] x = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, -1.0, 1e4, -1e4, 710, -746, double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon];
        double[] exp = [double.NaN, double.PositiveInfinity, 0, 1, 1, Math.Exp(-1), double.PositiveInfinity, 0, double.PositiveInfinity, 0, double.PositiveInfinity, 0, 1, 1];
        double[] log = [double.NaN, double.PositiveInfinity, double.NaN, double.NegativeInfinity, double.NegativeInfinity, double.NaN, Math.Log(1e4), double.NaN, Math.Log(710), double.NaN, Math.Log(double.MaxValue), double.NaN, Math.Log(double.Epsilon), double.NaN];
        foreach ((string width, double[] result) in AllWidths(x, Simd128<double>.Exp, Simd256<double>.Exp, Simd512<double>.Exp))
            for (int i = 0; i < x.Length; i++) Assert.True(result[i].Equals(exp[i]) || Math.Abs(result[i] - exp[i]) <= 1e-16, $"{width}-bit exp({x[i]:R}) = {result[i]:R}, expected {exp[i]:R}");
        foreach ((string width, double[] result) in AllWidths(x, Simd128<double>.Log, Simd256<double>.Log, Simd512<double>.Log))
            for (int i = 0; i < x.Length; i++) Assert.True(result[i].Equals(log[i]) || Math.Abs(result[i] - log[i]) <= 1e-13, $"{width}-bit log({x[i]:R}) = {result[i]:R}, expected {log[i]:R}");
    }

    [Fact]
    public void Exp_and_log_agree_with_the_c_library_to_one_bit_across_the_double_range()
    {
        var random = new Random(42);
        double[] expInputs = Enumerable.Range(0, 200_000).Select(_ => random.NextDouble() * 1455 - 745.1).ToArray();
        double[] logInputs = Enumerable.Range(0, 200_000).Select(_ => BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000))).ToArray();
        foreach ((string width, double[] result) in AllWidths(expInputs, Simd128<double>.Exp, Simd256<double>.Exp, Simd512<double>.Exp))
            for (int i = 0; i < expInputs.Length; i++) AssertWithinOneBit(result[i], Math.Exp(expInputs[i]), $"{width}-bit exp({expInputs[i]:R})");
        foreach ((string width, double[] result) in AllWidths(logInputs, Simd128<double>.Log, Simd256<double>.Log, Simd512<double>.Log))
            for (int i = 0; i < logInputs.Length; i++) AssertWithinOneBit(result[i], Math.Log(logInputs[i]), $"{width}-bit log({logInputs[i]:R})");
    }

    [Fact]
    public void Log1pUnit_is_within_one_ulp_over_the_unit_interval()
    {
        var random = new Random(7);
        double[] x = Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? random.NextDouble() : Math.Pow(2, -random.Next(1, 1070)) * (1 + random.NextDouble())).Append(0).Append(1).ToArray();
        double[] reciprocal = x.Select(v => 1 / (1 + v)).ToArray();
        double[] result = new double[x.Length + 8];
        for (int i = 0; i + 2 <= x.Length; i += 2)
            Simd128<double>.Log1pUnit(Vector128.Create(x, i), Vector128.Create(reciprocal, i)).CopyTo(result, i);
        if (Vector512.IsHardwareAccelerated)
            for (int i = 0; i + 8 <= x.Length; i += 8)
            {
                double[] wide = new double[8];
                Simd512<double>.Log1pUnit(Vector512.Create(x, i), Vector512.Create(reciprocal, i)).CopyTo(wide);
                for (int k = 0; k < 8; k++) Assert.Equal(result[i + k], wide[k]);
            }
        for (int i = 0; i + 2 <= x.Length; i++)
        {
            // Reference: the series below 1e-4 (its first dropped term is < 1e-16 relative), Kahan's log(u)·x/(u − 1) above.
            double u = 1 + x[i];
            double exact = x[i] < 1e-4 ? x[i] - x[i] * x[i] / 2 + x[i] * x[i] * x[i] / 3 - x[i] * x[i] * x[i] * x[i] / 4 : Math.Log(u) * x[i] / (u - 1);
            AssertWithinBits(result[i], exact, 2, $"log1p({x[i]:R})");
        }
    }

    private static void AssertWithinOneBit(double actual, double expected, string what) => AssertWithinBits(actual, expected, 1, what);

    private static void AssertWithinBits(double actual, double expected, long bits, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected) || expected == 0) { Assert.True(actual.Equals(expected), $"{what} = {actual:R}, C library {expected:R}"); return; }
        long distance = Math.Abs(BitConverter.DoubleToInt64Bits(actual) - BitConverter.DoubleToInt64Bits(expected));
        Assert.True(distance <= bits, $"{what} = {actual:R}, C library {expected:R} ({distance} bits apart)");
    }
}
