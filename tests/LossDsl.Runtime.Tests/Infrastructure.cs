using System.Runtime.Intrinsics;

namespace LossDsl.Runtime.Tests;

internal static class Widths
{
    /// <summary>Elements of the widest accelerated float vector: the kernels' main loop width.</summary>
    public static int Float => Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : 4;

    /// <summary>Every length from 0 to 3 vectors + 1: main loop, narrower widths and scalar tail.</summary>
    public static IEnumerable<int> Lengths => Enumerable.Range(0, 3 * Float + 2);
}

internal static class Numeric
{
    public static double FiniteDifference(Func<double, double> f, double x)
    {
        double h = 1e-6 * Math.Max(1, Math.Abs(x));
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    public static void Close(double expected, double actual, double relative, string what)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}"); return; }
        if (double.IsInfinity(expected)) { Assert.Equal(expected, actual); return; }
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static float[] Random(int n, int seed, float scale = 3f)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() - 0.5) * 2 * scale)).ToArray();
    }
}
