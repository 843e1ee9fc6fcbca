using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossDsl.Analyzers;

/// <summary>
/// LD2009: a stated range the stability analysis cannot use — Min above Max or a NaN bound (the analysis would
/// assume an empty range and fall silent), or a hyperparameter whose default lies outside its own range.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StatedRangeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(StabilityDescriptors.ContradictoryRange);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(Analyze, SymbolKind.Method);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        if (context.Symbol is not IMethodSymbol method || !BodyTranslator.IsInlinable(method)) return;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            var bounds = StatedRanges.Bounds(parameter).ToList();
            if (bounds.Count == 0) continue;
            Location location = bounds[0].Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                ?? parameter.Locations.FirstOrDefault() ?? Location.None;
            var (min, max) = StatedRanges.Of(parameter)!.Value;
            string? problem =
                bounds.Any(b => double.IsNaN(b.Value)) ? "has a NaN bound" :
                min > max ? $"is empty: Min = {RangeText.Number(min)} is above Max = {RangeText.Number(max)}" :
                parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is System.IConvertible d
                    && d.ToDouble(CultureInfo.InvariantCulture) is var value && (value < min || value > max)
                    ? $"{RangeText.Bounds(min, max)} does not hold its own default {RangeText.Number(value)}"
                    : null;
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(StabilityDescriptors.ContradictoryRange, location, parameter.Name, problem));
            }
        }
    }
}
