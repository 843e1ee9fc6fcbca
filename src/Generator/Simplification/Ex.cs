using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Simplification;

/// <summary>
/// The only way to build an <see cref="Expr"/>: smart constructors that fold constants, flatten, sort and
/// merge like terms, so every tree is in normal form and derivatives never swell.
/// </summary>
/// <remarks>
/// Rewrites that are not IEEE-exact, each chosen on purpose:
/// <list type="bullet">
/// <item><c>0 * x → 0</c> and <c>x - x → 0</c>: wrong only when x is NaN or ±∞; without them the chain rule
/// would carry every zero term and derivatives would grow without bound.</item>
/// <item><c>x * x^-1 → 1</c> and <c>x^a * x^b → x^(a+b)</c>: the merged form is the better one at x = 0.</item>
/// <item><c>(x^a)^n → x^(a·n)</c> for integer n only, and <c>(x·y)^n → x^n · y^n</c> for integer n only.</item>
/// </list>
/// Never rewritten: <c>!(a &lt; b)</c> to <c>a &gt;= b</c> and <c>x == x</c> to true (both differ for NaN).
/// </remarks>
internal static class Ex
{
    public static readonly Expr Zero = new Constant(0);
    public static readonly Expr One = new Constant(1);
    public static readonly Expr MinusOne = new Constant(-1);
    public static readonly Expr True = new BoolConstant(true);
    public static readonly Expr False = new BoolConstant(false);

    public static Expr Const(double value) => value switch
    {
        0 => Zero, // also folds -0 into +0
        1 => One,
        -1 => MinusOne,
        _ => new Constant(value),
    };

    public static Expr Bool(bool value) => value ? True : False;

    public static Expr Sym(string name) => new Symbol(name);

    public static bool IsZero(Expr e) => e is Constant { Value: 0 };

    public static bool IsConstant(Expr e, double value) => e is Constant c && c.Value.Equals(value);

    public static Expr Neg(Expr a) => Mul(MinusOne, a);

    public static Expr Sub(Expr a, Expr b) => Add(a, Neg(b));

    public static Expr Div(Expr a, Expr b) => Mul(a, Pow(b, MinusOne));

    public static Expr Add(params Expr[] terms) => Add((IEnumerable<Expr>)terms);

    public static Expr Add(IEnumerable<Expr> terms)
    {
        var list = terms as IReadOnlyList<Expr> ?? terms.ToList();
        if (list.Count == 1 && list[0] is not Sum) return list[0]; // nothing to merge: keep c·(a + b) whole
        double constant = 0;
        var coefficients = new Dictionary<Expr, double>();
        var order = new List<Expr>();

        void Accumulate(Expr term, double scale)
        {
            switch (term)
            {
                case Constant c:
                    constant += scale * c.Value;
                    break;
                case Sum sum:
                    foreach (Expr inner in sum.Terms) Accumulate(inner, scale);
                    break;
                case Product product when product.Factors.Length == 2 && product.Factors[0] is Constant c && product.Factors[1] is Sum scaled:
                    // c·(a + b) is expanded inside a sum, so -(a + b) cancels against a and b;
                    // in a product it stays whole, so r·r still merges into r².
                    foreach (Expr inner in scaled.Terms) Accumulate(inner, scale * c.Value);
                    break;
                default:
                    (double coefficient, Expr rest) = SplitCoefficient(term);
                    if (coefficients.TryGetValue(rest, out double existing))
                    {
                        coefficients[rest] = existing + scale * coefficient;
                    }
                    else
                    {
                        coefficients[rest] = scale * coefficient;
                        order.Add(rest);
                    }
                    break;
            }
        }

        foreach (Expr term in list) Accumulate(term, 1);

        var built = new List<Expr>();
        foreach (Expr rest in order.OrderBy(r => r, ExprComparer.Instance))
        {
            double coefficient = coefficients[rest];
            if (coefficient == 0) continue;
            built.Add(coefficient == 1 ? rest : Mul(Const(coefficient), rest));
        }
        if (constant != 0) built.Add(Const(constant));
        return built.Count switch
        {
            0 => Const(constant),
            1 => built[0],
            _ => new Sum(built.ToImmutableArray()),
        };
    }

    /// <summary>Splits <c>c * rest</c> into its numeric coefficient and the rest.</summary>
    public static (double Coefficient, Expr Remainder) SplitCoefficient(Expr term)
    {
        if (term is Product product && product.Factors[0] is Constant c)
        {
            ImmutableArray<Expr> rest = product.Factors.RemoveAt(0);
            return (c.Value, rest.Length == 1 ? rest[0] : new Product(rest));
        }
        return (1, term);
    }

    public static Expr Mul(params Expr[] factors) => Mul((IEnumerable<Expr>)factors);

    public static Expr Mul(IEnumerable<Expr> factors)
    {
        double coefficient = 1;
        var exponents = new Dictionary<Expr, List<Expr>>();
        var order = new List<Expr>();

        void Accumulate(Expr factor)
        {
            switch (factor)
            {
                case Constant c:
                    coefficient *= c.Value;
                    break;
                case Product product:
                    foreach (Expr inner in product.Factors) Accumulate(inner);
                    break;
                default:
                    (Expr @base, Expr exponent) = factor is Power p ? (p.Base, p.Exponent) : (factor, One);
                    if (!exponents.TryGetValue(@base, out List<Expr>? list))
                    {
                        exponents[@base] = list = new List<Expr>();
                        order.Add(@base);
                    }
                    list.Add(exponent);
                    break;
            }
        }

        foreach (Expr factor in factors) Accumulate(factor);
        if (coefficient == 0) return Zero;

        var built = new List<Expr>();
        bool renormalize = false;
        foreach (Expr @base in order)
        {
            Expr power = Pow(@base, Add(exponents[@base]));
            if (power is Constant or Product) renormalize = true;
            if (!IsConstant(power, 1)) built.Add(power);
        }
        if (renormalize)
        {
            // A merged power folded to a constant or distributed into a product: normalize once more.
            built.Insert(0, Const(coefficient));
            return Mul(built);
        }
        built.Sort(ExprComparer.Instance);

        if (built.Count == 0) return Const(coefficient);
        if (coefficient == 1 && built.Count == 1) return built[0];
        if (coefficient != 1) built.Insert(0, Const(coefficient));
        return new Product(built.ToImmutableArray());
    }

    public static Expr Pow(Expr @base, Expr exponent)
    {
        if (exponent is Constant e)
        {
            if (e.Value == 0) return One;
            if (e.Value == 1) return @base;
            if (@base is Constant b) return Const(Math.Pow(b.Value, e.Value));
            bool integer = Math.Floor(e.Value) == e.Value && Math.Abs(e.Value) < 1e6;
            if (integer && @base is Power inner) return Pow(inner.Base, Mul(inner.Exponent, exponent));
            if (integer && @base is Product product) return Mul(Enumerable.Select(product.Factors, f => Pow(f, exponent)));
        }
        if (IsConstant(@base, 1)) return One;
        return new Power(@base, exponent);
    }

    public static Expr Call(Function function, params Expr[] args) => Call(function, args.ToImmutableArray());

    public static Expr Call(Function function, ImmutableArray<Expr> args)
    {
        if (args.Length != function.Arity())
        {
            throw new ArgumentException($"{function} takes {function.Arity()} argument(s), not {args.Length}.", nameof(args));
        }
        if (args.All(a => a is Constant))
        {
            return Const(Evaluator.Apply(function, Enumerable.Select(args, a => ((Constant)a).Value).ToArray()));
        }
        switch (function)
        {
            case Function.Abs when args[0] is Call { Function: Function.Abs }:
                return args[0];
            case Function.Abs when SplitCoefficient(args[0]).Coefficient < 0:
                return Call(Function.Abs, Neg(args[0]));
            case Function.Max or Function.Min when args[0].Equals(args[1]):
                return args[0];
        }
        return new Call(function, args);
    }

    public static Expr Compare(CompareOp op, Expr left, Expr right)
    {
        if (left is Constant a && right is Constant b) return Bool(Evaluator.Compare(op, a.Value, b.Value));
        return new Compare(op, left, right);
    }

    public static Expr Not(Expr operand) => operand switch
    {
        BoolConstant b => Bool(!b.Value),
        Logic { Op: LogicOp.Not } not => not.Operands[0],
        _ => new Logic(LogicOp.Not, ImmutableArray.Create(operand)),
    };

    public static Expr And(Expr left, Expr right) => Junction(LogicOp.And, left, right);

    public static Expr Or(Expr left, Expr right) => Junction(LogicOp.Or, left, right);

    private static Expr Junction(LogicOp op, Expr left, Expr right)
    {
        bool identity = op == LogicOp.And; // true for &&, false for ||
        var operands = new List<Expr>();
        foreach (Expr operand in new[] { left, right })
        {
            IEnumerable<Expr> parts = operand is Logic l && l.Op == op ? l.Operands : new[] { operand };
            foreach (Expr part in parts)
            {
                if (part is BoolConstant b)
                {
                    if (b.Value != identity) return Bool(!identity); // false && x, true || x
                    continue;
                }
                if (!operands.Contains(part)) operands.Add(part);
            }
        }
        return operands.Count switch
        {
            0 => Bool(identity),
            1 => operands[0],
            _ => new Logic(op, operands.ToImmutableArray()),
        };
    }

    public static Expr Select(Expr condition, Expr whenTrue, Expr whenFalse)
    {
        if (condition is BoolConstant b) return b.Value ? whenTrue : whenFalse;
        if (whenTrue.Equals(whenFalse)) return whenTrue;
        return new Select(condition, whenTrue, whenFalse);
    }

    /// <summary>Rebuilds a node of the same kind over new children, through the smart constructors.</summary>
    public static Expr Rebuild(Expr node, ImmutableArray<Expr> children) => node switch
    {
        Sum => Add(children),
        Product => Mul(children),
        Power => Pow(children[0], children[1]),
        Call call => Call(call.Function, children),
        Compare compare => Compare(compare.Op, children[0], children[1]),
        Logic { Op: LogicOp.Not } => Not(children[0]),
        Logic { Op: LogicOp.And } => children.Skip(1).Aggregate(children[0], And),
        Logic => children.Skip(1).Aggregate(children[0], Or),
        Model.Select => Select(children[0], children[1], children[2]),
        _ => node,
    };

    /// <summary>Replaces symbols by expressions (inlining, constant hyperparameters), renormalizing on the way.</summary>
    public static Expr Substitute(Expr expr, IReadOnlyDictionary<string, Expr> bindings) =>
        Replace(expr, node => node is Symbol s && bindings.TryGetValue(s.Name, out Expr? bound) ? bound : null);

    /// <summary>Replaces every subexpression <paramref name="replacement"/> maps (to non-null), renormalizing on the way.</summary>
    public static Expr Replace(Expr expr, Func<Expr, Expr?> replacement)
    {
        var memo = new Dictionary<Expr, Expr>();

        Expr Visit(Expr node)
        {
            if (memo.TryGetValue(node, out Expr? done)) return done;
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            Expr result = replacement(node) ?? (node.Children.IsEmpty ? node : Rebuild(node, ImmutableArray.CreateRange(node.Children, Visit)));
            memo[node] = result;
            return result;
        }

        return Visit(expr);
    }
}
