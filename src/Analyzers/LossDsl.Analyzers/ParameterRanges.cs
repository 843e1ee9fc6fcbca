using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace LossDsl.Analyzers;

/// <summary>
/// What the analysis may assume about each parameter: any finite value of the type, narrowed by its stated
/// range (<see cref="StatedRanges"/>).
/// </summary>
internal static class ParameterRanges
{
    public static Dictionary<string, Interval> Of(IMethodSymbol method, FloatingType type)
    {
        double max = type.MaxValue();
        var ranges = new Dictionary<string, Interval>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            var range = new Interval(-max, max);
            if (StatedRanges.Of(parameter) is var (lo, hi)) range = range.Intersect(new Interval(lo, hi));
            ranges[parameter.Name] = range;
        }
        return ranges;
    }

    /// <summary>
    /// In a row loss, gradients flow to the elements of its [Wrt] rows (<c>x[j]</c>, inside element functions), to
    /// their indexed elements (<c>x[y]</c>), and through every aggregate whose element reads either.
    /// </summary>
    public static Func<string, bool> DifferentiatedInRows(IReadOnlyList<ParameterSpec> parameters, RowTranslation rows)
    {
        var direct = parameters.Where(p => p.IsWrt)
            .SelectMany(row => new[] { RowShape.Element(row.Name) }
                .Concat(parameters.Where(l => l.Shape == ParameterShape.Label).Select(l => $"{row.Name}[{l.Name}]")))
            .ToImmutableHashSet();
        return name => direct.Contains(name) || rows.AggregateNamed(name) is { } aggregate && direct.Any(aggregate.Element.ContainsSymbol);
    }

    /// <summary>The parameters gradients flow to: a [Loss]'s [Wrt] inputs (or its first input), every input of a helper.</summary>
    public static ImmutableHashSet<string> Differentiated(IMethodSymbol method, bool isLoss) =>
        LossParser.Parameters(method)
            .Where(p => isLoss ? p.IsWrt : p.Role == ParameterRole.Input)
            .Select(p => p.Name)
            .ToImmutableHashSet();
}
