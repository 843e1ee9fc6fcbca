using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LossDsl.Analyzers.Hazards;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Parsing;
using LossDsl.Generator.Simplification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossDsl.Analyzers;

/// <summary>The stability findings of one [Loss] or [Differentiable] method, through the generator's translation.</summary>
internal static class MethodHazards
{
    /// <summary>Tests only: let a failure of the analysis surface (as AD0001) instead of yielding no findings.</summary>
    internal static bool RethrowFailures { get; set; }

    /// <summary>
    /// Translates the body with an <see cref="OperationRanges"/> observer and returns what the rules found.
    /// Code the generator rejects (it reports LD1xxx) or that does not compile yet yields nothing; so does a failure
    /// of the analysis itself, unless <see cref="RethrowFailures"/> (the fuzz tests turn it on to find them).
    /// </summary>
    public static IReadOnlyList<Hazard> Analyze(IMethodSymbol method, IMethodBodyOperation body, Compilation compilation, CancellationToken cancellationToken)
    {
        if (body.Syntax is not MethodDeclarationSyntax declaration) return Array.Empty<Hazard>();
        bool isLoss = LossParser.LossAttribute(method) is not null;
        bool rowLoss = isLoss && SignatureValidator.IsRowLoss(method);
        if (rowLoss ? SignatureValidator.Check(method, declaration).Count > 0 : SignatureValidator.FirstProblem(method) is not null) return Array.Empty<Hazard>();
        FloatingType type = method.ReturnType.SpecialType == SpecialType.System_Single ? FloatingType.Single : FloatingType.Double;
        var parameters = LossParser.Parameters(method);
        RowTranslation? rows = rowLoss ? new RowTranslation(method, parameters) : null;
        var ranges = rows is null
            ? new OperationRanges(type, RangeAnalysis.Lookup(ParameterRanges.Of(method, type)), ParameterRanges.Differentiated(method, isLoss).Contains)
            : new OperationRanges(type, new RowRanges(ParameterRanges.Of(method, type), rows, parameters, type).Of, ParameterRanges.DifferentiatedInRows(parameters, rows));
        try
        {
            new BodyTranslator(compilation, cancellationToken, ranges, rows)
                .TranslateBody(method, declaration, body, method.Parameters.Select(p => (p, Ex.Sym(p.Name))));
        }
        catch (Exception e) when (e is not OperationCanceledException && (!RethrowFailures || e is UnsupportedCodeException or BrokenCodeException))
        {
            // Code the generator rejects (it reports LD1xxx), half-typed code, or a bug here: no warning is better
            // than an AD0001 that breaks a build with warnings as errors.
            return Array.Empty<Hazard>();
        }
        return ranges.Finish();
    }
}
