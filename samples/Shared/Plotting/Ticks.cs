using System.Globalization;

namespace LossDsl.Samples.Plotting;

/// <summary>Axis extents and "nice" tick positions (steps of 1, 2 or 5 times a power of ten).</summary>
public static class Ticks
{
    public static (double Min, double Max) Extent(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min > max) return (0, 1);
        if (min == max) return (min - 1, max + 1);
        return (min, max);
    }

    /// <summary>About five round ticks covering [min, max].</summary>
    public static double[] Nice(double min, double max)
    {
        double raw = (max - min) / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        double first = Math.Floor(min / step) * step, last = Math.Ceiling(max / step) * step;
        int count = (int)Math.Round((last - first) / step) + 1;
        return Enumerable.Range(0, count).Select(i => Math.Round(first + i * step, 12)).ToArray();
    }

    public static string Label(double value) => Math.Abs(value) < 1e-12 ? "0" : value.ToString("G4", CultureInfo.InvariantCulture);
}
