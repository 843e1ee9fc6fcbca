using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Parsing;

/// <summary>
/// The row-loss part of translating a body: which parameters are rows and labels, and the aggregates and
/// indexed elements met so far, each given the symbol that stands for it in the scalar formula.
/// </summary>
internal sealed class RowTranslation
{
    private readonly Dictionary<string, ParameterSpec> _byName;
    private readonly List<RowAggregate> _aggregates = new();
    private readonly Dictionary<(AggregateKind, Expr), RowAggregate> _aggregateByElement = new();
    private readonly Dictionary<string, IndexedElement> _indexed = new();

    public RowTranslation(IMethodSymbol method, IReadOnlyList<ParameterSpec> parameters)
    {
        _byName = parameters.ToDictionary(p => p.Name);
        Method = method;
    }

    public IMethodSymbol Method { get; }

    public bool IsRow(IParameterSymbol parameter) => IsOwn(parameter) && _byName[parameter.Name].Shape == ParameterShape.Row;

    public bool IsLabel(IParameterSymbol parameter) => IsOwn(parameter) && _byName[parameter.Name].Shape == ParameterShape.Label;

    private bool IsOwn(IParameterSymbol parameter) =>
        SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, Method) && _byName.ContainsKey(parameter.Name);

    /// <summary>The symbol for an aggregate; the same aggregate written twice is computed once.</summary>
    public Expr Aggregate(AggregateKind kind, Expr element, string name)
    {
        if (!_aggregateByElement.TryGetValue((kind, element), out RowAggregate? aggregate))
        {
            // Distinct elements may print alike once cut short: keep the symbols distinct.
            string unique = name;
            for (int k = 2; _aggregates.Any(a => a.Name == unique); k++) unique = name + "#" + k;
            aggregate = new RowAggregate(kind, unique, element);
            _aggregates.Add(aggregate);
            _aggregateByElement[(kind, element)] = aggregate;
        }
        return Ex.Sym(aggregate.Name);
    }

    public Expr Indexed(string row, string label)
    {
        string name = row + "[" + label + "]";
        _indexed[name] = new IndexedElement(name, row, label);
        return Ex.Sym(name);
    }

    public bool IsAggregateSymbol(Expr expr) => expr is Symbol s && _aggregates.Any(a => a.Name == s.Name);

    /// <summary>The aggregate a symbol stands for, if it stands for one (the analyzers derive its range from its element's).</summary>
    public RowAggregate? AggregateNamed(string name) => _aggregates.FirstOrDefault(a => a.Name == name);

    /// <summary>The indexed element a symbol stands for, if it stands for one.</summary>
    public IndexedElement? IndexedNamed(string name) => _indexed.TryGetValue(name, out IndexedElement? indexed) ? indexed : null;

    /// <summary>The aggregates and indexed elements the simplified body still reads, in the order met.</summary>
    public RowShape Shape(Expr body)
    {
        var aggregates = _aggregates.Where(a => body.ContainsSymbol(a.Name)).ToList();
        bool Read(IndexedElement i) => body.ContainsSymbol(i.Name) || aggregates.Any(a => a.Element.ContainsSymbol(i.Name));
        return new RowShape(aggregates.ToEquatableArray(), _indexed.Values.Where(Read).ToEquatableArray());
    }
}
