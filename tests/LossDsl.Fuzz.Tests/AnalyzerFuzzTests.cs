extern alias AnalyzersAssembly;

using System.Collections.Immutable;
using AnalyzersAssembly::LossDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace LossDsl.Fuzz.Tests;

/// <summary>
/// The stability analyzers run on every keystroke too: over random losses (every function, branches, helpers,
/// both types) and over broken mutations of them they must report only LD2xxx and never throw (AD0001).
/// </summary>
public class AnalyzerFuzzTests(ITestOutputHelper output)
{
    private const int PerCompilation = 20;

    static AnalyzerFuzzTests() => MethodHazards.RethrowFailures = true; // users get silence on a failure; the fuzzer wants to see it

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("LOSSDSL_FUZZ_ANALYZER_CASES"), out int n) ? n : 600;

    [Fact]
    public void Random_losses_never_crash_the_analyzers()
    {
        var random = new Random((int)(FuzzTests.Seed % int.MaxValue));
        int warnings = 0;
        for (int batch = 0; batch < Cases / PerCompilation; batch++)
        {
            var sources = Enumerable.Range(0, PerCompilation)
                .Select(i => Compiler.Usings + "namespace Fuzz;\n" + RandomLosses.Build(random.Next(), 24).Render("C" + i))
                .ToList();
            warnings += Analyze(sources).Length;
        }
        output.WriteLine($"analyzers: {Cases} random losses, {warnings} LD2xxx warnings, seed {FuzzTests.Seed}");
    }

    [Fact]
    public void Mutated_losses_never_crash_the_analyzers()
    {
        var random = new Random((int)(FuzzTests.Seed % int.MaxValue) + 1);
        for (int i = 0; i < Cases; i++)
        {
            var mutation = new MutationTests.Mutation(random.Next(), random.Next(), random.Next(), random.Next());
            Analyze([MutationTests.Apply(mutation)]);
        }
    }

    private static ImmutableArray<Diagnostic> Analyze(IReadOnlyList<string> sources)
    {
        var compilation = Compiler.Compilation(sources).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StabilityAnalyzer()));
        ImmutableArray<Diagnostic> diagnostics = compilation.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var bad = diagnostics.Where(d => !d.Id.StartsWith("LD2", StringComparison.Ordinal)).ToList();
        if (bad.Count > 0) throw new FuzzFailure("the analyzers reported " + string.Join("; ", bad), string.Join("\n", sources));
        return diagnostics;
    }
}
