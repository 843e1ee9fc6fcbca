using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Differentiation;

/// <summary>
/// Differentiates a row loss. The body F reads row aggregates Aₐ = Σⱼ eₐ(j) (or LogSumExp, Max) and indexed
/// elements x[y] as symbols, so by the chain rule
/// ∂F/∂x[j] = Σₐ (∂F/∂Aₐ)·∂Aₐ/∂x[j] + [j = y]·(∂F/∂x[y] + Σₐ (∂F/∂Aₐ)·Σₖ ∂eₐ(k)/∂x[y]),
/// where ∂Aₐ/∂x[j] is ∂eₐ/∂x[j] for a sum, softmaxₐ(j)·∂eₐ/∂x[j] for LogSumExp and [eₐ(j) = Aₐ]·∂eₐ/∂x[j] for Max.
/// The per-row factors ∂F/∂Aₐ are computed once per row; the last sums are extra aggregates of the sum pass.
/// An element function may not read another aggregate (LD1019): that would need one sum pass per level of
/// nesting, with adjoints flowing back level by level the way the fix-up sums do for indexed elements.
/// </summary>
internal static class RowLossCompiler
{
    public static RowKernelSpec Compile(LossMethodSpec method, CancellationToken cancellationToken)
    {
        RowShape shape = method.Rows!;
        Expr loss = method.Body;
        List<ParameterSpec> wrts = method.Parameters.Where(p => p.IsWrt).ToList();
        var aggregates = shape.Aggregates.ToList();
        int forwardCount = aggregates.Count;

        // Per row: ∂F/∂Aₐ, scaled by the reduction's factor.
        Expr scale = Sym(RowKernelSpec.Scale);
        var adjoints = aggregates.Select(a => Differentiator.Derive(loss, a.Name, cancellationToken)).ToList();

        // Indexed elements of [Wrt] rows: a fix-up at the label, including what flows through element functions.
        var fixups = shape.Indexed.Where(i => wrts.Any(w => w.Name == i.Row)).ToList();
        var fixupValues = new List<Expr>();
        foreach (IndexedElement indexed in fixups)
        {
            var terms = new List<Expr> { Differentiator.Derive(loss, indexed.Name, cancellationToken) };
            for (int a = 0; a < forwardCount; a++)
            {
                Expr inner = Differentiator.Derive(aggregates[a].Element, indexed.Name, cancellationToken);
                if (IsZero(inner) || IsZero(adjoints[a])) continue;
                // The parser admits only plain rows in LogSumExp and Max, so only sums reach here.
                Expr total = Aggregate(aggregates, AggregateKind.Sum, inner, $"Σⱼ ∂({aggregates[a].Name})/∂{indexed.Name}");
                terms.Add(Mul(adjoints[a], total));
            }
            fixupValues.Add(Add(terms));
        }

        // Per element of each [Wrt] row.
        var gradients = new List<Expr>();
        foreach (ParameterSpec wrt in wrts)
        {
            string element = RowShape.Element(wrt.Name);
            var terms = new List<Expr>();
            for (int a = 0; a < forwardCount; a++)
            {
                Expr local = FirstLocal(aggregates[a], a, element, cancellationToken);
                if (IsZero(local) || IsZero(adjoints[a])) continue;
                terms.Add(Mul(Sym(RowKernelSpec.Adjoint(a)), local));
            }
            gradients.Add(Add(terms));
        }

        // The sums added for fix-ups have no adjoint of their own: the loss reads them only through the fix-ups.
        while (adjoints.Count < aggregates.Count) adjoints.Add(Zero);
        int backwardCount = aggregates.Count;
        var backwardRowOutputs = new List<Expr> { loss };
        backwardRowOutputs.AddRange(adjoints.Select(a => Mul(scale, a)));
        backwardRowOutputs.AddRange(fixupValues.Select(f => Mul(scale, f)));

        RowHessian hessian = RowHessian.Derive(loss, aggregates, forwardCount, adjoints.Take(forwardCount).ToList(), wrts, fixups, cancellationToken);
        while (adjoints.Count < aggregates.Count) adjoints.Add(Zero);
        var hessianRowOutputs = new List<Expr> { loss };
        hessianRowOutputs.AddRange(adjoints);
        hessianRowOutputs.AddRange(fixupValues);
        hessianRowOutputs.AddRange(hessian.Fixups);
        hessianRowOutputs.AddRange(hessian.SecondAdjoints.Select(s => s.Value));

        return new RowKernelSpec(method, aggregates.ToEquatableArray(), forwardCount, backwardCount,
            Program(MaxElements(aggregates, forwardCount), Varying(method, aggregates, perElement: true), cancellationToken),
            Program(SumElements(aggregates, forwardCount), Varying(method, aggregates, perElement: true), cancellationToken),
            Program(SumElements(aggregates, backwardCount), Varying(method, aggregates, perElement: true), cancellationToken),
            Program(new[] { loss }, Varying(method, aggregates, perElement: false), cancellationToken),
            Program(backwardRowOutputs, Varying(method, aggregates, perElement: false), cancellationToken),
            Program(gradients, Varying(method, aggregates, perElement: true), cancellationToken),
            fixups.ToEquatableArray(),
            Texts(wrts, aggregates, adjoints, gradients, hessian, fixups, fixupValues).ToEquatableArray(),
            ExprPrinter.Print(loss, LossCompiler.MaxFormulaLength),
            hessian.Supported
                ? new RowHessianKernel(
                    Program(SumElements(aggregates, aggregates.Count), Varying(method, aggregates, perElement: true), cancellationToken),
                    Program(hessianRowOutputs, Varying(method, aggregates, perElement: false), cancellationToken),
                    Program(gradients.Concat(hessian.Diagonals), Varying(method, aggregates, perElement: true), cancellationToken),
                    hessian.SecondAdjoints.Select(s => (s.A, s.B)).ToEquatableArray())
                : null);
    }

    /// <summary>∂Aₐ/∂x[j] through element j (not through a captured x[y]): the element's derivative, weighted by softmax or the arg-max indicator.</summary>
    internal static Expr FirstLocal(RowAggregate aggregate, int index, string element, CancellationToken cancellationToken)
    {
        Expr inner = Differentiator.Derive(aggregate.Element, element, cancellationToken);
        if (IsZero(inner)) return Zero;
        return aggregate.Kind switch
        {
            AggregateKind.LogSumExp => Mul(Sym(RowKernelSpec.Softmax(index)), inner),
            AggregateKind.Max => Mul(ArgMax(aggregate), inner),
            _ => inner,
        };
    }

    /// <summary>∂²Aₐ/∂x[j]² through element j: e″ for a sum, s(1 − s)·e′² + s·e″ for LogSumExp, [arg max]·e″ for Max (its kink ignored, as a subgradient).</summary>
    internal static Expr SecondLocal(RowAggregate aggregate, int index, string element, CancellationToken cancellationToken)
    {
        Expr inner = Differentiator.Derive(aggregate.Element, element, cancellationToken);
        Expr second = Differentiator.Derive(inner, element, cancellationToken);
        switch (aggregate.Kind)
        {
            case AggregateKind.LogSumExp:
                Expr s = Sym(RowKernelSpec.Softmax(index));
                return Add(Mul(s, Sub(One, s), Pow(inner, Const(2))), Mul(s, second));
            case AggregateKind.Max:
                return Mul(ArgMax(aggregate), second);
            default:
                return second;
        }
    }

    private static Expr ArgMax(RowAggregate aggregate) =>
        Select(Compare(CompareOp.Equal, aggregate.Element, Sym(aggregate.Name)), One, Zero);

    /// <summary>The aggregate Σⱼ element, added to <paramref name="aggregates"/> unless it is there already.</summary>
    internal static Expr SumAggregate(List<RowAggregate> aggregates, Expr element, string name) => Aggregate(aggregates, AggregateKind.Sum, element, name);

    private static Expr Aggregate(List<RowAggregate> aggregates, AggregateKind kind, Expr element, string name)
    {
        RowAggregate? known = aggregates.FirstOrDefault(a => a.Kind == kind && a.Element.Equals(element));
        if (known is null)
        {
            known = new RowAggregate(kind, name, element);
            aggregates.Add(known);
        }
        return Sym(known.Name);
    }

    // A Max or LogSumExp aggregate contributes its element to the max pass; a sum pass output is a constant 0 placeholder for it.
    private static IEnumerable<Expr> MaxElements(List<RowAggregate> aggregates, int count) =>
        aggregates.Take(count).Select(a => a.Kind == AggregateKind.Sum ? Zero : a.Element);

    private static IEnumerable<Expr> SumElements(List<RowAggregate> aggregates, int count) =>
        aggregates.Take(count).Select((a, k) => a.Kind switch
        {
            AggregateKind.Sum => a.Element,
            AggregateKind.LogSumExp => Call(Function.ExpNoOverflow, Sub(a.Element, Sym(RowKernelSpec.Shift(k)))), // the shift is the row's max
            _ => Zero,
        });

    // What changes inside the loop of a program: row elements in a pass, per-row values in the row program.
    private static HashSet<string> Varying(LossMethodSpec method, List<RowAggregate> aggregates, bool perElement)
    {
        var rows = method.Parameters.Where(p => p.Shape == ParameterShape.Row);
        if (perElement)
        {
            var names = new HashSet<string>(rows.Select(p => RowShape.Element(p.Name)));
            for (int a = 0; a < aggregates.Count; a++) names.Add(RowKernelSpec.Softmax(a));
            return names;
        }
        var perRow = new HashSet<string>(method.Parameters.Where(p => p.Role == ParameterRole.Input && p.Shape == ParameterShape.Scalar).Select(p => p.Name));
        perRow.UnionWith(method.Rows!.Indexed.Select(i => i.Name));
        perRow.UnionWith(aggregates.Select(a => a.Name));
        return perRow;
    }

    private static KernelProgram Program(IEnumerable<Expr> outputs, HashSet<string> varying, CancellationToken cancellationToken) =>
        CommonSubexpressions.Eliminate(Lowering.Apply(outputs.ToImmutableArray()), varying, cancellationToken);

    // The documented gradient: adjoints written out, softmax by name, fix-ups as [j = label] terms.
    private static IEnumerable<DerivativeText> Texts(List<ParameterSpec> wrts, List<RowAggregate> aggregates, List<Expr> adjoints,
        List<Expr> gradients, RowHessian hessian, List<IndexedElement> fixups, List<Expr> fixupValues)
    {
        var bindings = new Dictionary<string, Expr>();
        for (int a = 0; a < adjoints.Count; a++)
        {
            bindings[RowKernelSpec.Adjoint(a)] = adjoints[a];
            if (aggregates[a].Element is Symbol row) bindings[RowKernelSpec.Softmax(a)] = Sym("softmax(" + row.Name.Replace("[j]", "") + ")[j]");
        }
        foreach (var (a, b, value) in hessian.SecondAdjoints) bindings[RowKernelSpec.SecondAdjoint(a, b)] = value;
        string Text(Expr perElement, IEnumerable<Expr> fixupTerms, int w)
        {
            var terms = new List<Expr> { Substitute(perElement, bindings) };
            int f = 0;
            foreach (Expr fixup in fixupTerms)
            {
                if (fixups[f].Row == wrts[w].Name) terms.Add(Mul(Substitute(fixup, bindings), Sym($"[j = {fixups[f].Label}]")));
                f++;
            }
            return ExprPrinter.Print(Add(terms), LossCompiler.MaxFormulaLength);
        }
        for (int w = 0; w < wrts.Count; w++)
        {
            yield return new DerivativeText(wrts[w].Name + "[j]", Text(gradients[w], fixupValues, w), hessian.Supported ? Text(hessian.Diagonals[w], hessian.Fixups, w) : "");
        }
    }
}
