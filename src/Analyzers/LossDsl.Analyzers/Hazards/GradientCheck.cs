using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Differentiation;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using LossDsl.Generator.Simplification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static LossDsl.Analyzers.Hazards.OperationPatterns;

namespace LossDsl.Analyzers.Hazards;

/// <summary>
/// LD2008, hazards only the derivatives have: the operation's value is finite but its first or second derivative
/// (from the generator's own <see cref="Differentiator"/>) is not, as for Sqrt(r²) or Pow(x, 0.5) at 0 (gradient)
/// and Pow(x, 1.5) at 0 (Hessian). The chain rule then multiplies ∞ by the inner derivative, and the loss's
/// gradient or Hessian is ∞ or NaN though its value is fine.
/// </summary>
/// <remarks>
/// It looks for poles, not overflow: operands are limited to ±<see cref="Reach"/> and kept at least
/// <see cref="Tiny"/> from 0 unless they can be exactly 0, and the derivative is evaluated in double.
/// </remarks>
internal static class GradientCheck
{
    private const double Reach = 100;
    private const double Tiny = 1e-30;

    public static Hazard? Check(IOperation operation, OperationRanges ranges)
    {
        if (!Template(operation, ranges, out Expr template, out ImmutableArray<IOperation> operands, out Absorbed absorbedBy)) return null;
        var symbols = new Dictionary<string, Interval>();
        for (int i = 0; i < operands.Length; i++) symbols[Operand(i)] = Clip(ranges.RangeOf(operands[i]));
        var local = new RangeAnalysis(symbols, FloatingType.Double);
        if (!local.Of(template).IsFinite) return null; // overflow of a huge input, not a pole
        var differentiated = Enumerable.Range(0, operands.Length)
            .Where(i => ranges.ValueOf(operands[i]) is { } value && ranges.DependsOnDifferentiated(value))
            .ToList();

        // First derivatives (the gradient), then second ones (the Hessian GradientHessian returns: f''·u'² + f'·u'').
        foreach (int i in differentiated)
        {
            Expr derivative = Differentiator.Derive(template, Operand(i));
            if (!local.Of(derivative).IsFinite) return Report(operation, ranges, operands[i], derivative, symbols, Operand(i), "derivative", absorbedBy);
        }
        foreach (int i in differentiated)
        {
            foreach (int k in differentiated.Where(k => k >= i))
            {
                Expr second = Differentiator.Derive(Differentiator.Derive(template, Operand(i)), Operand(k));
                if (!local.Of(second).IsFinite) return Report(operation, ranges, operands[i], second, symbols, Operand(i), "second derivative (so the Hessian)", absorbedBy);
            }
        }
        return null;
    }

    private static Hazard Report(IOperation operation, OperationRanges ranges, IOperation operand, Expr derivative, Dictionary<string, Interval> symbols,
        string symbol, string order, Absorbed absorbedBy)
    {
        string where = Pole(derivative, symbols, symbol) is double pole
            ? $"at {StabilityRules.Text(operand)} = {RangeText.Number(pole)}"
            : "on part of its range";
        IOperation? squared = null;
        bool fixable = IsCall(operation, Function.Sqrt, out _) && IsSquare(operand, out squared);
        string what = order == "derivative" ? "the gradient" : "the Hessian";
        return StabilityRules.Make(DiagnosticIds.GradientSingularity, operation, ranges,
            $"is finite, but its {order} in {StabilityRules.Text(operand)} is ∞ or NaN {where} (range: {StabilityRules.Describe(ranges.RangeOf(operand), ranges)})",
            fixable
                ? $"{what} is ∞ or NaN there although the loss is not; Sqrt of a square is Abs({StabilityRules.Text(squared!)}), whose subgradient is finite"
                : $"{what} of the loss is ∞ or NaN there although its value is not; keep the operand off the singular point (a branch, a floor) or state its range",
            fixable ? FixKind.Abs : FixKind.None,
            fixable ? ImmutableArray.Create(squared!.Syntax) : default, absorbedBy: absorbedBy);
    }

    // The operation as a function of placeholder operands, e.g. Sqrt(ξ0) or ξ0 / ξ1; false for sums, products
    // and squares, whose derivatives are polynomials.
    private static bool Template(IOperation operation, OperationRanges ranges, out Expr template, out ImmutableArray<IOperation> operands, out Absorbed absorbedBy)
    {
        template = Ex.Zero;
        absorbedBy = Absorbed.Never;
        operands = ImmutableArray<IOperation>.Empty;
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division:
                operands = ImmutableArray.Create(division.LeftOperand, division.RightOperand);
                template = Ex.Div(Ex.Sym(Operand(0)), Ex.Sym(Operand(1)));
                return true;
            case IInvocationOperation invocation when LanguageFunctions.TryRecognize(invocation.TargetMethod, out var shape, out Function function):
                operands = Arguments(invocation);
                if (shape == LanguageFunctions.Shape.Pow)
                {
                    // A constant only if the generator sees one: Pow(x, Max(1, Sign(x))) is x^1 in value, but its
                    // generated Hessian keeps e·(e - 1)·x^(e - 2), which is 0·∞ at x = 0.
                    Expr exponent = ranges.ValueOf(operands[1]) is Constant e ? e : Ex.Sym(Operand(1));
                    template = Ex.Pow(Ex.Sym(Operand(0)), exponent);
                    return true;
                }
                if (shape != LanguageFunctions.Shape.Function) return false; // Square: 2x has no pole
                absorbedBy = function is Function.Log or Function.Log1p ? Absorbed.ByLowerBound : Absorbed.Never; // log's pole is where it is -∞
                template = Ex.Call(function, Enumerable.Range(0, operands.Length).Select(i => Ex.Sym(Operand(i))).ToImmutableArray());
                return true;
            default:
                return false;
        }
    }

    // Which end of the operand's range the pole sits at (poles of the language's functions are at an end: 0 for
    // Sqrt and fractional powers), for the message; null if neither end alone shows it.
    private static double? Pole(Expr derivative, Dictionary<string, Interval> symbols, string operand)
    {
        Interval range = symbols[operand];
        foreach (double end in new[] { range.Lo, range.Hi })
        {
            var at = new Dictionary<string, Interval>(symbols) { [operand] = Interval.Point(end) };
            if (!new RangeAnalysis(at, FloatingType.Double).Of(derivative).IsFinite) return end;
        }
        return null;
    }

    private static string Operand(int index) => "ξ" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Interval Clip(Interval range)
    {
        double lo = Math.Max(range.Lo, -Reach), hi = Math.Min(range.Hi, Reach);
        if (lo > 0 && lo < Tiny) lo = Tiny;
        if (hi < 0 && hi > -Tiny) hi = -Tiny;
        return new Interval(lo, Math.Max(lo, hi));
    }
}
