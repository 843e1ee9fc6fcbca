using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace LossDsl.Analyzers;

/// <summary>
/// What the analysis may assume about each parameter: any finite value of the type, narrowed by
/// <c>Min</c>/<c>Max</c> on [Wrt], [Hyper] or [Domain] (LossDsl.ParameterRangeAttribute).
/// </summary>
internal static class ParameterRanges
{
    private const string RangeAttributeName = "LossDsl.ParameterRangeAttribute";

    public static Dictionary<string, Interval> Of(IMethodSymbol method, FloatingType type)
    {
        double max = type.MaxValue();
        var ranges = new Dictionary<string, Interval>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            var range = new Interval(-max, max);
            foreach (Bound bound in Bounds(parameter))
            {
                range = range.Intersect(bound.IsMin ? new Interval(bound.Value, double.PositiveInfinity) : new Interval(double.NegativeInfinity, bound.Value));
            }
            ranges[parameter.Name] = range;
        }
        return ranges;
    }

    /// <summary>One <c>Min = …</c> or <c>Max = …</c> as written, with the attribute that states it.</summary>
    public sealed record Bound(bool IsMin, double Value, AttributeData Attribute);

    /// <summary>The tightest Min and Max stated (±∞ where none is), or null when the parameter states no range.</summary>
    public static (double Min, double Max)? Stated(IParameterSymbol parameter)
    {
        var bounds = Bounds(parameter).ToList();
        if (bounds.Count == 0) return null;
        return (bounds.Where(b => b.IsMin).Select(b => b.Value).DefaultIfEmpty(double.NegativeInfinity).Max(),
                bounds.Where(b => !b.IsMin).Select(b => b.Value).DefaultIfEmpty(double.PositiveInfinity).Min());
    }

    public static IEnumerable<Bound> Bounds(IParameterSymbol parameter)
    {
        foreach (AttributeData attribute in parameter.GetAttributes().Where(IsRangeAttribute))
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Value.Value is double value && argument.Key is "Min" or "Max") yield return new Bound(argument.Key == "Min", value, attribute);
            }
        }
    }

    /// <summary>The parameters gradients flow to: a [Loss]'s [Wrt] inputs (or its first input), every input of a helper.</summary>
    public static ImmutableHashSet<string> Differentiated(IMethodSymbol method, bool isLoss)
    {
        var inputs = method.Parameters.Where(p => !SignatureValidator.Has(p, SignatureValidator.HyperAttributeName)).ToList();
        if (!isLoss) return inputs.Select(p => p.Name).ToImmutableHashSet();
        var wrt = inputs.Where(p => SignatureValidator.Has(p, SignatureValidator.WrtAttributeName)).ToList();
        return (wrt.Count > 0 ? wrt : inputs.Take(1)).Select(p => p.Name).ToImmutableHashSet();
    }

    private static bool IsRangeAttribute(AttributeData attribute)
    {
        for (INamedTypeSymbol? type = attribute.AttributeClass; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == RangeAttributeName) return true;
        }
        return false;
    }
}
