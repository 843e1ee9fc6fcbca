using System.Collections.Generic;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;

namespace LossDsl.Analyzers;

/// <summary>
/// The symbol ranges of a row loss: a row's elements (<c>x[j]</c>) and indexed elements (<c>x[y]</c>) have the
/// row's stated range, the width C is at least 1, and an aggregate's range follows from its element's: a sum of
/// C ≥ 1 values in [a, b] lies in [a, ∞) when a ≥ 0 and in (-∞, b] when b ≤ 0; a max lies in [a, b]; a LogSumExp
/// is at least a. Aggregates appear during translation, so they are resolved on first lookup.
/// </summary>
internal sealed class RowRanges
{
    private readonly Dictionary<string, Interval> _known;
    private readonly RowTranslation _rows;
    private readonly FloatingType _type;

    public RowRanges(IReadOnlyDictionary<string, Interval> parameters, RowTranslation rows, IEnumerable<ParameterSpec> specs, FloatingType type)
    {
        _known = new Dictionary<string, Interval>();
        foreach (var pair in parameters) _known[pair.Key] = pair.Value;
        foreach (ParameterSpec p in specs)
        {
            if (p.Shape == ParameterShape.Row) _known[RowShape.Element(p.Name)] = parameters[p.Name];
        }
        _known[RowShape.Width] = new Interval(1, double.PositiveInfinity);
        _rows = rows;
        _type = type;
    }

    /// <summary>The range of a symbol, or null for one the row loss does not know (any value).</summary>
    public Interval? Of(string name)
    {
        if (_known.TryGetValue(name, out Interval known)) return known;
        Interval? range = _rows.IndexedNamed(name) is { } indexed ? Of(indexed.Row)
            : _rows.AggregateNamed(name) is { } aggregate ? Of(aggregate)
            : null;
        if (range is { } resolved) _known[name] = resolved;
        return range;
    }

    private Interval Of(RowAggregate aggregate)
    {
        Interval element = new RangeAnalysis(Of, _type).Of(aggregate.Element);
        if (element.IsEmpty) return element;
        return aggregate.Kind switch
        {
            AggregateKind.Sum => new Interval(element.Lo >= 0 ? element.Lo : double.NegativeInfinity, element.Hi <= 0 ? element.Hi : double.PositiveInfinity, element.MayBeNaN),
            AggregateKind.Max => element,
            _ => new Interval(element.Lo, double.PositiveInfinity, element.MayBeNaN), // LogSumExp ≥ max ≥ every element
        };
    }
}
