using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Model;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Differentiation;

/// <summary>
/// The diagonal of a row loss's Hessian, ∂²F/∂x[j]² for each element of each [Wrt] row: what gradient boosting's
/// Newton steps need (LightGBM's multiclass custom objective), without the C × C matrix.
/// With Aₐ the aggregates, Fₐ = ∂F/∂Aₐ, Fₐᵦ = ∂²F/∂Aₐ∂Aᵦ and dₐ(j) = ∂Aₐ/∂x[j] through element j,
/// ∂²F/∂x[j]² = Σₐᵦ Fₐᵦ·dₐ(j)·dᵦ(j) + Σₐ Fₐ·∂²Aₐ/∂x[j]² + [j = y]·(label terms),
/// where a label's terms gather what flows through z = x[y] (read by F or captured by element functions):
/// Σₐᵦ Fₐᵦ(dₐ(y)Sᵦ + Sₐdᵦ(y) + SₐSᵦ) + 2Σₐ Fₐz(dₐ(y) + Sₐ) + Fzz + Σₐ Fₐ(2·∂²eₐ(y)/∂x[j]∂z + Tₐ),
/// with Sₐ = Σₖ ∂eₐ(k)/∂z and Tₐ = Σₖ ∂²eₐ(k)/∂z² extra sums of the sum pass.
/// </summary>
/// <param name="Supported">False when a label term needs another row's element at the label (not a per-row value here), or a [Wrt] row is indexed twice.</param>
/// <param name="SecondAdjoints">Fₐᵦ for a ≤ b among the loss's aggregates, where not 0.</param>
/// <param name="Diagonals">Per [Wrt] row: the per-element part, reading @adjoint a, @adjoint a_b and @softmax a.</param>
/// <param name="Fixups">Per fix-up (an indexed element of a [Wrt] row): the label terms, a per-row expression.</param>
internal sealed record RowHessian(bool Supported, List<(int A, int B, Expr Value)> SecondAdjoints, List<Expr> Diagonals, List<Expr> Fixups)
{
    public static RowHessian Derive(Expr loss, List<RowAggregate> aggregates, int forwardCount, List<Expr> adjoints,
        List<ParameterSpec> wrts, List<IndexedElement> fixups, CancellationToken cancellationToken)
    {
        var second = new Expr[forwardCount, forwardCount];
        var secondAdjoints = new List<(int, int, Expr)>();
        for (int a = 0; a < forwardCount; a++)
        {
            for (int b = a; b < forwardCount; b++)
            {
                second[a, b] = second[b, a] = Differentiator.Derive(adjoints[a], aggregates[b].Name, cancellationToken);
                if (!IsZero(second[a, b])) secondAdjoints.Add((a, b, second[a, b]));
            }
        }
        Expr SecondSymbol(int a, int b) => IsZero(second[a, b]) ? Zero : Sym(RowKernelSpec.SecondAdjoint(System.Math.Min(a, b), System.Math.Max(a, b)));

        var diagonals = new List<Expr>();
        foreach (ParameterSpec wrt in wrts)
        {
            string element = RowShape.Element(wrt.Name);
            var first = Enumerable.Range(0, forwardCount).Select(a => RowLossCompiler.FirstLocal(aggregates[a], a, element, cancellationToken)).ToList();
            var terms = new List<Expr>();
            for (int a = 0; a < forwardCount; a++)
            {
                for (int b = 0; b < forwardCount; b++)
                {
                    if (!IsZero(first[a]) && !IsZero(first[b])) terms.Add(Mul(SecondSymbol(a, b), first[a], first[b]));
                }
                if (!IsZero(adjoints[a])) terms.Add(Mul(Sym(RowKernelSpec.Adjoint(a)), RowLossCompiler.SecondLocal(aggregates[a], a, element, cancellationToken)));
            }
            diagonals.Add(Add(terms));
        }

        bool supported = wrts.All(w => fixups.Count(f => f.Row == w.Name) <= 1);
        var fixupValues = new List<Expr>();
        foreach (IndexedElement z in fixups)
        {
            string element = RowShape.Element(z.Row);
            var atLabel = new Dictionary<string, Expr> { [element] = Sym(z.Name) };
            var dy = new Expr[forwardCount];
            var s = new Expr[forwardCount];
            var terms = new List<Expr> { Differentiator.Derive(Differentiator.Derive(loss, z.Name, cancellationToken), z.Name, cancellationToken) };
            for (int a = 0; a < forwardCount; a++)
            {
                // dₐ(y): element j's derivative at j = y, where x[j] is x[y] and softmax is exp(x[y] − LogSumExp).
                var local = new Dictionary<string, Expr>(atLabel) { [RowKernelSpec.Softmax(a)] = Call(Function.Exp, Sub(Sym(z.Name), Sym(aggregates[a].Name))) };
                dy[a] = Substitute(RowLossCompiler.FirstLocal(aggregates[a], a, element, cancellationToken), local);
                Expr captured = Differentiator.Derive(aggregates[a].Element, z.Name, cancellationToken);
                s[a] = IsZero(captured) ? Zero : RowLossCompiler.SumAggregate(aggregates, captured, $"Σⱼ ∂({aggregates[a].Name})/∂{z.Name}");
                Expr curvature = Differentiator.Derive(captured, z.Name, cancellationToken);
                Expr t = IsZero(curvature) ? Zero : RowLossCompiler.SumAggregate(aggregates, curvature, $"Σⱼ ∂²({aggregates[a].Name})/∂{z.Name}²");
                Expr mixed = Substitute(Differentiator.Derive(Differentiator.Derive(aggregates[a].Element, element, cancellationToken), z.Name, cancellationToken), atLabel);
                Expr adjointOfZ = Differentiator.Derive(adjoints[a], z.Name, cancellationToken);
                terms.Add(Mul(Const(2), adjointOfZ, Add(dy[a], s[a])));
                terms.Add(Mul(adjoints[a], Add(Mul(Const(2), mixed), t)));
            }
            for (int a = 0; a < forwardCount; a++)
            {
                for (int b = 0; b < forwardCount; b++)
                {
                    if (IsZero(second[a, b])) continue;
                    terms.Add(Mul(second[a, b], Add(Mul(dy[a], s[b]), Mul(s[a], dy[b]), Mul(s[a], s[b]))));
                }
            }
            Expr value = Add(terms);
            // Another row's element at the label (t[y] in Σ x[j]·t[j]) is not a per-row value of the kernels.
            if (value.Contains(e => e is Symbol sym && sym.Name.EndsWith("[j]"))) supported = false;
            fixupValues.Add(value);
        }
        return new RowHessian(supported, secondAdjoints, diagonals, fixupValues);
    }
}
