using System.Collections.Immutable;
using System.Linq;
using LossDsl.Generator.Accuracy;
using LossDsl.Generator.Differentiation;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossDsl.Analyzers;

/// <summary>
/// LD2011, the accuracy certificate: compiles a [Loss] element loss as the generator does and reports each output
/// whose kernel is non-finite or loses more than half its bits where the exact value is finite. Reported here, not by
/// the generator, so it can be suppressed like any warning (#pragma, .editorconfig, SuppressMessage); the generator's
/// certificate cache keeps an unchanged loss from being measured twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AccuracyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(StabilityDescriptors.InaccurateKernel);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(Analyze, SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (LossParser.LossAttribute(method) is null) return;
        if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax syntax) return;
        if (Measure(method, syntax, context.Compilation, context) is not var (spec, accuracy)) return;
        foreach (OutputAccuracy output in accuracy.Where(a => a.IsInaccurate(spec.Type)))
        {
            context.ReportDiagnostic(Diagnostic.Create(StabilityDescriptors.InaccurateKernel, syntax.Identifier.GetLocation(),
                output.Output, method.Name,
                output.NonFinite > 0 ? $"∞ or NaN at {output.NonFinite} of {output.Points} points" : $"off by {output.MaxRelativeError:0.##E+0} relative",
                output.WorstAt,
                spec.Rewrite
                    ? "write it in a stable form (docs/stability.md lists what the generator repairs), or state the inputs' range with [Domain]"
                    : "remove Rewrite = false to let the generator use the stable forms, or fix the spelling the LD2xxx warnings point at"));
        }
    }

    // What the generator compiles; nothing for code it rejects (it reports LD1xxx), row losses (not certified) or a failure here.
    private static (LossMethodSpec Spec, EquatableArray<OutputAccuracy> Accuracy)? Measure(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, SymbolAnalysisContext context)
    {
        try
        {
            var parsed = LossParser.ParseMethod(method, syntax, compilation, context.CancellationToken);
            if (parsed.Value is not { IsRowLoss: false } spec) return null;
            // An unchanged loss (another keystroke elsewhere in the file) is neither differentiated nor measured again.
            if (Certificate.TryCached(spec, ExprSerializer.Serialize(spec.Body), out EquatableArray<OutputAccuracy> accuracy)) return (spec, accuracy);
            KernelSpec kernel = LossCompiler.Compile(spec, context.CancellationToken);
            return kernel.Failure is null ? (spec, kernel.Accuracy) : null;
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException && !MethodHazards.RethrowFailures)
        {
            return null;
        }
    }
}
