using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace LossDsl.Generator.Model;

internal enum ExprKind
{
    Constant,
    Bool,
    Symbol,
    Sum,
    Product,
    Power,
    Call,
    Compare,
    Logic,
    Select,
}

internal enum CompareOp { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }

internal enum LogicOp { And, Or, Not }

/// <summary>
/// An immutable, structurally equal expression node with a cached hash. Nodes are built only through
/// <see cref="Simplification.Ex"/>, whose smart constructors keep every tree in simplified normal form.
/// </summary>
internal abstract class Expr : IEquatable<Expr>
{
    private readonly int _hash;

    private protected Expr(ExprKind kind, int hash, ImmutableArray<Expr> children)
    {
        Kind = kind;
        Children = children;
        long size = 1;
        foreach (Expr child in children) size += child.Size;
        Size = (int)Math.Min(size, int.MaxValue);
        _hash = hash;
    }

    public ExprKind Kind { get; }

    /// <summary>The operands, in order (empty for leaves).</summary>
    public ImmutableArray<Expr> Children { get; }

    /// <summary>Nodes in the tree, counting shared subtrees each time (saturates at int.MaxValue).</summary>
    public int Size { get; }

    /// <summary>Whether this node is a boolean (a comparison, a logical operation or true/false).</summary>
    public bool IsBoolean => Kind is ExprKind.Bool or ExprKind.Compare or ExprKind.Logic;

    public bool Equals(Expr? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._hash != _hash || other.Kind != Kind || other.Children.Length != Children.Length) return false;
        if (!SameLeafData(other)) return false;
        for (int i = 0; i < Children.Length; i++)
        {
            if (!Children[i].Equals(other.Children[i])) return false;
        }
        return true;
    }

    /// <summary>Compares the data a node holds besides its children.</summary>
    private protected abstract bool SameLeafData(Expr other);

    public override bool Equals(object? obj) => obj is Expr other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => ExprPrinter.Print(this);

    private protected static int Combine(int seed, ImmutableArray<Expr> children)
    {
        int hash = seed;
        foreach (Expr child in children) hash = unchecked(hash * 486187739 + child._hash);
        return hash;
    }

    /// <summary>A deterministic string hash (string.GetHashCode is randomized per process).</summary>
    private protected static int StableHash(string text)
    {
        unchecked
        {
            int hash = (int)2166136261;
            foreach (char c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }

    public bool Contains(Func<Expr, bool> predicate)
    {
        var seen = new HashSet<Expr>();
        var stack = new Stack<Expr>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            Expr node = stack.Pop();
            if (!seen.Add(node)) continue;
            if (predicate(node)) return true;
            foreach (Expr child in node.Children) stack.Push(child);
        }
        return false;
    }

    public bool ContainsSymbol(string name) => Contains(e => e is Symbol s && s.Name == name);
}

internal sealed class Constant : Expr
{
    internal Constant(double value) : base(ExprKind.Constant, value.GetHashCode(), ImmutableArray<Expr>.Empty) => Value = value;

    public double Value { get; }

    private protected override bool SameLeafData(Expr other) => ((Constant)other).Value.Equals(Value);
}

internal sealed class BoolConstant : Expr
{
    internal BoolConstant(bool value) : base(ExprKind.Bool, value ? 1 : 2, ImmutableArray<Expr>.Empty) => Value = value;

    public bool Value { get; }

    private protected override bool SameLeafData(Expr other) => ((BoolConstant)other).Value == Value;
}

/// <summary>A named value: a parameter of the loss (input or hyperparameter).</summary>
internal sealed class Symbol : Expr
{
    internal Symbol(string name) : base(ExprKind.Symbol, StableHash(name), ImmutableArray<Expr>.Empty) => Name = name;

    public string Name { get; }

    private protected override bool SameLeafData(Expr other) => ((Symbol)other).Name == Name;
}

/// <summary>An n-ary sum; terms sorted, like terms merged, the constant term last.</summary>
internal sealed class Sum : Expr
{
    internal Sum(ImmutableArray<Expr> terms) : base(ExprKind.Sum, Combine(3, terms), terms) { }

    public ImmutableArray<Expr> Terms => Children;

    private protected override bool SameLeafData(Expr other) => true;
}

/// <summary>An n-ary product; the constant coefficient first, then factors sorted, equal bases merged.</summary>
internal sealed class Product : Expr
{
    internal Product(ImmutableArray<Expr> factors) : base(ExprKind.Product, Combine(5, factors), factors) { }

    public ImmutableArray<Expr> Factors => Children;

    private protected override bool SameLeafData(Expr other) => true;
}

/// <summary>Base raised to exponent; division is a power with exponent -1.</summary>
internal sealed class Power : Expr
{
    internal Power(Expr @base, Expr exponent) : base(ExprKind.Power, Combine(7, ImmutableArray.Create(@base, exponent)), ImmutableArray.Create(@base, exponent)) { }

    public Expr Base => Children[0];

    public Expr Exponent => Children[1];

    private protected override bool SameLeafData(Expr other) => true;
}

internal sealed class Call : Expr
{
    internal Call(Function function, ImmutableArray<Expr> arguments) : base(ExprKind.Call, Combine(11 + 13 * (int)function, arguments), arguments) => Function = function;

    public Function Function { get; }

    public ImmutableArray<Expr> Arguments => Children;

    private protected override bool SameLeafData(Expr other) => ((Call)other).Function == Function;
}

internal sealed class Compare : Expr
{
    internal Compare(CompareOp op, Expr left, Expr right) : base(ExprKind.Compare, Combine(17 + 19 * (int)op, ImmutableArray.Create(left, right)), ImmutableArray.Create(left, right)) => Op = op;

    public CompareOp Op { get; }

    public Expr Left => Children[0];

    public Expr Right => Children[1];

    private protected override bool SameLeafData(Expr other) => ((Compare)other).Op == Op;
}

internal sealed class Logic : Expr
{
    internal Logic(LogicOp op, ImmutableArray<Expr> operands) : base(ExprKind.Logic, Combine(23 + 29 * (int)op, operands), operands) => Op = op;

    public LogicOp Op { get; }

    public ImmutableArray<Expr> Operands => Children;

    private protected override bool SameLeafData(Expr other) => ((Logic)other).Op == Op;
}

/// <summary><c>condition ? whenTrue : whenFalse</c>, evaluated branch-free (both sides, then a masked select).</summary>
internal sealed class Select : Expr
{
    internal Select(Expr condition, Expr whenTrue, Expr whenFalse) : base(ExprKind.Select, Combine(31, ImmutableArray.Create(condition, whenTrue, whenFalse)), ImmutableArray.Create(condition, whenTrue, whenFalse)) { }

    public Expr Condition => Children[0];

    public Expr WhenTrue => Children[1];

    public Expr WhenFalse => Children[2];

    private protected override bool SameLeafData(Expr other) => true;
}
