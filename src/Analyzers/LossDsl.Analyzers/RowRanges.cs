using System.Collections;
using System.Collections.Generic;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;

namespace LossDsl.Analyzers;

/// <summary>
/// The symbol ranges of a row loss: a row's elements (<c>x[j]</c>) and indexed elements (<c>x[y]</c>) have the
/// row's stated range, the width C is at least 1, and an aggregate's range follows from its element's: a sum of
/// C ≥ 1 values in [a, b] lies in [a, ∞) when a ≥ 0 and in (-∞, b] when b ≤ 0; a mean or max lies in [a, b];
/// a LogSumExp is at least a. Aggregates appear during translation, so they are resolved on first lookup.
/// </summary>
internal sealed class RowRanges : IReadOnlyDictionary<string, Interval>
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

    public bool TryGetValue(string key, out Interval value)
    {
        if (_known.TryGetValue(key, out value)) return true;
        if (_rows.IndexedNamed(key) is { } indexed && _known.TryGetValue(indexed.Row, out value))
        {
            _known[key] = value;
            return true;
        }
        if (_rows.AggregateNamed(key) is { } aggregate)
        {
            value = Of(aggregate);
            _known[key] = value;
            return true;
        }
        return false;
    }

    private Interval Of(RowAggregate aggregate)
    {
        Interval element = new RangeAnalysis(this, _type).Of(aggregate.Element);
        if (element.IsEmpty) return element;
        return aggregate.Kind switch
        {
            AggregateKind.Sum => new Interval(element.Lo >= 0 ? element.Lo : double.NegativeInfinity, element.Hi <= 0 ? element.Hi : double.PositiveInfinity, element.MayBeNaN),
            AggregateKind.Max => element,
            _ => new Interval(element.Lo, double.PositiveInfinity, element.MayBeNaN), // LogSumExp ≥ max ≥ every element
        };
    }

    public Interval this[string key] => TryGetValue(key, out Interval value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => _known.Keys;

    public IEnumerable<Interval> Values => _known.Values;

    public int Count => _known.Count;

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerator<KeyValuePair<string, Interval>> GetEnumerator() => _known.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
