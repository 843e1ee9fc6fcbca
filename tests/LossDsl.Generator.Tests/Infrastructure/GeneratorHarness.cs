using System.Collections.Immutable;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossDsl.Generator.Tests.Infrastructure;

/// <summary>Compiles source in memory against the runtime and runs the real generator over it.</summary>
internal static class GeneratorHarness
{
    public static CSharpParseOptions ParseOptions => LossDsl.Testing.TestCompilations.ParseOptions;

    public static CSharpCompilation Compile(params string[] sources) => LossDsl.Testing.TestCompilations.Compile("TestLosses", sources);

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(new[] { new LossGenerator().AsSourceGenerator() }, parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public sealed record Run(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result)
    {
        public ImmutableArray<Diagnostic> CompilerErrors =>
            Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

        public ImmutableArray<Diagnostic> AllDiagnostics => GeneratorDiagnostics.AddRange(Output.GetDiagnostics());
    }

    public static Run RunGenerator(params string[] sources)
    {
        CSharpCompilation compilation = Compile(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new Run(output, diagnostics, driver.GetRunResult());
    }

    /// <summary>Parses every [Loss] method of the sources into specs, as the pipeline's first step does.</summary>
    public static IReadOnlyList<Result<LossMethodSpec?>> Parse(params string[] sources)
    {
        CSharpCompilation compilation = Compile(sources);
        var results = new List<Result<LossMethodSpec?>>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var symbol = model.GetDeclaredSymbol(method)!;
                if (!symbol.GetAttributes().Any(a => a.AttributeClass?.Name == "LossAttribute")) continue;
                results.Add(LossParser.ParseMethod(symbol, method, compilation, CancellationToken.None));
            }
        }
        return results;
    }

    /// <summary>The spec of the single [Loss] method in <paramref name="source"/>; fails on any diagnostic.</summary>
    public static LossMethodSpec ParseOne(string source)
    {
        var result = Assert.Single(Parse(source));
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics.Select(d => d.ToDiagnostic().ToString())));
        return Assert.IsType<LossMethodSpec>(result.Value);
    }

    /// <summary>Wraps a method body in a class with the DSL usings.</summary>
    public static string InClass(string members) => $$"""
        using LossDsl;
        using static LossDsl.LossMath;
        using System;

        namespace Tests;

        public static partial class L
        {
        {{members}}
        }
        """;
}
