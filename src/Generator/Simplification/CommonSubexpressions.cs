using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Simplification;

/// <summary>
/// Common-subexpression elimination over the loss and all its derivatives together (as SymPy's <c>cse</c>):
/// every non-leaf node read more than once becomes a temporary, as does every loop-invariant node, so the
/// fused kernel computes each shared subexpression, each transcendental, once per element.
/// </summary>
internal static class CommonSubexpressions
{
    /// <summary>Integer powers up to this are emitted as products; larger ones call Pow.</summary>
    public const int MaxUnrolledPower = 4;

    public static KernelProgram Eliminate(ImmutableArray<Expr> outputs, ISet<string> perElementInputs, CancellationToken cancellationToken = default)
    {
        var postOrder = new List<Expr>();
        var uses = new Dictionary<Expr, int>();
        var invariant = new Dictionary<Expr, bool>();

        void Visit(Expr node)
        {
            if (uses.TryGetValue(node, out int count))
            {
                uses[node] = count + 1;
                return;
            }
            cancellationToken.ThrowIfCancellationRequested();
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            uses[node] = 1;
            bool isInvariant = node is not Symbol s || !perElementInputs.Contains(s.Name);
            foreach (Expr child in node.Children)
            {
                Visit(child);
                isInvariant &= invariant[child];
            }
            invariant[node] = isInvariant;
            postOrder.Add(node);
        }

        foreach (Expr output in outputs) Visit(output);

        // x^3 is emitted as x²·x: its base is read twice, so it must be computed once.
        foreach (Expr node in postOrder)
        {
            if (node is Power { Exponent: Constant e } power && !power.Base.Children.IsEmpty
                && System.Math.Abs(e.Value) >= 3 && System.Math.Floor(e.Value) == e.Value && System.Math.Abs(e.Value) <= MaxUnrolledPower)
            {
                uses[power.Base]++;
            }
        }

        var temps = ImmutableArray.CreateBuilder<Expr>();
        var tempInvariant = ImmutableArray.CreateBuilder<bool>();
        foreach (Expr node in postOrder)
        {
            if (node.Children.IsEmpty) continue; // constants and symbols are named directly
            if (uses[node] > 1 || invariant[node])
            {
                temps.Add(node);
                tempInvariant.Add(invariant[node]);
            }
        }
        return new KernelProgram(temps.ToImmutable(), tempInvariant.ToImmutable(), outputs);
    }
}
