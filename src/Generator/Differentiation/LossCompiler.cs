using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Accuracy;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;

namespace LossDsl.Generator.Differentiation;

/// <summary>
/// The expensive, cached pipeline step: first and second derivative for every [Wrt] input, simplified
/// by construction, then CSE across the loss and all derivatives together.
/// </summary>
internal static class LossCompiler
{
    /// <summary>Formulas longer than this are cut in XML docs (the kernel code itself is always complete).</summary>
    public const int MaxFormulaLength = 2000;

    public static KernelSpec Compile(LossMethodSpec method, CancellationToken cancellationToken)
    {
        string serialized = ExprSerializer.Serialize(method.Body);
        try
        {
            if (method.IsRowLoss)
            {
                var rowNotes = new List<RewriteNote>();
                LossMethodSpec rowLoss = method.Rewrite ? RowRewrites.Apply(method, StatedRange(method), rowNotes, cancellationToken) : method;
                RowKernelSpec rows = RowLossCompiler.Compile(rowLoss, cancellationToken);
                return new KernelSpec(rowLoss, null, EquatableArray<Specialization>.Empty, rows.Derivatives, rows.LossText, serialized, null, rows)
                {
                    Rewrites = rowNotes.Select(n => n.ToString()).ToEquatableArray(),
                };
            }
            List<RewriteNote>? notes = method.Rewrite ? new List<RewriteNote>() : null;
            ImmutableArray<Expr> outputs = LossAndDerivatives(method, method.Body, notes, cancellationToken);
            var texts = method.Parameters.Where(p => p.IsWrt).Select((wrt, w) => new DerivativeText(wrt.Name,
                ExprPrinter.Print(outputs[KernelSpec.GradientOutput(w)], MaxFormulaLength),
                ExprPrinter.Print(outputs[KernelSpec.HessianOutput(w)], MaxFormulaLength)));
            KernelProgram program = Program(method, outputs, cancellationToken);
            List<Specialization> specializations = Specializations(method, notes, cancellationToken);
            // The certificate's reference is the stable form even when the kernels keep the method as written
            // (derived only when the certificate is not cached).
            ImmutableArray<Expr> Stable() => notes is null ? LossAndDerivatives(method, method.Body, new List<RewriteNote>(), cancellationToken) : outputs;
            // The programs that may run at the default hyperparameters, where the certificate samples.
            var kernels = new[] { program }.Concat(specializations.Where(s => s.IsDefault).Select(s => s.Program)).ToList();
            return new KernelSpec(method, program, specializations.ToEquatableArray(), texts.ToEquatableArray(), ExprPrinter.Print(outputs[0], MaxFormulaLength), serialized, null)
            {
                Rewrites = (notes ?? new List<RewriteNote>()).Select(n => n.ToString()).ToEquatableArray(),
                Accuracy = Certificate.Measure(method, serialized, Stable, kernels, cancellationToken),
            };
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return new KernelSpec(method, null, EquatableArray<Specialization>.Empty, EquatableArray<DerivativeText>.Empty, "", serialized, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>
    /// The loss, then for each [Wrt] input its gradient and Hessian: in their stable forms (the loss before it is
    /// differentiated, each derivative after) unless the method opts out, the rewrites made added to <paramref name="notes"/>.
    /// </summary>
    internal static ImmutableArray<Expr> LossAndDerivatives(LossMethodSpec method, Expr loss, List<RewriteNote>? notes, CancellationToken cancellationToken)
    {
        var kept = new HashSet<Expr>();
        Expr Stable(Expr expr, string output, bool computed) =>
            notes is null ? expr : StableRewrites.Apply(expr, StatedRange(method), output, computed, notes, kept, cancellationToken);

        var outputs = ImmutableArray.CreateBuilder<Expr>();
        loss = Stable(loss, "loss", computed: false);
        outputs.Add(loss);
        foreach (ParameterSpec wrt in method.Parameters.Where(p => p.IsWrt))
        {
            // The Hessian differentiates the gradient as derived from the stable loss, not the rewritten gradient: a 0·∞
            // guard's condition would be piecewise constant to the differentiator, and a gradient collected in σ would
            // differentiate into an expanded difference where the derived Hessian is one compact product.
            Expr gradient = Differentiator.Derive(loss, wrt.Name, cancellationToken);
            outputs.Add(Stable(gradient, $"∂loss/∂{wrt.Name}", computed: true));
            outputs.Add(Stable(Differentiator.Derive(gradient, wrt.Name, cancellationToken), $"∂²loss/∂{wrt.Name}²", computed: true));
        }
        return outputs.ToImmutable();
    }

    /// <summary>The range each parameter states, (-∞, ∞) where it states none.</summary>
    internal static Func<string, (double Lo, double Hi)> StatedRange(LossMethodSpec method) =>
        name => method.Parameters.FirstOrDefault(p => p.Name == name)?.Range is var (lo, hi) ? (lo, hi) : (double.NegativeInfinity, double.PositiveInfinity);

    private static KernelProgram Program(LossMethodSpec method, ImmutableArray<Expr> outputs, CancellationToken cancellationToken)
    {
        var inputs = new HashSet<string>(method.Parameters.Where(p => p.Role == ParameterRole.Input).Select(p => p.Name));
        return CommonSubexpressions.Eliminate(Lowering.Apply(outputs, StatedRange(method)), inputs, cancellationToken);
    }

    /// <summary>Exact small integer powers: the values 0…<see cref="LargestSpecializedExponent"/> an exponent hyperparameter gets its own kernels for.</summary>
    internal const int LargestSpecializedExponent = 4;

    // Programs for hyperparameter values known ahead, wherever those values turn every power over the hyperparameter
    // into a product or a square root (x^γ, x^(γ-1), x^(1/γ)…): the defaults, and where one hyperparameter is an
    // exponent, each integer 0…4 its range allows — x^γ then is exact, and a derivative's γ·x^(γ-1) at γ = 0 or 1 has
    // no 0·∞. A value that leaves exp(y·log x) somewhere would only add code.
    private static List<Specialization> Specializations(LossMethodSpec method, List<RewriteNote>? notes, CancellationToken cancellationToken)
    {
        var exponents = method.Parameters
            .Where(p => p.Role == ParameterRole.Hyper && method.Body.Contains(e => e is Power power && power.Exponent.ContainsSymbol(p.Name)))
            .ToList();
        var specializations = new List<Specialization>();
        var atDefaults = exponents
            .Where(p => p.DefaultValue is { } d && PowersBecomeShortcuts(method.Body, p.Name, d))
            .Select(p => new SpecializedHyper(p.Name, p.DefaultValue!.Value))
            .ToList();
        if (atDefaults.Count > 0) specializations.Add(Specialize(method, atDefaults, isDefault: true, notes, cancellationToken));
        if (exponents.Count == 1)
        {
            ParameterSpec exponent = exponents[0];
            (double lo, double hi) = StatedRange(method)(exponent.Name);
            for (int k = 0; k <= LargestSpecializedExponent; k++)
            {
                if (k < lo || k > hi || exponent.DefaultValue == k || !PowersBecomeShortcuts(method.Body, exponent.Name, k)) continue;
                // Their rewrites are the default program's, for other values: not listed again.
                var scratch = notes is null ? null : new List<RewriteNote>();
                specializations.Add(Specialize(method, new List<SpecializedHyper> { new(exponent.Name, k) }, isDefault: false, scratch, cancellationToken));
            }
        }
        return specializations;
    }

    // Whether every power whose exponent holds the hyperparameter has a shortcut exponent once it takes this value.
    private static bool PowersBecomeShortcuts(Expr body, string hyper, double value)
    {
        var binding = new Dictionary<string, Expr> { [hyper] = Simplification.Ex.Const(value) };
        return !double.IsNaN(value) && !body.Contains(e => e is Power power && power.Exponent.ContainsSymbol(hyper)
            && !Lowering.HasShortcut(Simplification.Ex.Substitute(power.Exponent, binding)));
    }

    private static Specialization Specialize(LossMethodSpec method, List<SpecializedHyper> hypers, bool isDefault, List<RewriteNote>? notes, CancellationToken cancellationToken)
    {
        Expr body = Simplification.Ex.Substitute(method.Body, hypers.ToDictionary(h => h.Name, h => Simplification.Ex.Const(h.Value)));
        return new Specialization(hypers.ToEquatableArray(), Program(method, LossAndDerivatives(method, body, notes, cancellationToken), cancellationToken), isDefault);
    }
}
