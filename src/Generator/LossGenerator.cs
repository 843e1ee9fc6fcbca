using System.Collections.Immutable;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Differentiation;
using LossDsl.Generator.Emission;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LossDsl.Generator;

/// <summary>
/// The pipeline only: [Loss] methods → parsed specs (diagnostics reported on their own) → differentiated,
/// simplified, CSE'd kernels (cached) → one source file per loss.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LossGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<Result<LossMethodSpec?>> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                LossParser.LossAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => LossParser.Parse(ctx, ct))
            .WithTrackingName(StepNames.Parse);

        context.RegisterSourceOutput(parsed.SelectMany(static (r, _) => r.Diagnostics.AsImmutableArray()),
            static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValuesProvider<KernelSpec> kernels = parsed
            .Select(static (r, _) => r.Value)
            .Where(static spec => spec is not null)
            .SelectMany(static (spec, _) => spec!.Precisions())
            .WithTrackingName(StepNames.Spec)
            .Select(static (spec, ct) => LossCompiler.Compile(spec, ct))
            .WithTrackingName(StepNames.Compile);

        context.RegisterSourceOutput(kernels, static (spc, kernel) => Emit(spc, kernel));
    }

    private static void Emit(SourceProductionContext context, KernelSpec kernel)
    {
        if (kernel.Failure is null)
        {
            try
            {
                context.AddSource(kernel.Method.HintName, SourceText.From(LossEmitter.Emit(kernel), System.Text.Encoding.UTF8));
                return;
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                kernel = kernel with { Failure = e.GetType().Name + ": " + e.Message };
            }
        }
        SourceSpan at = kernel.Method.Location;
        var location = Location.Create(at.FilePath, new TextSpan(at.Start, at.Length),
            new LinePositionSpan(new LinePosition(at.StartLine, at.StartCharacter), new LinePosition(at.EndLine, at.EndCharacter)));
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, location, kernel.Method.MethodName, kernel.Failure));
    }
}
