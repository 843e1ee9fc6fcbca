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
            foreach (AttributeData attribute in parameter.GetAttributes().Where(IsRangeAttribute))
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Value.Value is not double bound) continue;
                    if (argument.Key == "Min") range = range.Intersect(new Interval(bound, double.PositiveInfinity));
                    else if (argument.Key == "Max") range = range.Intersect(new Interval(double.NegativeInfinity, bound));
                }
            }
            ranges[parameter.Name] = range;
        }
        return ranges;
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
