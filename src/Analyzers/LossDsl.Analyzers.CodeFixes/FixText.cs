using Microsoft.CodeAnalysis.CSharp.Syntax;
using LossDsl.Analyzers.Hazards;
using LossDsl.Analyzers.Ranges;
using static LossDsl.Analyzers.Hazards.Spelling;

namespace LossDsl.Analyzers.CodeFixes;

/// <summary>The text of each fix, spelled with the file's way of naming LossMath and the method's float or double literals.</summary>
internal sealed class FixText
{
    private readonly string _prefix;

    public FixText(string lossMathPrefix, FloatingType type)
    {
        _prefix = lossMathPrefix;
        Epsilon = FixLiterals.Epsilon(type);
        Log1pFloor = FixLiterals.Log1pFloor(type);
        ExpCeiling = FixLiterals.ExpCeiling(type);
    }

    public string Epsilon { get; }

    public string Log1pFloor { get; }

    public string ExpCeiling { get; }

    public string Clamp(string function, ExpressionSyntax argument, string bound) => $"{_prefix}{function}({argument}, {bound})";

    public string Call(FixKind fix, ExpressionSyntax x) => fix switch
    {
        FixKind.LogSigmoid => $"{_prefix}LogSigmoid({x})",
        FixKind.LogSigmoidNegated => $"{_prefix}LogSigmoid({Negate(x)})",
        FixKind.Softplus => $"{_prefix}Softplus({x})",
        FixKind.Sigmoid => $"{_prefix}Sigmoid({x})",
        FixKind.SigmoidNegated => $"{_prefix}Sigmoid({Negate(x)})",
        FixKind.Log1p => $"{_prefix}Log1p({x})",
        FixKind.Expm1 => $"{_prefix}Expm1({x})",
        FixKind.Expm1Negated => $"-{_prefix}Expm1({x})",
        FixKind.LogSumExpRow => $"{_prefix}LogSumExp({x})",
        _ => $"{_prefix}Abs({x})",
    };

    // log(e^a + e^b) = max(a, b) + log1p(e^-|a - b|): the exponent is never positive.
    public string LogSumExp(ExpressionSyntax a, ExpressionSyntax b, bool parenthesize)
    {
        string sum = $"{_prefix}Max({a}, {b}) + {_prefix}Log1p({_prefix}Exp(-{_prefix}Abs({Operand(a)} - {Operand(b)})))";
        return parenthesize ? "(" + sum + ")" : sum;
    }
}
