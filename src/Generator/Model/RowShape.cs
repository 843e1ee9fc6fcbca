using System.Linq;
using LossDsl.Generator.Helpers;

namespace LossDsl.Generator.Model;

/// <summary>
/// What makes a loss a row loss: the row aggregates and indexed elements its body reads. In the body each of
/// them is a <see cref="Symbol"/> (named by <see cref="RowAggregate.Name"/>, <see cref="IndexedElement.Name"/>),
/// so the scalar core differentiates the row loss as a function of per-row values; inside an aggregate's
/// element expression the symbol <c>x[j]</c> stands for element j of row x.
/// </summary>
internal sealed record RowShape(EquatableArray<RowAggregate> Aggregates, EquatableArray<IndexedElement> Indexed)
{
    /// <summary>The row width C, as a symbol of the formulas (Mean(x) is Sum(x)/C).</summary>
    public const string Width = "C";

    /// <summary>The symbol for element j of <paramref name="row"/>.</summary>
    public static string Element(string row) => row + "[j]";

    /// <summary>Whether the loss reads <paramref name="row"/> at all, through an aggregate or an indexed element.</summary>
    public bool Reads(string row) =>
        Aggregates.Any(a => a.Element.ContainsSymbol(Element(row))) || Indexed.Any(i => i.Row == row);
}

internal enum AggregateKind
{
    /// <summary>Σⱼ element.</summary>
    Sum,

    /// <summary>log Σⱼ exp(element), computed with the row's maximum as shift.</summary>
    LogSumExp,

    /// <summary>maxⱼ element.</summary>
    Max,
}

/// <param name="Name">The symbol standing for the aggregate's value, e.g. <c>logsumexp(x)</c>.</param>
/// <param name="Element">The expression aggregated over j (symbols <c>x[j]</c>, per-row values, hyperparameters).</param>
internal sealed record RowAggregate(AggregateKind Kind, string Name, Expr Element);

/// <summary><c>row[label]</c>: one element of a row at a per-row class label, a per-row value.</summary>
internal sealed record IndexedElement(string Name, string Row, string Label);
