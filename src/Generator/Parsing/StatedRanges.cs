using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Parsing;

/// <summary>
/// The <c>Min</c>/<c>Max</c> a parameter states on [Wrt], [Hyper] or [Domain] (LossDsl.ParameterRangeAttribute):
/// the generated constructor enforces a hyperparameter's, the stability analyzers assume every parameter's.
/// </summary>
internal static class StatedRanges
{
    private const string RangeAttributeName = "LossDsl.ParameterRangeAttribute";

    /// <summary>One <c>Min = …</c> or <c>Max = …</c> as written, with the attribute that states it.</summary>
    public sealed record Bound(bool IsMin, double Value, AttributeData Attribute);

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

    /// <summary>The tightest Min and Max stated (±∞ where none is), or null when the parameter states no range.</summary>
    public static (double Min, double Max)? Of(IParameterSymbol parameter)
    {
        var bounds = Bounds(parameter).ToList();
        if (bounds.Count == 0) return null;
        return (bounds.Where(b => b.IsMin).Select(b => b.Value).DefaultIfEmpty(double.NegativeInfinity).Max(),
                bounds.Where(b => !b.IsMin).Select(b => b.Value).DefaultIfEmpty(double.PositiveInfinity).Min());
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
