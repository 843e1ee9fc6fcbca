using System.Globalization;
using LossDsl.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace LossDsl.Generator.Emission;

/// <summary>C# literals in invariant culture: floats as G9 with 'f', doubles as G17, NaN and ∞ by name.</summary>
internal static class Literals
{
    public static string Keyword(ScalarType type) => type == ScalarType.Float ? "float" : "double";

    public static string Number(double value, ScalarType type)
    {
        string keyword = Keyword(type);
        if (double.IsNaN(value)) return keyword + ".NaN";
        if (double.IsPositiveInfinity(value)) return keyword + ".PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return keyword + ".NegativeInfinity";
        if (type == ScalarType.Float)
        {
            float f = (float)value;
            if (float.IsInfinity(f)) return f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
            return f.ToString("G9", CultureInfo.InvariantCulture) + "f";
        }
        string text = value.ToString("G17", CultureInfo.InvariantCulture);
        return text.Contains(".") || text.Contains("E") ? text : text + ".0";
    }

    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
