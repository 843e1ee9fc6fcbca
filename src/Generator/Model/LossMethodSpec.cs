using LossDsl.Generator.Helpers;

namespace LossDsl.Generator.Model;

/// <summary>A parsed [Loss] method: plain strings and the expression tree, nothing from the compilation.</summary>
internal sealed record LossMethodSpec(
    string? Namespace,
    EquatableArray<TypeDeclarationSpec> ContainingTypes,
    string MethodName,
    string Accessibility,
    ScalarType Type,
    EquatableArray<ParameterSpec> Parameters,
    Expr Body,
    SourceSpan Location,
    RowShape? Rows = null,
    bool Rewrite = true,
    string? TypeParameter = null)
{
    /// <summary>Whether the method is generic over a floating-point T (its spec is then compiled once per precision).</summary>
    public bool IsGeneric => TypeParameter is not null;

    /// <summary>Whether this is a row loss (some parameter is a ReadOnlySpan row).</summary>
    public bool IsRowLoss => Rows is not null;

    /// <summary>
    /// The generated class's name: <c>{Method}Loss</c>; a generic method's double class is <c>{Method}LossDouble</c>
    /// (its float class keeps the plain name, which a float [Loss] of that name would have had).
    /// </summary>
    public string ClassName => MethodName + "Loss" + PrecisionSuffix;

    // "Double" for a generic method's double spec, else nothing.
    private string PrecisionSuffix => IsGeneric && Type == ScalarType.Double ? "Double" : "";

    /// <summary>A generic method's spec for each precision it generates: float, then double.</summary>
    public System.Collections.Generic.IEnumerable<LossMethodSpec> Precisions() =>
        IsGeneric ? new[] { this with { Type = ScalarType.Float }, this with { Type = ScalarType.Double } } : new[] { this };

    /// <summary>Deterministic, unique per method: <c>{Namespace}.{Type}.{Method}.g.cs</c>.</summary>
    public string HintName
    {
        get
        {
            string types = string.Join(".", System.Linq.Enumerable.Select(ContainingTypes, t => t.Name));
            return (Namespace is null ? "" : Namespace + ".") + types + "." + MethodName + (PrecisionSuffix.Length > 0 ? "." + PrecisionSuffix : "") + ".g.cs";
        }
    }
}

internal enum ScalarType { Float, Double }

/// <summary>A type to re-open as partial around the generated class, outermost first.</summary>
/// <param name="Keyword">class, struct, record, record struct or interface.</param>
internal sealed record TypeDeclarationSpec(string Keyword, string Name);

internal enum ParameterRole { Input, Hyper }

/// <param name="Name">The identifier as written (without any @).</param>
/// <param name="IsWrt">Differentiated: marked [Wrt], or the first parameter when none is.</param>
/// <param name="DefaultValue">A hyperparameter's default, if it has one.</param>
/// <param name="Range">A scalar's stated [Min, Max] (Min/Max on [Wrt], [Hyper], [Domain]): the constructor enforces a
/// hyperparameter's, the stable rewrites and the accuracy certificate assume every one's.</param>
/// <param name="Shape">Per element (or per row) scalar, a row of C values, or an int class label.</param>
/// <param name="IgnoreIndex">A label's [IgnoreIndex] value, if it declares one.</param>
/// <param name="IsClassWeights">A [Hyper] row marked [ClassWeights]: the mean divides by the rows' label weights.</param>
internal sealed record ParameterSpec(string Name, ParameterRole Role, bool IsWrt, double? DefaultValue, (double Min, double Max)? Range = null,
    ParameterShape Shape = ParameterShape.Scalar, int? IgnoreIndex = null, bool IsClassWeights = false);

internal enum ParameterShape { Scalar, Row, Label }

/// <summary>A source location without Roslyn types, for diagnostics reported after parsing.</summary>
internal sealed record SourceSpan(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter);
