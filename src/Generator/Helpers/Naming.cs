using Microsoft.CodeAnalysis.CSharp;

namespace LossDsl.Generator.Helpers;

internal static class Naming
{
    /// <summary>camelCase → PascalCase, for hyperparameter properties: <c>posWeight</c> → <c>PosWeight</c>.</summary>
    public static string Pascal(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>An identifier safe to emit: keywords get an @.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
