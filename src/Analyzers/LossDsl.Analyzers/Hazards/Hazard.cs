using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LossDsl.Analyzers.Hazards;

/// <summary>The rewrite a code fix applies (carried to the fixer in the diagnostic's properties).</summary>
internal enum FixKind
{
    None,
    LogSigmoid,          // Log(Sigmoid(z))      → LogSigmoid(z)
    LogSigmoidNegated,   // Log(1 - Sigmoid(z))  → LogSigmoid(-z)
    ClampLogArgument,    // Log(x)               → Log(Max(x, ε))
    ClampLog1pArgument,  // Log1p(x)             → Log1p(Max(x, -1 + ε))
    Softplus,            // Log(1 + Exp(x))      → Softplus(x)
    LogSumExp,           // Log(Exp(a) + Exp(b)) → Max(a, b) + Log1p(Exp(-Abs(a - b)))
    LogSumExpRow,        // Log(Sum(x, v => Exp(v))) → LogSumExp(x)
    Sigmoid,             // Exp(x) / (1 + Exp(x)) → Sigmoid(x)
    SigmoidNegated,      // 1 / (1 + Exp(y))     → Sigmoid(-y)
    ClampExpArgument,    // Exp(x)               → Exp(Min(x, log MaxValue))
    Log1p,               // Log(1 + x)           → Log1p(x)
    Expm1,               // Exp(x) - 1           → Expm1(x)
    Expm1Negated,        // 1 - Exp(x)           → -Expm1(x)
    Abs,                 // Sqrt(Square(r))      → Abs(r)
}

/// <summary>Which side a Max/Min/Clamp directly around the hazard cuts off (so an infinity there is harmless).</summary>
internal enum Absorbed { Never, ByLowerBound, ByUpperBound }

/// <summary>
/// One finding: the rule, the operation it arises at, the text of the message, and the fix. <see cref="Covers"/>
/// names operations whose own findings this one replaces (Log(1 + Exp(x)) reports once, not also at Exp).
/// </summary>
internal sealed record Hazard(
    string RuleId,
    IOperation Operation,
    string Explanation,
    string Advice,
    Absorbed AbsorbedBy,
    FixKind Fix,
    ImmutableArray<SyntaxNode> FixParts,
    ImmutableArray<IOperation> Covers);
