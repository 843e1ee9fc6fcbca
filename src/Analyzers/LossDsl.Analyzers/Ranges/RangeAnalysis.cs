using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Model;

namespace LossDsl.Analyzers.Ranges;

/// <summary>
/// The range of every subexpression of a translated loss, from the ranges of its parameters and the branch
/// conditions it sits under (<c>x &gt; 0 ? Log(x) : 0</c> sees x ≥ the smallest positive value). Memoized
/// over the DAG; one instance per (parameters, path).
/// </summary>
internal sealed class RangeAnalysis
{
    private readonly System.Func<string, Interval?> _symbols; // a symbol's declared range, or null for unknown
    private readonly FloatingType _type;
    private readonly Dictionary<Expr, Interval> _assumed = new();
    private readonly HashSet<Expr> _nonZero = new(); // from 'x != 0', which no interval can say
    private Dictionary<Expr, Interval> _memo = new();

    public RangeAnalysis(IReadOnlyDictionary<string, Interval> symbols, FloatingType type, PathCondition? path = null)
        : this(Lookup(symbols), type, path)
    {
    }

    /// <param name="symbols">The declared range of a symbol, or null where nothing is known (any value, or NaN).</param>
    public RangeAnalysis(System.Func<string, Interval?> symbols, FloatingType type, PathCondition? path = null)
    {
        _symbols = symbols;
        _type = type;
        var conditions = new List<PathCondition>();
        for (PathCondition? p = path; p is not null; p = p.Outer) conditions.Add(p);
        for (int i = conditions.Count - 1; i >= 0; i--) // outermost first: inner conditions refine what outer ones left
        {
            Assume(conditions[i].Condition, conditions[i].Holds);
            _memo = new Dictionary<Expr, Interval>();
        }
    }

    // A branch of a select: what the enclosing analysis knows, plus one condition.
    private RangeAnalysis(RangeAnalysis outer, Expr condition, bool holds)
    {
        _symbols = outer._symbols;
        _type = outer._type;
        foreach (var known in outer._assumed) _assumed[known.Key] = known.Value;
        _nonZero.UnionWith(outer._nonZero);
        Assume(condition, holds);
        _memo = new Dictionary<Expr, Interval>();
    }

    public FloatingType Type => _type;

    /// <summary>A dictionary of declared ranges as the lookup the analysis takes.</summary>
    public static System.Func<string, Interval?> Lookup(IReadOnlyDictionary<string, Interval> symbols) =>
        name => symbols.TryGetValue(name, out Interval declared) ? declared : null;

    /// <summary>Whether <paramref name="expr"/> can be exactly 0 here.</summary>
    public bool CanBeZero(Expr expr) => Of(expr).Contains(0) && !_nonZero.Contains(expr);

    public Interval Of(Expr expr)
    {
        if (_memo.TryGetValue(expr, out Interval known)) return known;
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Interval result = Compute(expr);
        if (_assumed.TryGetValue(expr, out Interval assumed)) result = result.Intersect(assumed);
        _memo[expr] = result;
        return result;
    }

    private Interval Compute(Expr expr) => expr switch
    {
        Constant c => Interval.Point(c.Value),
        Symbol s => _symbols(s.Name) ?? Interval.All,
        Sum sum => sum.Terms.Skip(1).Aggregate(Of(sum.Terms[0]), (total, term) => total + Of(term)),
        Product product => product.Factors.Skip(1).Aggregate(Of(product.Factors[0]), (total, factor) => total * Of(factor)),
        Power power => FunctionRanges.Power(Of(power.Base), Of(power.Exponent), _type),
        Call call => FunctionRanges.Apply(call.Function, call.Arguments.Select(Of).ToArray(), _type),
        Select select => Branches(select),
        _ => Interval.All, // booleans have no numeric range
    };

    // A branch on a symbol against a constant is analyzed under its condition — Select(b != 0, f(log b), 0), the
    // generator's derivative of b^e in e, never takes the log of 0 — and contributes nothing where the condition
    // rules it out. Other conditions just join both branches (narrowing by them costs a re-analysis of each
    // nested branch, and gains little outside derivatives).
    private Interval Branches(Select select)
    {
        if (select.Condition is not Compare { Left: Symbol, Right: Constant } and not Compare { Left: Constant, Right: Symbol })
        {
            return Of(select.WhenTrue).Union(Of(select.WhenFalse));
        }
        Interval whenTrue = new RangeAnalysis(this, select.Condition, true).Of(select.WhenTrue);
        Interval whenFalse = new RangeAnalysis(this, select.Condition, false).Of(select.WhenFalse);
        return whenTrue.Union(whenFalse);
    }

    /// <summary>Records what <paramref name="condition"/> (or its negation) says about the values it compares.</summary>
    private void Assume(Expr condition, bool holds)
    {
        switch (condition)
        {
            case Logic { Op: LogicOp.Not } negation:
                Assume(negation.Operands[0], !holds);
                break;
            case Logic { Op: LogicOp.And } conjunction when holds:
                foreach (Expr operand in conjunction.Operands) Assume(operand, true);
                break;
            case Logic { Op: LogicOp.Or } disjunction when !holds:
                foreach (Expr operand in disjunction.Operands) Assume(operand, false);
                break;
            case Compare compare:
                // Inputs are assumed not NaN, so !(a < b) means a >= b.
                CompareOp op = holds ? compare.Op : Negate(compare.Op);
                Interval left = Of(compare.Left), right = Of(compare.Right);
                if (op == CompareOp.NotEqual)
                {
                    if (right.IsPoint(out double r)) Exclude(compare.Left, left, r);
                    if (left.IsPoint(out double l)) Exclude(compare.Right, right, l);
                    break;
                }
                Narrow(compare.Left, Bound(op, right, _type));
                Narrow(compare.Right, Bound(Mirror(op), left, _type));
                break;
        }
    }

    // x != c: an interval can only lose c at an end (or vanish if it is just c); 0 inside is remembered aside.
    private void Exclude(Expr expr, Interval range, double point)
    {
        if (range.IsPoint(out double only) && only == point) Narrow(expr, Interval.Empty);
        else if (range.Lo == point) Narrow(expr, new Interval(_type.NextUp(point), double.PositiveInfinity));
        else if (range.Hi == point) Narrow(expr, new Interval(double.NegativeInfinity, _type.NextDown(point)));
        else if (point == 0) _nonZero.Add(expr);
    }

    private void Narrow(Expr expr, Interval allowed)
    {
        if (expr is Constant) return;
        _assumed[expr] = _assumed.TryGetValue(expr, out Interval before) ? before.Intersect(allowed) : allowed.WithNaN(true);
    }

    // The values x may take when 'x op other' holds.
    private static Interval Bound(CompareOp op, Interval other, FloatingType type)
    {
        const double Inf = double.PositiveInfinity;
        return op switch
        {
            CompareOp.Less => new Interval(-Inf, type.NextDown(other.Hi)),
            CompareOp.LessOrEqual => new Interval(-Inf, other.Hi),
            CompareOp.Greater => new Interval(type.NextUp(other.Lo), Inf),
            CompareOp.GreaterOrEqual => new Interval(other.Lo, Inf),
            _ => new Interval(other.Lo, other.Hi), // equal
        };
    }

    private static CompareOp Negate(CompareOp op) => op switch
    {
        CompareOp.Less => CompareOp.GreaterOrEqual,
        CompareOp.LessOrEqual => CompareOp.Greater,
        CompareOp.Greater => CompareOp.LessOrEqual,
        CompareOp.GreaterOrEqual => CompareOp.Less,
        CompareOp.Equal => CompareOp.NotEqual,
        _ => CompareOp.Equal,
    };

    // a op b seen from b's side.
    private static CompareOp Mirror(CompareOp op) => op switch
    {
        CompareOp.Less => CompareOp.Greater,
        CompareOp.LessOrEqual => CompareOp.GreaterOrEqual,
        CompareOp.Greater => CompareOp.Less,
        CompareOp.GreaterOrEqual => CompareOp.LessOrEqual,
        _ => op,
    };
}
