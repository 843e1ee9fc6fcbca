using LossDsl.Analyzers.Ranges;

namespace LossDsl.Analyzers.Hazards;

/// <summary>The bounds the clamping fixes insert, written as literals of the method's type (messages quote them too).</summary>
internal static class FixLiterals
{
    /// <summary>The floor of a log's argument: about the type's machine epsilon.</summary>
    public static string Epsilon(FloatingType type) => type == FloatingType.Single ? "1e-7f" : "1e-15";

    /// <summary>The floor of Log1p's argument: just above -1.</summary>
    public static string Log1pFloor(FloatingType type) => type == FloatingType.Single ? "-0.9999999f" : "-0.999999999999999";

    /// <summary>The ceiling of Exp's argument: just below where it overflows (88.72 float, 709.78 double).</summary>
    public static string ExpCeiling(FloatingType type) => type == FloatingType.Single ? "88f" : "709.0";

    public static string Keyword(this FloatingType type) => type == FloatingType.Single ? "float" : "double";

    public static FloatingType FromKeyword(string? keyword) => keyword == "double" ? FloatingType.Double : FloatingType.Single;
}
