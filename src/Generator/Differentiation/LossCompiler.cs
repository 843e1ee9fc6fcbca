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
            Expr loss = method.Body;
            var outputs = ImmutableArray.CreateBuilder<Expr>();
            outputs.Add(loss);
            var texts = new List<DerivativeText>();
            foreach (ParameterSpec wrt in method.Parameters.Where(p => p.IsWrt))
            {
                Expr gradient = Differentiator.Derive(loss, wrt.Name, cancellationToken);
                Expr hessian = Differentiator.Derive(gradient, wrt.Name, cancellationToken);
                outputs.Add(gradient);
                outputs.Add(hessian);
                texts.Add(new DerivativeText(wrt.Name, ExprPrinter.Print(gradient, MaxFormulaLength), ExprPrinter.Print(hessian, MaxFormulaLength)));
            }
            var inputs = new HashSet<string>(method.Parameters.Where(p => p.Role == ParameterRole.Input).Select(p => p.Name));
            KernelProgram program = CommonSubexpressions.Eliminate(Lowering.Apply(outputs.ToImmutable()), inputs, cancellationToken);
            return new KernelSpec(method, program, texts.ToEquatableArray(), ExprPrinter.Print(loss, MaxFormulaLength), serialized, null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return new KernelSpec(method, null, EquatableArray<DerivativeText>.Empty, "", serialized, e.GetType().Name + ": " + e.Message);
        }
    }
}
