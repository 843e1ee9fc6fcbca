using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;

namespace LossDsl.Generator.Accuracy;

/// <summary>
/// A DAG flattened once into dependency order, with what each evaluation needs precomputed, so thousands of
/// evaluations index arrays instead of hashing nodes and testing types: <see cref="Nodes"/>[i]'s children are
/// at <see cref="ChildIndices"/>[i], all before i; symbols read slots of a point's value array.
/// </summary>
internal sealed class ExprTape
{
    public ExprTape(ImmutableArray<Expr> outputs)
    {
        var index = new Dictionary<Expr, int>();
        var nodes = new List<Expr>();
        var children = new List<int[]>();

        int Add(Expr root)
        {
            // Iterative post-order: derived expressions nest deeper than the stack should.
            var stack = new Stack<(Expr Node, bool Expanded)>();
            stack.Push((root, false));
            while (stack.Count > 0)
            {
                var (node, expanded) = stack.Pop();
                if (index.ContainsKey(node)) continue;
                if (!expanded)
                {
                    stack.Push((node, true));
                    foreach (Expr child in node.Children)
                    {
                        if (!index.ContainsKey(child)) stack.Push((child, false));
                    }
                    continue;
                }
                var childIndices = new int[node.Children.Length];
                for (int c = 0; c < childIndices.Length; c++) childIndices[c] = index[node.Children[c]];
                index[node] = nodes.Count;
                nodes.Add(node);
                children.Add(childIndices);
            }
            return index[root];
        }

        var outputIndices = new int[outputs.Length];
        for (int o = 0; o < outputs.Length; o++) outputIndices[o] = Add(outputs[o]);
        Nodes = nodes.ToArray();
        ChildIndices = children.ToArray();
        Outputs = outputIndices;
        Kinds = Nodes.Select(n => n.Kind).ToArray();
        Symbols = Nodes.OfType<Symbol>().Select(s => s.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        SymbolSlots = Nodes.Select(n => n is Symbol s ? System.Array.IndexOf(Symbols, s.Name) : -1).ToArray();
        SumOrders = Nodes.Select(n => n is Sum sum ? Lowering.SummationOrder(sum).Select(t => sum.Terms.IndexOf(t)).ToArray() : null).ToArray();
        Divisors = Nodes.Select(n => n is Product p ? p.Factors.Select(f => f is Power { Exponent: Constant { Value: < 0 } e } && Lowering.HasShortcut(e) ? -e.Value : 0).ToArray() : null).ToArray();
    }

    public Expr[] Nodes { get; }

    public ExprKind[] Kinds { get; }

    public int[][] ChildIndices { get; }

    /// <summary>The node index of each output.</summary>
    public int[] Outputs { get; }

    /// <summary>The symbols read, in the order of a point's value array.</summary>
    public string[] Symbols { get; }

    /// <summary>For a symbol node, its slot in <see cref="Symbols"/>; -1 elsewhere.</summary>
    public int[] SymbolSlots { get; }

    /// <summary>For a sum node, the order the kernel adds its terms in (<see cref="Lowering.SummationOrder"/>).</summary>
    public int[]?[] SumOrders { get; }

    /// <summary>For a product node, per factor: the positive power it divides by when it is a negative shortcut power, else 0.</summary>
    public double[]?[] Divisors { get; }

    /// <summary>A point's values in the order of <see cref="Symbols"/>.</summary>
    public double[] Slots(IReadOnlyDictionary<string, double> point) => Symbols.Select(s => point[s]).ToArray();
}
