using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LossDsl.Analyzers.Hazards;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LossDsl.Analyzers;

/// <summary>
/// Reports numerically unstable log/exp/sqrt/pow/division in [Loss] and [Differentiable] bodies (LD2001–LD2008),
/// including what they inline: a hazard inside an inlined helper that only the arguments cause is reported at
/// the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StabilityAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the <see cref="FixKind"/> a code fix applies.</summary>
    public const string FixProperty = "Fix";

    /// <summary>Diagnostic property: "float" or "double", the method's type (the fix's literals follow it).</summary>
    public const string TypeProperty = "Type";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => StabilityDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // A helper's own findings, so a call site repeats only what its arguments add.
            var helpers = new ConcurrentDictionary<IMethodSymbol, HashSet<(string, TextSpan)>>(SymbolEqualityComparer.Default);
            start.RegisterOperationBlockAction(block => AnalyzeBlock(block, helpers));
        });
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context, ConcurrentDictionary<IMethodSymbol, HashSet<(string, TextSpan)>> helpers)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !BodyTranslator.IsInlinable(method)) return;
        IMethodBodyOperation? body = context.OperationBlocks.Select(MethodBody).FirstOrDefault(b => b is not null);
        if (body is null) return;
        IReadOnlyList<Hazard> hazards = MethodHazards.Analyze(method, body, context.Compilation, context.CancellationToken);
        FloatingType type = method.ReturnType.SpecialType == SpecialType.System_Single ? FloatingType.Single : FloatingType.Double;
        var reported = new HashSet<(string, TextSpan)>();
        // A call whose argument leaves the callee's stated range (LD2010) says why; what that argument then breaks
        // inside the inlined callee would only repeat it.
        var explained = new HashSet<IOperation>(hazards
            .Where(h => h.RuleId == Generator.Diagnostics.DiagnosticIds.ArgumentOutsideStatedRange && h.CallSite is null)
            .Select(h => h.Operation.Parent?.Parent)
            .OfType<IOperation>());
        foreach (Hazard hazard in hazards)
        {
            if (hazard.CallSite is not null && explained.Contains(hazard.CallSite)) continue;
            Diagnostic? diagnostic = hazard.CallSite is null
                ? Direct(hazard, type)
                : AtCallSite(hazard, context.Compilation, helpers, context.CancellationToken);
            if (diagnostic is not null && reported.Add((diagnostic.Id, diagnostic.Location.SourceSpan))) context.ReportDiagnostic(diagnostic);
        }
    }

    private static IMethodBodyOperation? MethodBody(IOperation operation)
    {
        for (IOperation? o = operation; o is not null; o = o.Parent)
        {
            if (o is IMethodBodyOperation body) return body;
        }
        return null;
    }

    private static Diagnostic Direct(Hazard hazard, FloatingType type)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(FixProperty, hazard.Fix.ToString())
            .Add(TypeProperty, type.Keyword());
        return Diagnostic.Create(StabilityDescriptors.ById(hazard.RuleId), hazard.Operation.Syntax.GetLocation(),
            hazard.FixParts.Select(p => p.GetLocation()), properties,
            hazard.Operation.Syntax.ToString(), hazard.Explanation, hazard.Advice);
    }

    // A hazard inside an inlined helper: reported at the call unless the helper, analyzed on its own, has it too.
    private static Diagnostic? AtCallSite(Hazard hazard, Compilation compilation, ConcurrentDictionary<IMethodSymbol, HashSet<(string, TextSpan)>> helpers, CancellationToken cancellationToken)
    {
        SemanticModel? model = hazard.Operation.SemanticModel;
        if (model is null || hazard.Operation.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol helper)
        {
            return null;
        }
        HashSet<(string, TextSpan)> own = helpers.GetOrAdd(helper, h =>
            model.GetOperation(declaration, cancellationToken) is IMethodBodyOperation body
                ? new HashSet<(string, TextSpan)>(MethodHazards.Analyze(h, body, compilation, cancellationToken).Select(x => (x.RuleId, x.Operation.Syntax.Span)))
                : new HashSet<(string, TextSpan)>());
        if (own.Any(o => o.Item2 == hazard.Operation.Syntax.Span)) return null;
        return Diagnostic.Create(StabilityDescriptors.ById(hazard.RuleId), hazard.CallSite!.Syntax.GetLocation(),
            hazard.CallSite.Syntax.ToString(),
            $"inlines '{helper.Name}', where with these arguments '{hazard.Operation.Syntax}' {hazard.Explanation}",
            hazard.Advice);
    }
}
