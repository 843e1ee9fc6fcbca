using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
                RowKernelSpec rows = RowLossCompiler.Compile(method, cancellationToken);
                return new KernelSpec(method, null, null, rows.Derivatives, rows.LossText, serialized, null, rows);
            }
            ImmutableArray<Expr> outputs = LossAndDerivatives(method, method.Body, cancellationToken);
            var texts = method.Parameters.Where(p => p.IsWrt).Select((wrt, w) => new DerivativeText(wrt.Name,
                ExprPrinter.Print(outputs[KernelSpec.GradientOutput(w)], MaxFormulaLength),
                ExprPrinter.Print(outputs[KernelSpec.HessianOutput(w)], MaxFormulaLength)));
            return new KernelSpec(method, Program(method, outputs, cancellationToken), AtDefaults(method, cancellationToken),
                texts.ToEquatableArray(), ExprPrinter.Print(method.Body, MaxFormulaLength), serialized, null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return new KernelSpec(method, null, null, EquatableArray<DerivativeText>.Empty, "", serialized, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>The loss, then for each [Wrt] input its gradient and Hessian.</summary>
    private static ImmutableArray<Expr> LossAndDerivatives(LossMethodSpec method, Expr loss, CancellationToken cancellationToken)
    {
        var outputs = ImmutableArray.CreateBuilder<Expr>();
        outputs.Add(loss);
        foreach (ParameterSpec wrt in method.Parameters.Where(p => p.IsWrt))
        {
            Expr gradient = Differentiator.Derive(loss, wrt.Name, cancellationToken);
            outputs.Add(gradient);
            outputs.Add(Differentiator.Derive(gradient, wrt.Name, cancellationToken));
        }
        return outputs.ToImmutable();
    }

    private static KernelProgram Program(LossMethodSpec method, ImmutableArray<Expr> outputs, CancellationToken cancellationToken)
    {
        var inputs = new HashSet<string>(method.Parameters.Where(p => p.Role == ParameterRole.Input).Select(p => p.Name));
        return CommonSubexpressions.Eliminate(Lowering.Apply(outputs), inputs, cancellationToken);
    }

    // Hyperparameters in an exponent whose default makes the power a product (an integer up to 4, or ±½).
    private static Specialization? AtDefaults(LossMethodSpec method, CancellationToken cancellationToken)
    {
        var hypers = method.Parameters
            .Where(p => p.Role == ParameterRole.Hyper && p.DefaultValue is { } d && !double.IsNaN(d) && Lowering.HasShortcut(Simplification.Ex.Const(d)))
            .Where(p => method.Body.Contains(e => e is Power power && power.Exponent.ContainsSymbol(p.Name)))
            .Select(p => new SpecializedHyper(p.Name, p.DefaultValue!.Value))
            .ToList();
        if (hypers.Count == 0) return null;
        Expr body = Simplification.Ex.Substitute(method.Body, hypers.ToDictionary(h => h.Name, h => Simplification.Ex.Const(h.Value)));
        return new Specialization(hypers.ToEquatableArray(), Program(method, LossAndDerivatives(method, body, cancellationToken), cancellationToken));
    }
}
