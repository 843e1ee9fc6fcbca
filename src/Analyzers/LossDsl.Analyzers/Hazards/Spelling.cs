using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossDsl.Analyzers.Hazards;

/// <summary>How source text is negated and nested, for messages and the fixes they advise alike.</summary>
internal static class Spelling
{
    /// <summary>-x, written so it means that: <c>a</c> → <c>-a</c>, <c>-a</c> → <c>a</c>, <c>-z * 2</c> → <c>-(-z * 2)</c>.</summary>
    public static string Negate(ExpressionSyntax x) => x is PrefixUnaryExpressionSyntax { OperatorToken.Text: "-" } negated
        ? negated.Operand.ToString()
        : "-" + Operand(x);

    /// <summary>An operand of a binary or unary operator keeps its meaning only if it is atomic or parenthesized.</summary>
    public static string Operand(ExpressionSyntax x) => x is IdentifierNameSyntax or LiteralExpressionSyntax or InvocationExpressionSyntax
        or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
        ? x.ToString()
        : "(" + x + ")";
}
