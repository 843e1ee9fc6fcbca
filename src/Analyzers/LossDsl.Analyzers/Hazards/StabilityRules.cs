using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static LossDsl.Analyzers.Hazards.OperationPatterns;

namespace LossDsl.Analyzers.Hazards;

/// <summary>
/// The LD2xxx rules, asked about each source operation once its operands have ranges. Value rules are per
/// function (log, exp, sqrt, pow, division); the gradient rule (LD2008) is generic: it differentiates the
/// operation with the generator's own rules (<see cref="GradientCheck"/>).
/// </summary>
internal static class StabilityRules
{
    public static IEnumerable<Hazard> Check(IOperation operation, OperationRanges ranges)
    {
        if (FoldedDivisionByZero(operation) is { } folded)
        {
            // The compiler folded the constant arithmetic (0 * (-0.5 / 0.0) is NaN): the translation sees only the
            // result, so the division inside is found in the source.
            yield return Make(DiagnosticIds.DivisionByZero, folded, ranges,
                $"divides by {Text(folded.RightOperand)}, which is 0: the constant {Text(operation)} is {operation.ConstantValue.Value}",
                "remove the division by 0", FixKind.None, default);
            yield break;
        }
        if (operation is IInvocationOperation call && BodyTranslator.IsInlinable(call.TargetMethod))
        {
            foreach (Hazard hazard in CalleeDomains.Check(call, ranges)) yield return hazard;
        }
        Hazard? valueHazard = operation switch
        {
            IInvocationOperation invocation when LanguageFunctions.TryRecognize(invocation.TargetMethod, out var shape, out Function function) =>
                shape switch
                {
                    LanguageFunctions.Shape.Pow => Pow(invocation, ranges),
                    LanguageFunctions.Shape.Function => function switch
                    {
                        Function.Log => Log(invocation, ranges),
                        Function.Log1p => Log1p(invocation, ranges),
                        Function.Exp or Function.Expm1 => Exp(invocation, ranges),
                        Function.Sqrt => Sqrt(invocation, ranges),
                        _ => null,
                    },
                    _ => null,
                },
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division => Division(division, ranges),
            _ => null,
        };
        if (valueHazard is not null)
        {
            yield return valueHazard;
            yield break; // the gradient of a value that is already ∞ or NaN tells nothing new
        }
        if (Precision(operation, ranges) is { } precision) yield return precision;
        if (GradientCheck.Check(operation, ranges) is { } gradient) yield return gradient;
    }

    private static Hazard? Log(IInvocationOperation log, OperationRanges ranges)
    {
        IOperation argument = Arguments(log)[0];
        Interval range = ranges.RangeOf(argument);
        if (IsOnePlus(argument, out IOperation? exp) && IsCall(exp!, Function.Exp, out var expArgs) && Overflows(exp!, ranges))
        {
            return Make(DiagnosticIds.ExpOverflow, log, ranges,
                $"overflows: Exp({Text(expArgs[0])}) is ∞ for {Text(expArgs[0])} > {OverflowEdge(ranges.Type)}",
                $"use Softplus({Text(expArgs[0])}), which is exact for every input",
                FixKind.Softplus, Parts(expArgs[0]), Covering(exp!));
        }
        if (IsSumOfExpOverRow(argument, out IOperation? row, out IOperation? rowExp) && Overflows(rowExp!, ranges))
        {
            return Make(DiagnosticIds.ExpOverflow, log, ranges,
                $"overflows: the exp of an element is ∞ above {OverflowEdge(ranges.Type)}, and the sum is 0 (log -∞) when every element is very negative",
                $"use LogSumExp({Text(row!)}), which shifts by the row's maximum",
                FixKind.LogSumExpRow, Parts(row!), Covering(rowExp!));
        }
        if (Unwrap(argument) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum
            && IsCall(sum.LeftOperand, Function.Exp, out var a) && IsCall(sum.RightOperand, Function.Exp, out var b)
            && (Overflows(sum.LeftOperand, ranges) || Overflows(sum.RightOperand, ranges)))
        {
            return Make(DiagnosticIds.ExpOverflow, log, ranges,
                "overflows: an Exp term is ∞ for large arguments",
                $"shift by the maximum: Max(a, b) + Log1p(Exp(-Abs(a - b))) with a = {Text(a[0])}, b = {Text(b[0])}",
                FixKind.LogSumExp, Parts(a[0], b[0]), Covering(sum.LeftOperand, sum.RightOperand));
        }
        if (range.Lo > 0 || range.IsEmpty || (range.Lo == 0 && !ranges.CanBeZero(argument))) return null;
        string reach = range.Lo < 0 ? "negative" : "0";
        string result = range.Lo < 0 ? "NaN" : "-∞";
        if (IsCall(argument, Function.Sigmoid, out var sigmoid))
        {
            return Make(DiagnosticIds.LogOfNonPositive, log, ranges,
                $"is -∞ where Sigmoid({Text(sigmoid[0])}) rounds to 0 ({ranges.Type.Keyword()} Sigmoid does below {SigmoidUnderflow(ranges.Type)})",
                $"use LogSigmoid({Text(sigmoid[0])}), which is exact for every input", FixKind.LogSigmoid, Parts(sigmoid[0]), absorbedBy: Absorbed.ByLowerBound);
        }
        if (IsOneMinus(argument, out IOperation? subtracted) && IsCall(subtracted!, Function.Sigmoid, out var inner))
        {
            return Make(DiagnosticIds.LogOfNonPositive, log, ranges,
                $"is -∞ where Sigmoid({Text(inner[0])}) rounds to 1 ({ranges.Type.Keyword()} Sigmoid does above {SigmoidSaturation(ranges.Type)})",
                $"use LogSigmoid({Negated(inner[0])}), since 1 - Sigmoid(z) = Sigmoid(-z)", FixKind.LogSigmoidNegated, Parts(inner[0]), absorbedBy: Absorbed.ByLowerBound);
        }
        return Make(DiagnosticIds.LogOfNonPositive, log, ranges,
            $"is {result}: its argument can be {reach} (range: {Describe(range, ranges)})",
            $"clamp the argument, Log(Max({Text(argument)}, {FixLiterals.Epsilon(ranges.Type)})), or state its range with [Domain], [Wrt] or [Hyper] (Min = ...)",
            FixKind.ClampLogArgument, Parts(argument), absorbedBy: range.Lo < 0 ? Absorbed.Never : Absorbed.ByLowerBound);
    }

    private static Hazard? Log1p(IInvocationOperation log1p, OperationRanges ranges)
    {
        IOperation argument = Arguments(log1p)[0];
        Interval range = ranges.RangeOf(argument);
        if (range.Lo > -1 || range.IsEmpty) return null;
        return Make(DiagnosticIds.LogOfNonPositive, log1p, ranges,
            $"is {(range.Lo < -1 ? "NaN" : "-∞")}: its argument can be {(range.Lo < -1 ? "below -1" : "-1")} (range: {Describe(range, ranges)})",
            $"clamp the argument above -1, Log1p(Max({Text(argument)}, {FixLiterals.Log1pFloor(ranges.Type)}))",
            FixKind.ClampLog1pArgument, Parts(argument), absorbedBy: range.Lo < -1 ? Absorbed.Never : Absorbed.ByLowerBound);
    }

    private static Hazard? Exp(IInvocationOperation exp, OperationRanges ranges)
    {
        if (!Overflows(exp, ranges)) return null;
        IOperation argument = Arguments(exp)[0];
        return Make(DiagnosticIds.ExpOverflow, exp, ranges,
            $"overflows to ∞: its argument can exceed {OverflowEdge(ranges.Type)} (range: {Describe(ranges.RangeOf(argument), ranges)})",
            $"use a stable form (Softplus, Sigmoid, LogSigmoid), state the range, or clamp: {Name(exp)}(Min({Text(argument)}, {FixLiterals.ExpCeiling(ranges.Type)}))",
            FixKind.ClampExpArgument, Parts(argument), absorbedBy: Absorbed.ByUpperBound);
    }

    private static Hazard? Sqrt(IInvocationOperation sqrt, OperationRanges ranges)
    {
        IOperation argument = Arguments(sqrt)[0];
        Interval range = ranges.RangeOf(argument);
        if (range.Lo >= 0 || range.IsEmpty) return null;
        return Make(DiagnosticIds.SqrtOfNegative, sqrt, ranges,
            $"is NaN: its argument can be negative (range: {Describe(range, ranges)})",
            "make the argument non-negative by construction (a square, Abs, Max(x, 0)) or state its range", FixKind.None, default);
    }

    private static Hazard? Pow(IInvocationOperation pow, OperationRanges ranges)
    {
        var args = Arguments(pow);
        Interval b = ranges.RangeOf(args[0]), e = ranges.RangeOf(args[1]);
        if (b.IsEmpty || e.IsEmpty) return null;
        bool integerExponent = e.IsPoint(out double n) && FunctionRanges.IsInteger(n);
        if (b.Lo < 0 && !integerExponent)
        {
            return Make(DiagnosticIds.PowSingularity, pow, ranges,
                $"is NaN: the base can be negative (range: {Describe(b, ranges)}) while the exponent is not a whole number (range: {Describe(e, ranges)})",
                "keep the base non-negative (Abs, Max(x, 0)) or state the ranges with [Domain], [Wrt] or [Hyper] (Min = ...)", FixKind.None, default);
        }
        if (ranges.CanBeZero(args[0]) && e.Lo < 0)
        {
            return Make(DiagnosticIds.PowSingularity, pow, ranges,
                $"is ∞: the base can be 0 while the exponent can be negative (range: {Describe(e, ranges)})",
                "state the exponent's range, e.g. [Hyper(Min = 1)] for a focal-loss gamma", FixKind.None, default, absorbedBy: Absorbed.ByUpperBound);
        }
        return null;
    }

    // A constant-folded operation that is ∞ or NaN (C# folds only arithmetic on constants, so a division by 0 made it).
    private static IBinaryOperation? FoldedDivisionByZero(IOperation operation)
    {
        if (operation is ILiteralOperation || operation.ConstantValue is not { HasValue: true, Value: double or float } folded
            || !IsNonFinite(System.Convert.ToDouble(folded.Value, System.Globalization.CultureInfo.InvariantCulture))) return null;
        return operation.DescendantsAndSelf().OfType<IBinaryOperation>()
            .FirstOrDefault(b => b.OperatorKind == BinaryOperatorKind.Divide && IsConstant(b.RightOperand, 0));
    }

    private static bool IsNonFinite(double value) => double.IsNaN(value) || double.IsInfinity(value); // netstandard2.0 has no IsFinite

    private static Hazard? Division(IBinaryOperation division, OperationRanges ranges)
    {
        if (ExpInsideSigmoid(division) is { } sigmoid && Overflows(sigmoid.Exp, ranges)) return sigmoid.Hazard(ranges);
        if (!ranges.CanBeZero(division.RightOperand)) return null;
        return Make(DiagnosticIds.DivisionByZero, division, ranges,
            $"divides by {Text(division.RightOperand)}, which can be 0 (range: {Describe(ranges.RangeOf(division.RightOperand), ranges)})",
            "keep the divisor away from 0 (Max(x, ε), a branch) or state its range with [Domain], [Wrt] or [Hyper] (Min = ...)", FixKind.None, default);
    }

    // Log(1 + x) and Exp(x) - 1 lose the digits of a small x.
    private static Hazard? Precision(IOperation operation, OperationRanges ranges)
    {
        if (operation is IInvocationOperation invocation && IsCall(invocation, Function.Log, out var logArgs)
            && IsOnePlus(logArgs[0], out IOperation? x) && !IsCall(x!, Function.Exp, out _) && CanBeSmall(x!, ranges))
        {
            return Make(DiagnosticIds.PreferLog1p, invocation, ranges,
                $"loses precision where {Text(x!)} is near 0 (1 + x rounds first)",
                $"use Log1p({Text(x!)})", FixKind.Log1p, Parts(x!));
        }
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference)
        {
            // Exp(x) - 1 = Expm1(x); 1 - Exp(x) = -Expm1(x).
            bool negated = IsConstant(difference.LeftOperand, 1);
            IOperation exp = negated ? difference.RightOperand : difference.LeftOperand;
            if ((negated || IsConstant(difference.RightOperand, 1)) && IsCall(exp, Function.Exp, out var expArgs) && CanBeSmall(expArgs[0], ranges))
            {
                string fixedText = (negated ? "-" : "") + $"Expm1({Text(expArgs[0])})";
                return Make(DiagnosticIds.PreferExpm1, difference, ranges,
                    $"loses precision where {Text(expArgs[0])} is near 0 (Exp(x) is near 1 and the subtraction cancels)",
                    $"use {fixedText}", negated ? FixKind.Expm1Negated : FixKind.Expm1, Parts(expArgs[0]));
            }
        }
        return null;
    }

    // Exp(x) / (1 + Exp(x)) → Sigmoid(x); 1 / (1 + Exp(y)) → Sigmoid(-y).
    private static SigmoidPattern? ExpInsideSigmoid(IOperation operation)
    {
        if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } d) return null;
        if (!IsOnePlus(d.RightOperand, out IOperation? denominatorExp) || !IsCall(denominatorExp!, Function.Exp, out var y)) return null;
        if (IsConstant(d.LeftOperand, 1)) return new SigmoidPattern(d, denominatorExp!, y[0], Negated: true, ImmutableArray.Create(denominatorExp!));
        if (IsCall(d.LeftOperand, Function.Exp, out var x) && x[0].Syntax.IsEquivalentTo(y[0].Syntax, topLevel: false))
        {
            return new SigmoidPattern(d, denominatorExp!, x[0], Negated: false, ImmutableArray.Create(Unwrap(d.LeftOperand), denominatorExp!));
        }
        return null;
    }

    private sealed record SigmoidPattern(IBinaryOperation Division, IOperation Exp, IOperation Argument, bool Negated, ImmutableArray<IOperation> ExpCalls)
    {
        public Hazard Hazard(OperationRanges ranges)
        {
            string arg = Negated ? "-" + Text(Argument) : Text(Argument);
            return Make(DiagnosticIds.ExpOverflow, Division, ranges,
                $"is NaN or loses its gradient where Exp({Text(Argument)}) overflows (∞/∞, and ∞ in the derivative)",
                $"use Sigmoid({arg}), which is exact for every input",
                Negated ? FixKind.SigmoidNegated : FixKind.Sigmoid, Parts(Argument), ExpCalls.Add(Unwrap(Exp)));
        }
    }

    // Whether an Exp/Expm1 call can reach +∞ in the method's type (what FunctionRanges says of its argument's range).
    public static bool Overflows(IOperation exp, OperationRanges ranges) =>
        (IsCall(exp, Function.Exp, out var args) || IsCall(exp, Function.Expm1, out args))
        && double.IsPositiveInfinity(FunctionRanges.Apply(Function.Exp, new[] { ranges.RangeOf(args[0]) }, ranges.Type).Hi);

    private static bool CanBeSmall(IOperation x, OperationRanges ranges)
    {
        Interval range = ranges.RangeOf(x);
        return !range.IsPoint(out _) && range.Lo < 1 && range.Hi > -1;
    }

    internal static Hazard Make(string id, IOperation operation, OperationRanges ranges, string explanation, string advice, FixKind fix,
        ImmutableArray<SyntaxNode> parts, ImmutableArray<IOperation> covers = default, Absorbed absorbedBy = Absorbed.Never) =>
        new(id, operation, explanation, advice, absorbedBy, fix, parts.IsDefault ? ImmutableArray<SyntaxNode>.Empty : parts,
            covers.IsDefault ? ImmutableArray<IOperation>.Empty : covers);

    private static ImmutableArray<SyntaxNode> Parts(params IOperation[] operations) =>
        operations.Select(o => o.Syntax).ToImmutableArray();

    private static ImmutableArray<IOperation> Covering(params IOperation[] operations) =>
        operations.Select(Unwrap).ToImmutableArray();

    internal static string Text(IOperation operation) => operation.Syntax.ToString();

    private static string Negated(IOperation operation) => operation.Syntax switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax argument => Spelling.Negate(argument.Expression),
        Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression => Spelling.Negate(expression),
        var other => $"-({other})",
    };

    private static string Name(IInvocationOperation invocation) => invocation.TargetMethod.Name;

    internal static string Describe(Interval range, OperationRanges ranges) => RangeText.Describe(range, ranges.Type);

    private static string OverflowEdge(FloatingType type) => type == FloatingType.Single ? "88.72" : "709.78";

    private static string SigmoidUnderflow(FloatingType type) => type == FloatingType.Single ? "-103.97" : "-745.1";

    private static string SigmoidSaturation(FloatingType type) => type == FloatingType.Single ? "17.33" : "36.74";

}
