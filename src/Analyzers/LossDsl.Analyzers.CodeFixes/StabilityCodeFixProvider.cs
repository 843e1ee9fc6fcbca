using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LossDsl.Analyzers.Hazards;
using LossDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossDsl.Analyzers.CodeFixes;

/// <summary>
/// Rewrites an unstable form into its stable equivalent (LogSigmoid, Softplus, Sigmoid, a max-shifted
/// log-sum-exp, Log1p, Expm1, Abs) or, where none exists, clamps the argument with a bound that fits the type.
/// The analyzer decides which (<see cref="StabilityAnalyzer.FixProperty"/>) and points at the pieces to keep.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StabilityCodeFixProvider)), Shared]
public sealed class StabilityCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.LogOfNonPositive, DiagnosticIds.ExpOverflow, DiagnosticIds.PreferLog1p, DiagnosticIds.PreferExpm1,
        DiagnosticIds.GradientSingularity);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(StabilityAnalyzer.FixProperty, out string? name)
                || !Enum.TryParse(name, out FixKind fix) || fix == FixKind.None)
            {
                continue;
            }
            context.RegisterCodeFix(
                CodeAction.Create(Title(fix), ct => ApplyAsync(context.Document, diagnostic, fix, ct), equivalenceKey: fix.ToString()),
                diagnostic);
        }
    }

    private static string Title(FixKind fix) => fix switch
    {
        FixKind.LogSigmoid or FixKind.LogSigmoidNegated => "Use LogSigmoid",
        FixKind.ClampLogArgument or FixKind.ClampLog1pArgument => "Clamp the log's argument",
        FixKind.Softplus => "Use Softplus",
        FixKind.LogSumExp => "Shift the log-sum-exp by its maximum",
        FixKind.LogSumExpRow => "Use LogSumExp",
        FixKind.Sigmoid or FixKind.SigmoidNegated => "Use Sigmoid",
        FixKind.ClampExpArgument => "Clamp the exponent",
        FixKind.Log1p => "Use Log1p",
        FixKind.Expm1 or FixKind.Expm1Negated => "Use Expm1",
        _ => "Use Abs",
    };

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, FixKind fix, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return document;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax target) return document;
        ExpressionSyntax[] parts = diagnostic.AdditionalLocations
            .Select(l => root.FindNode(l.SourceSpan, getInnermostNodeForTie: true))
            .OfType<ExpressionSyntax>()
            .ToArray();
        if (parts.Length != diagnostic.AdditionalLocations.Count || parts.Length == 0) return document;
        diagnostic.Properties.TryGetValue(StabilityAnalyzer.TypeProperty, out string? type);
        var rewrite = new FixText(LossMathPrefix(model, target.SpanStart), FixLiterals.FromKeyword(type));

        // The clamps rewrite only the argument; the rest replace the whole expression.
        (SyntaxNode replaced, string text) = fix switch
        {
            FixKind.ClampLogArgument => (parts[0], rewrite.Clamp("Max", parts[0], rewrite.Epsilon)),
            FixKind.ClampLog1pArgument => (parts[0], rewrite.Clamp("Max", parts[0], rewrite.Log1pFloor)),
            FixKind.ClampExpArgument => (parts[0], rewrite.Clamp("Min", parts[0], rewrite.ExpCeiling)),
            FixKind.LogSumExp => (target, rewrite.LogSumExp(parts[0], parts[1], NeedsParentheses(target))),
            _ => (target, rewrite.Call(fix, parts[0])),
        };
        ExpressionSyntax replacement = SyntaxFactory.ParseExpression(text).WithTriviaFrom(replaced);
        return document.WithSyntaxRoot(root.ReplaceNode(replaced, replacement));
    }

    // A sum replacing a call inside a product or a unary minus must keep its own parentheses.
    private static bool NeedsParentheses(ExpressionSyntax target) =>
        target.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or ParenthesizedExpressionSyntax);

    /// <summary>How to name LossMath's functions at a position: bare under <c>using static LossDsl.LossMath</c>, else qualified.</summary>
    private static string LossMathPrefix(SemanticModel model, int position)
    {
        bool Bare(string name)
        {
            var found = model.LookupSymbols(position, name: name);
            return !found.IsEmpty && found.All(s => s.ContainingType?.ToDisplayString() == "LossDsl.LossMath");
        }
        if (Bare("LogSigmoid") && Bare("Max")) return "";
        return model.LookupNamespacesAndTypes(position, name: "LossMath").Any(s => s.ToDisplayString() == "LossDsl.LossMath")
            ? "LossMath."
            : "global::LossDsl.LossMath.";
    }
}
