using System.Collections.Generic;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossDsl.Analyzers.Hazards;

/// <summary>
/// LD2010: a stated range is the callee's assumption and so the caller's obligation. An argument to a [Loss] or
/// [Differentiable] method that can fall outside the range the callee states for that parameter is reported,
/// whether the callee is in source or in a referenced assembly (where its body cannot be analyzed again:
/// <c>Losses.Bce(x, y)</c> with an unconstrained x).
/// </summary>
internal static class CalleeDomains
{
    public static IEnumerable<Hazard> Check(IInvocationOperation call, OperationRanges ranges)
    {
        foreach (IArgumentOperation argument in call.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue) continue;
            if (StatedRanges.Of(parameter) is not var (min, max)) continue;
            Interval range = ranges.RangeOf(argument.Value);
            if (range.IsEmpty || (range.Lo >= min && range.Hi <= max)) continue;
            string stated = RangeText.Bounds(min, max);
            yield return StabilityRules.Make(DiagnosticIds.ArgumentOutsideStatedRange, argument.Value, ranges,
                $"can be {StabilityRules.Describe(range, ranges)}, outside {stated}, the range '{call.TargetMethod.Name}' states for its parameter '{parameter.Name}'",
                "the callee's formula assumes that range (outside it its value or gradient may be NaN or ∞): narrow the argument (a stable form, Clamp, a stated range on your own parameter)",
                FixKind.None, default);
        }
    }
}
