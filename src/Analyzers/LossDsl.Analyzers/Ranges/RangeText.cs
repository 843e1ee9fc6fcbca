using System.Globalization;

namespace LossDsl.Analyzers.Ranges;

/// <summary>Ranges as diagnostics print them: short numbers, "any value" for an unconstrained input.</summary>
internal static class RangeText
{
    public static string Describe(Interval range, FloatingType type)
    {
        if (range.IsEmpty) return "no value";
        double max = type.MaxValue();
        if (range.Lo <= -max && range.Hi >= max) return "unconstrained";
        return "[" + Number(range.Lo, max) + ", " + Number(range.Hi, max) + "]";
    }

    private static string Number(double value, double max) =>
        value >= max ? "∞" : value <= -max ? "-∞" : value.ToString("G4", CultureInfo.InvariantCulture);
}
