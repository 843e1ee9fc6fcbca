using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Parsing;

/// <summary>
/// What a generic loss's body may use of .NET generic math beyond the functions: T's operators (static abstract
/// members of the System.Numerics interfaces), T.CreateChecked/CreateTruncating/CreateSaturating(value) as a
/// conversion, and the constants whose value does not depend on T's precision.
/// </summary>
internal static class GenericMath
{
    private static readonly Dictionary<string, double> Constants = new()
    {
        ["Zero"] = 0, ["One"] = 1, ["NegativeOne"] = -1, ["NegativeZero"] = -0.0,
        ["E"] = System.Math.E, ["Pi"] = System.Math.PI, ["Tau"] = 2 * System.Math.PI,
        ["PositiveInfinity"] = double.PositiveInfinity, ["NegativeInfinity"] = double.NegativeInfinity, ["NaN"] = double.NaN,
    };

    /// <summary>A static member of a System.Numerics interface (what T.Member binds to in a generic method).</summary>
    public static bool IsInterfaceMember(ISymbol member) =>
        member.IsStatic && member.ContainingType is { TypeKind: TypeKind.Interface } type && type.ContainingNamespace.ToDisplayString() == "System.Numerics";

    public static bool IsOperator(IMethodSymbol method) => method.MethodKind == MethodKind.UserDefinedOperator && IsInterfaceMember(method);

    public static bool IsConversion(IMethodSymbol method) =>
        method.Name is "CreateChecked" or "CreateTruncating" or "CreateSaturating" && method.Parameters.Length == 1 && IsInterfaceMember(method);

    /// <summary>T.One, T.Pi, … as a number; null for anything else (T.Epsilon and T.MaxValue differ between float and double).</summary>
    public static double? Constant(IPropertySymbol property) =>
        IsInterfaceMember(property) && Constants.TryGetValue(property.Name, out double value) ? value : null;
}
