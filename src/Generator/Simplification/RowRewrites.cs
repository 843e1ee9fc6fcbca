using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Simplification;

/// <summary>
/// The stable rewrites of a row loss, before it is differentiated: log Σⱼ exp(eⱼ) → a LogSumExp aggregate of eⱼ
/// (shifted by the row's maximum: finite where every eⱼ is very negative or one is large), then the element rules
/// (<see cref="StableRewrites"/>) in the body around the aggregates and in each aggregate's element function.
/// </summary>
internal static class RowRewrites
{
    public static LossMethodSpec Apply(LossMethodSpec method, System.Func<string, (double Lo, double Hi)> statedRange, List<RewriteNote> notes, CancellationToken cancellationToken)
    {
        RowShape shape = method.Rows!;
        var aggregates = shape.Aggregates.ToList();
        var bindings = new Dictionary<Expr, Expr>();
        foreach (RowAggregate sum in shape.Aggregates.Where(a => a.Kind == AggregateKind.Sum && a.Element is Call { Function: Function.Exp }))
        {
            Expr exponent = ((Call)sum.Element).Arguments[0];
            RowAggregate lse = aggregates.FirstOrDefault(a => a.Kind == AggregateKind.LogSumExp && a.Element.Equals(exponent))
                ?? new RowAggregate(AggregateKind.LogSumExp, Unique(aggregates, "logsumexp(" + ElementText(exponent) + ")"), exponent);
            if (!aggregates.Contains(lse)) aggregates.Add(lse);
            bindings[Call(Function.Log, Sym(sum.Name))] = Sym(lse.Name);
        }
        foreach (var binding in bindings.Where(b => method.Body.Contains(e => e.Equals(b.Key))))
        {
            notes.Add(new RewriteNote("loss", binding.Key.ToString(), binding.Value.ToString()));
        }
        Expr body = Replace(method.Body, node => bindings.TryGetValue(node, out Expr? lse) ? lse : null);
        var kept = new HashSet<Expr>();
        body = StableRewrites.Apply(body, statedRange, "loss", false, notes, kept, cancellationToken);
        aggregates = aggregates
            .Select(a => a with { Element = StableRewrites.Apply(a.Element, statedRange, "the element of " + a.Name, false, notes, kept, cancellationToken) })
            .Where(a => body.ContainsSymbol(a.Name))
            .ToList();
        bool Read(IndexedElement i) => body.ContainsSymbol(i.Name) || aggregates.Any(a => a.Element.ContainsSymbol(i.Name));
        return method with { Body = body, Rows = new RowShape(aggregates.ToEquatableArray(), shape.Indexed.Where(Read).ToEquatableArray()) };
    }

    // logsumexp(x) for a plain row, else the element as printed (x[j] - m[j]).
    private static string ElementText(Expr element) =>
        element is Symbol s && s.Name.EndsWith("[j]", System.StringComparison.Ordinal) ? s.Name.Substring(0, s.Name.Length - 3) : ExprPrinter.Print(element, 80);

    private static string Unique(List<RowAggregate> aggregates, string name)
    {
        string unique = name;
        for (int k = 2; aggregates.Any(a => a.Name == unique); k++) unique = name + "#" + k;
        return unique;
    }
}
