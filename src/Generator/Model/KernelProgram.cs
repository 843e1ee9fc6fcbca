using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LossDsl.Generator.Helpers;

namespace LossDsl.Generator.Model;

/// <summary>
/// Straight-line code for the loss and all its derivatives together: temporaries in dependency order, each
/// computed once, and the outputs that read them. Temporaries that depend on no per-element input are
/// loop-invariant and computed once per call.
/// </summary>
internal sealed class KernelProgram : IEquatable<KernelProgram>
{
    private readonly Dictionary<Expr, int> _tempIndex = new();

    public KernelProgram(ImmutableArray<Expr> temps, ImmutableArray<bool> invariant, ImmutableArray<Expr> outputs)
    {
        Temps = temps.ToEquatableArray();
        Invariant = invariant;
        Outputs = outputs.ToEquatableArray();
        for (int i = 0; i < temps.Length; i++) _tempIndex[temps[i]] = i;
    }

    public EquatableArray<Expr> Temps { get; }

    /// <summary>For each temporary, whether it is loop-invariant (built from constants and hyperparameters only).</summary>
    public ImmutableArray<bool> Invariant { get; }

    public EquatableArray<Expr> Outputs { get; }

    /// <summary>The index of the temporary holding <paramref name="expr"/>, or -1.</summary>
    public int TempIndexOf(Expr expr) => _tempIndex.TryGetValue(expr, out int index) ? index : -1;

    /// <summary>The temporaries the given outputs read, directly or through other temporaries, in program order.</summary>
    public ImmutableArray<int> TempsNeededBy(IEnumerable<int> outputIndices)
    {
        var needed = new bool[Temps.Count];
        var seen = new HashSet<Expr>();
        var stack = new Stack<Expr>();
        foreach (int output in outputIndices) stack.Push(Outputs[output]);
        while (stack.Count > 0)
        {
            Expr node = stack.Pop();
            if (!seen.Add(node)) continue;
            int index = TempIndexOf(node);
            if (index >= 0) needed[index] = true;
            foreach (Expr child in node.Children) stack.Push(child);
        }
        var result = ImmutableArray.CreateBuilder<int>();
        for (int i = 0; i < needed.Length; i++)
        {
            if (needed[i]) result.Add(i);
        }
        return result.ToImmutable();
    }

    public bool Equals(KernelProgram? other) =>
        other is not null && Temps.Equals(other.Temps) && Outputs.Equals(other.Outputs);

    public override bool Equals(object? obj) => Equals(obj as KernelProgram);

    public override int GetHashCode() => unchecked(Temps.GetHashCode() * 397 ^ Outputs.GetHashCode());
}
