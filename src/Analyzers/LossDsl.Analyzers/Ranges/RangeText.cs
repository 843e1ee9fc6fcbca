using System.Globalization;

namespace LossDsl.Analyzers.Ranges;

/// <summary>Numbers and ranges as diagnostics print them: short, ±∞ by name, "unconstrained" for a free input.</summary>
internal static class RangeText
{
    public static string Describe(Interval range, FloatingType type)
    {
        if (range.IsEmpty) return "no value";
        double max = type.MaxValue();
        if (range.Lo <= -max && range.Hi >= max) return "unconstrained";
        return "[" + Number(range.Lo <= -max ? double.NegativeInfinity : range.Lo) + ", " + Number(range.Hi >= max ? double.PositiveInfinity : range.Hi) + "]";
    }

    /// <summary>A stated bound: [1, ∞], not [1, Infinity].</summary>
    public static string Bounds(double min, double max) => "[" + Number(min) + ", " + Number(max) + "]";

    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "-∞" : value.ToString("G6", CultureInfo.InvariantCulture);
}
