using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Analyzers.Hazards;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LossDsl.Analyzers;

/// <summary>
/// Reports numerically unstable log/exp/sqrt/pow/division in [Loss] and [Differentiable] bodies (LD2001–LD2008),
/// and arguments that leave the range a called loss or helper states (LD2010). Each method is analyzed on its
/// own, with its stated ranges; what it inlines is checked where it is written, and at each call through LD2010.
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
        context.RegisterOperationBlockAction(AnalyzeBlock);
    }

    private static void AnalyzeBlock(OperationBlockAnalysisContext context)
    {
        if (context.OwningSymbol is not IMethodSymbol method || !BodyTranslator.IsInlinable(method)) return;
        IMethodBodyOperation? body = context.OperationBlocks.Select(MethodBody).FirstOrDefault(b => b is not null);
        if (body is null) return;
        FloatingType type = method.ReturnType.SpecialType == SpecialType.System_Single ? FloatingType.Single : FloatingType.Double;
        var reported = new HashSet<(string, TextSpan)>();
        bool repairs = LossParser.RewriteRequested(method); // a [Differentiable] helper is rewritten in the losses that inline it
        foreach (Hazard hazard in MethodHazards.Analyze(method, body, context.Compilation, context.CancellationToken))
        {
            Diagnostic diagnostic = Create(hazard, type, repairs);
            if (reported.Add((diagnostic.Id, diagnostic.Location.SourceSpan))) context.ReportDiagnostic(diagnostic);
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

    private static Diagnostic Create(Hazard hazard, FloatingType type, bool repairs)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(FixProperty, hazard.Fix.ToString())
            .Add(TypeProperty, type.Keyword());
        string advice = repairs && IsRepaired(hazard.Fix) ? hazard.Advice + RepairedNote : hazard.Advice;
        return Diagnostic.Create(StabilityDescriptors.ById(hazard.RuleId), hazard.Operation.Syntax.GetLocation(),
            hazard.FixParts.Select(p => p.GetLocation()), properties,
            hazard.Operation.Syntax.ToString(), hazard.Explanation, advice);
    }

    /// <summary>Appended to the advice of a hazard the generator's stable rewrites repair in the kernels.</summary>
    public const string RepairedNote = " (the generated kernels already compute the stable form, docs/stability.md; the fix makes the source say what runs)";

    /// <summary>The fixes whose stable form the generator's rewrites compute anyway (StableRewrites).</summary>
    internal static bool IsRepaired(FixKind fix) => fix is FixKind.LogSigmoid or FixKind.LogSigmoidNegated or FixKind.Softplus or FixKind.LogSumExp
        or FixKind.Sigmoid or FixKind.SigmoidNegated or FixKind.Log1p or FixKind.Expm1 or FixKind.Expm1Negated or FixKind.Abs;
}
