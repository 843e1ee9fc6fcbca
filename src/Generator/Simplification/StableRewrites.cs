using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Model;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Simplification;

/// <summary>A rewrite that changed what a kernel evaluates, as printed math: where, before, after.</summary>
/// <param name="Output">"loss", or the derivative it was made in (∂loss/∂x, ∂²loss/∂x²).</param>
internal sealed record RewriteNote(string Output, string Before, string After)
{
    public override string ToString() => (Output == "loss" ? "" : "in " + Output + ": ") + Before + " → " + After;
}

/// <summary>
/// Turns the spellings the LD2xxx analyzers flag into their stable equivalents, so a kernel stays finite and
/// accurate whatever the user wrote (docs/stability.md). Bottom-up over the DAG, each node once; every rule
/// is exact in real arithmetic and its result matches no rule again, so the pass ends.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>log σ(x) → logsigmoid(x); log(1 + eˣ) → softplus(x); log(eᵃ + eᵇ + …) → a max-shifted log-sum-exp
/// (pairwise: a ≥ b ? a + softplus(b - a) : b + softplus(a - b)), and log((eʳ + e⁻ʳ)/2) → logcosh(r); log(1 + x) → log1p(x);
/// log(eˣ) → x; e^(log x) → x where x ≥ 0 is stated; √(x²) → |x|; eˣ - 1 → expm1(x); 1/(1 + eˣ) → σ(-x) and
/// eˣ·σ(-x) → σ(x).</item>
/// <item>A sum with a constant term that is affine in σ(z), a + b·σ(z) with a, b free of σ(±z), becomes
/// a·σ(-z) + (a + b)·σ(z) when that drops the constant without adding terms: 1 - σ(z) → σ(-z), and the focal
/// loss's 1 - pₜ, however it is spelled, → y·σ(-z) + (1 - y)·σ(z). Found by collecting the sum in σ(z), not by
/// matching one spelling.</item>
/// <item>In derivatives only: a product with a power whose exponent can be negative (u^(γ-2)) is 0 where the
/// rest of the product is 0. The chain rule makes such products, like γ(γ-1)·u^(γ-2)·u'², whose limit is 0
/// where u underflows to 0 with u'; evaluated as written they are ∞·0 = NaN.</item>
/// </list>
/// </remarks>
internal sealed class StableRewrites
{
    private static readonly Expr Log2 = Const(Math.Log(2));

    private readonly Func<string, (double Lo, double Hi)> _statedRange;
    private readonly bool _guardPoles;
    private readonly string _output;
    private readonly List<RewriteNote> _notes;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<Expr, Expr> _memo = new();
    private readonly HashSet<Expr> _final; // nodes a rewrite kept on purpose (a guard's product, a fallback's log)

    private StableRewrites(Func<string, (double Lo, double Hi)> statedRange, bool guardPoles, string output, List<RewriteNote> notes, HashSet<Expr> final, CancellationToken cancellationToken)
    {
        _final = final;
        _statedRange = statedRange;
        _guardPoles = guardPoles;
        _output = output;
        _notes = notes;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The stable form of <paramref name="expr"/>; each rule applied is added to <paramref name="notes"/>.</summary>
    /// <param name="statedRange">The range a symbol states ([Domain], [Wrt], [Hyper] Min and Max), or (-∞, ∞).</param>
    /// <param name="output">"loss", or the derivative being rewritten (for the notes).</param>
    /// <param name="guardPoles">
    /// Whether products with a pole get the 0·∞ guard: only for an output as computed, never for an expression that is
    /// differentiated further (the guard's condition is piecewise constant to the differentiator, so the derivative
    /// of a guarded product would be 0 wherever the guard's rest is, even where the derivative is not).
    /// </param>
    /// <param name="final">
    /// Nodes kept on purpose (a guard's own product, the log a conditional rewrite falls back to), shared by the
    /// passes over a loss and its derivatives so a derivative does not rewrite them again; null for a fresh set.
    /// </param>
    public static Expr Apply(Expr expr, Func<string, (double Lo, double Hi)> statedRange, string output, bool guardPoles, List<RewriteNote> notes,
        HashSet<Expr>? final = null, CancellationToken cancellationToken = default) =>
        new StableRewrites(statedRange, guardPoles, output, notes, final ?? new HashSet<Expr>(), cancellationToken).Visit(expr);

    private Expr Visit(Expr node)
    {
        if (_memo.TryGetValue(node, out Expr? done)) return done;
        if (_final.Contains(node)) return node;
        _cancellationToken.ThrowIfCancellationRequested();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        Expr rebuilt = node.Children.IsEmpty ? node : Rebuild(node, ImmutableArray.CreateRange(node.Children, Visit));
        Expr result = rebuilt;
        if (Rule(rebuilt) is { } stable && !stable.Equals(rebuilt))
        {
            Note(rebuilt, stable);
            result = Visit(stable); // the stable form's own children may now match (log(1 + eˣ - 1) → log eˣ → x)
        }
        _memo[node] = result;
        if (!_memo.ContainsKey(result)) _memo[result] = result; // a result is in stable form: visiting it again changes nothing
        return result;
    }

    private void Note(Expr before, Expr after)
    {
        var note = new RewriteNote(_output, ExprPrinter.Print(before, 160), ExprPrinter.Print(after, 160));
        if (!_notes.Contains(note)) _notes.Add(note);
    }

    private Expr? Rule(Expr node) => node switch
    {
        Call { Function: Function.Log } log when !_final.Contains(log) => LogRule(log.Arguments[0]) ?? LogOfWeightedSigmoids(log),
        Call { Function: Function.Exp } exp when exp.Arguments[0] is Call { Function: Function.Log } inner && StatedNonNegative(inner.Arguments[0]) => inner.Arguments[0],
        Call { Function: Function.Sqrt } sqrt when sqrt.Arguments[0] is Power { Exponent: Constant { Value: 2 } } square => Call(Function.Abs, square.Base),
        Power { Exponent: Constant { Value: 0.5 }, Base: Power { Exponent: Constant { Value: 2 } } square } => Call(Function.Abs, square.Base),
        Power { Exponent: Constant { Value: -1 }, Base: Sum sum } when OnePlusExp(sum) is { } y => Call(Function.Sigmoid, Neg(y)),
        Sum sum => Expm1Rule(sum) ?? SigmoidRule(sum),
        Product product => ExpTimesSigmoid(product) ?? (_guardPoles ? ZeroTimesPole(product) : null),
        _ => null,
    };

    private Expr? LogRule(Expr argument)
    {
        switch (argument)
        {
            case Call { Function: Function.Exp } exp:
                return exp.Arguments[0];
            case Call { Function: Function.Sigmoid } sigmoid:
                return Call(Function.LogSigmoid, sigmoid.Arguments[0]);
            case Product { Factors.Length: 2 } product when product.Factors[0] is Constant { Value: > 0 } c && product.Factors[1] is Sum sum && LogSumExp(sum) is { } scaled:
                return Add(Const(Math.Log(c.Value)), scaled); // log((eʳ + e⁻ʳ)/2) = log ½ + log 2 + logcosh r
            case Sum sum when LogSumExp(sum) is { } lse:
                return lse;
            case Sum { Terms: var terms } when terms[terms.Length - 1] is Constant { Value: 1 }:
                return Call(Function.Log1p, Add(terms.RemoveAt(terms.Length - 1)));
            default:
                return null;
        }
    }

    /// <summary>
    /// log Σ cᵢ·σ(zᵢ) → log-sum-exp of log cᵢ + logsigmoid(zᵢ): finite where a σ underflows (the focal loss's log pₜ with
    /// pₜ = y·σ(x) + (1 - y)·σ(-x), at y = 1 and x = -1e4). Exact only for cᵢ ≥ 0: where the stated ranges do not
    /// show that, the stable form is taken where every cᵢ ≥ 0 and the log as written elsewhere.
    /// </summary>
    private Expr? LogOfWeightedSigmoids(Call log)
    {
        if (log.Arguments[0] is not Sum sum) return null;
        var weights = new List<Expr>();
        var exponents = new List<Expr>();
        foreach (Expr term in sum.Terms)
        {
            var factors = term is Product p ? p.Factors : ImmutableArray.Create(term);
            int sigmoid = -1;
            for (int f = 0; f < factors.Length && sigmoid < 0; f++)
            {
                if (factors[f] is Call { Function: Function.Sigmoid }) sigmoid = f;
            }
            if (sigmoid < 0) return null;
            Expr weight = Mul(factors.RemoveAt(sigmoid));
            if (weight.Contains(e => e is Call { Function: Function.Sigmoid })) return null;
            weights.Add(weight);
            exponents.Add(Add(Call(Function.Log, weight), Call(Function.LogSigmoid, ((Call)factors[sigmoid]).Arguments[0])));
        }
        Expr stable = PairwiseLogSumExp(exponents);
        var unknown = weights.Where(w => Bounds(w).Lo < 0).ToList();
        if (unknown.Count == 0) return stable;
        _final.Add(log);
        Expr nonNegative = unknown.Select(w => Compare(CompareOp.GreaterOrEqual, w, Zero)).Aggregate(And);
        return Select(nonNegative, stable, log);
    }

    /// <summary>log Σ cᵢ·e^(aᵢ) over positive constants cᵢ (a constant alone is c·e⁰), or null if the sum is not that.</summary>
    private static Expr? LogSumExp(Sum sum)
    {
        var exponents = new List<Expr>();
        bool anyExp = false;
        foreach (Expr term in sum.Terms)
        {
            (double c, Expr rest) = SplitCoefficient(term);
            if (term is Constant { Value: > 0 } k) exponents.Add(Const(Math.Log(k.Value)));
            else if (c > 0 && rest is Call { Function: Function.Exp } exp)
            {
                exponents.Add(Add(exp.Arguments[0], Const(Math.Log(c))));
                anyExp = true;
            }
            else return null;
        }
        if (!anyExp) return null;
        if (exponents.Count == 2 && IsZero(exponents[1])) return Call(Function.Softplus, exponents[0]); // log(1 + eˣ)
        if (exponents.Count == 2 && IsZero(Add(exponents[0], exponents[1]))) return Add(Call(Function.LogCosh, exponents[0]), Log2);
        return PairwiseLogSumExp(exponents);
    }

    // Pairwise, each step exact: log(eᵃ + eᵇ) = a + softplus(b - a) with the larger of a, b as a, so the softplus is of
    // a non-positive number and the sum never cancels; an ∞ difference adds 0. Both branches are exact, smooth forms,
    // so their derivatives are the true ones everywhere (max(a, b) + softplus(-|a - b|) would lose the curvature at
    // a = b, where max and |·| take subgradients: a Hessian of 0 instead of ¼).
    private static Expr PairwiseLogSumExp(List<Expr> exponents) =>
        exponents.Skip(1).Aggregate(exponents[0], (a, b) =>
        {
            Expr difference = Sub(a, b);
            return Select(Compare(CompareOp.GreaterOrEqual, difference, Zero),
                Add(a, Call(Function.Softplus, Neg(difference))), Add(b, Call(Function.Softplus, difference)));
        });

    private static Expr? OnePlusExp(Sum sum) =>
        sum.Terms.Length == 2 && sum.Terms[0] is Call { Function: Function.Exp } exp && IsConstant(sum.Terms[1], 1) ? exp.Arguments[0] : null;

    // k·eˣ - k → k·expm1(x), for the first exponential whose coefficient the constant cancels.
    private static Expr? Expm1Rule(Sum sum)
    {
        if (sum.Terms[sum.Terms.Length - 1] is not Constant constant) return null;
        for (int i = 0; i < sum.Terms.Length - 1; i++)
        {
            (double k, Expr rest) = SplitCoefficient(sum.Terms[i]);
            if (rest is Call { Function: Function.Exp } exp && k == -constant.Value)
            {
                var others = sum.Terms.RemoveAt(sum.Terms.Length - 1).RemoveAt(i);
                return Add(others.Add(Mul(Const(k), Call(Function.Expm1, exp.Arguments[0]))));
            }
        }
        return null;
    }

    // eˣ·σ(-x) → σ(x): what 1/(1 + e⁻ˣ)'s rewrite leaves of eˣ/(1 + eˣ), ∞·0 at x > 88.
    private static Expr? ExpTimesSigmoid(Product product)
    {
        for (int i = 0; i < product.Factors.Length; i++)
        {
            if (product.Factors[i] is not Call { Function: Function.Exp } exp) continue;
            Expr negated = Call(Function.Sigmoid, Neg(exp.Arguments[0]));
            int j = product.Factors.IndexOf(negated);
            if (j < 0) continue;
            var rest = product.Factors.RemoveAt(Math.Max(i, j)).RemoveAt(Math.Min(i, j));
            return Mul(rest.Add(Call(Function.Sigmoid, exp.Arguments[0])));
        }
        return null;
    }

    /// <summary>
    /// a + b·σ(z) → a·σ(-z) + (a + b)·σ(z), for the first σ argument where that drops the sum's constant term without
    /// adding terms (1 - σ(z), 1 - pₜ: a constant cancelling a σ near 1), has fewer terms (y + σ - 2yσ, pₜ expanded),
    /// or where the sum is just b·σ(z) + a (the gradient σ(x) - y: 0 in float at x = 20, y = 1, where
    /// (1 - y)·σ(x) - y·σ(-x) keeps -2e-9). Not where a holds a select (a kink's branches: nothing cancels there).
    /// </summary>
    private static Expr? SigmoidRule(Sum sum)
    {
        int before = sum.Terms.Length;
        bool constant = sum.Terms[before - 1] is Constant;
        bool oneFreeTerm = sum.Terms.Count(term => !term.Contains(e => e is Call { Function: Function.Sigmoid })) == 1;
        foreach (Expr z in SigmoidArguments(sum))
        {
            if (!Affine(sum, z, out Expr a, out Expr b) || IsZero(b)) continue;
            Expr collected = Add(Mul(a, Call(Function.Sigmoid, Neg(z))), Mul(Add(a, b), Call(Function.Sigmoid, z)));
            int after = collected is Sum s ? s.Terms.Length : 1;
            bool keepsConstant = collected is Constant || (collected is Sum { Terms: var t } && t[t.Length - 1] is Constant);
            bool fewer = !a.Contains(e => e is Model.Select) && (after < before || (before == 2 && after == 2 && oneFreeTerm));
            if (constant ? after <= before && !keepsConstant : fewer) return collected;
        }
        return null;
    }

    /// <summary>The σ arguments in a sum's terms, sign-normalized (σ(x) and σ(-x) give one x), in order met.</summary>
    private static IEnumerable<Expr> SigmoidArguments(Sum sum)
    {
        var seen = new HashSet<Expr>();
        foreach (Expr term in sum.Terms)
        {
            foreach (Expr factor in term is Product p ? p.Factors : ImmutableArray.Create(term))
            {
                IEnumerable<Expr> nested = factor is Sum inner ? inner.Terms.SelectMany(t => t is Product q ? q.Factors : ImmutableArray.Create(t)) : new[] { factor };
                foreach (Expr candidate in nested)
                {
                    if (candidate is not Call { Function: Function.Sigmoid } sigmoid) continue;
                    Expr z = SplitCoefficient(sigmoid.Arguments[0]).Coefficient < 0 ? Neg(sigmoid.Arguments[0]) : sigmoid.Arguments[0];
                    if (seen.Add(z)) yield return z;
                }
            }
        }
    }

    /// <summary>Writes <paramref name="expr"/> as a + b·σ(z) with a and b free of σ(±z), through sums and products.</summary>
    private static bool Affine(Expr expr, Expr z, out Expr a, out Expr b)
    {
        Expr s = Call(Function.Sigmoid, z), complement = Call(Function.Sigmoid, Neg(z));
        (a, b) = (Zero, Zero);
        if (expr.Equals(s)) (a, b) = (Zero, One);
        else if (expr.Equals(complement)) (a, b) = (One, MinusOne);
        else if (!expr.Contains(e => e.Equals(s) || e.Equals(complement))) a = expr;
        else if (expr is Sum sum)
        {
            var (aTerms, bTerms) = (new List<Expr>(), new List<Expr>());
            foreach (Expr term in sum.Terms)
            {
                if (!Affine(term, z, out Expr ta, out Expr tb)) return false;
                aTerms.Add(ta);
                bTerms.Add(tb);
            }
            (a, b) = (Add(aTerms), Add(bTerms));
        }
        else if (expr is Product product)
        {
            var free = new List<Expr>();
            Expr? dependent = null;
            foreach (Expr factor in product.Factors)
            {
                if (!factor.Contains(e => e.Equals(s) || e.Equals(complement))) free.Add(factor);
                else if (dependent is null) dependent = factor;
                else return false; // σ² and beyond: not affine
            }
            if (!Affine(dependent!, z, out Expr da, out Expr db)) return false;
            Expr scale = Mul(free);
            (a, b) = (Mul(scale, da), Mul(scale, db));
        }
        else return false;
        return true;
    }

    // u^e·rest with e possibly negative (not a constant ≥ 0, nor a negative integer, whose poles are genuine) → 0 where rest is 0.
    private Expr? ZeroTimesPole(Product product)
    {
        static bool IsPole(Expr f) => f is Power { Exponent: var e } && !(e is Constant { Value: var k } && (k >= 0 || Math.Floor(k) == k));
        if (!product.Factors.Any(IsPole)) return null;
        var rest = product.Factors.Where(f => f is not Constant && !IsPole(f)).ToList();
        if (rest.Count == 0) return null;
        _final.Add(product);
        return Select(Compare(CompareOp.Equal, Mul(rest), Zero), Zero, product);
    }

    private bool StatedNonNegative(Expr expr) => Bounds(expr).Lo >= 0;

    private (double Lo, double Hi) Bounds(Expr expr) => IntervalBounds.Of(expr, _statedRange);
}
