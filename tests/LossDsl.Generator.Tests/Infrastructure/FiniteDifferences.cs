namespace LossDsl.Generator.Tests.Infrastructure;

/// <summary>Central finite differences in double, with a step scaled to the point.</summary>
internal static class FiniteDifferences
{
    public static double Derivative(Func<double, double> f, double x)
    {
        double h = 1e-6 * Math.Max(1, Math.Abs(x));
        return (f(x + h) - f(x - h)) / (2 * h);
    }

    /// <summary>Whether a derivative agrees with its estimate to within a tolerance relative to its scale.</summary>
    public static bool Close(double actual, double estimate, double scale, double tolerance = 1e-4) =>
        Math.Abs(actual - estimate) <= tolerance * Math.Max(1, Math.Max(Math.Abs(estimate), scale));
}
