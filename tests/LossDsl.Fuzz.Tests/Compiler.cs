using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using LossDsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossDsl.Fuzz.Tests;

/// <summary>Runs the real generator in memory, and compiles and loads what it produced.</summary>
internal static class Compiler
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public const string Usings = "using System;\nusing LossDsl;\nusing static LossDsl.LossMath;\n";

    public sealed record Result(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, Exception? GeneratorException, ImmutableArray<GeneratedSourceResult> Sources)
    {
        public IEnumerable<Diagnostic> Errors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
    }

    public static CSharpCompilation Compilation(IEnumerable<string> sources) =>
        CSharpCompilation.Create("Fuzz" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Case{i}.cs")),
            LossDsl.Testing.TestCompilations.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));

    public static Result Run(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new LossGenerator().AsSourceGenerator() }, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        return new Result(output, diagnostics, result.Exception, result.GeneratedSources);
    }

    /// <summary>
    /// Runs the generator over valid code and throws (with the source) on a generator exception, a LossDsl
    /// diagnostic other than LD1050, or a compiler error in the output.
    /// </summary>
    public static Result RunChecked(string source)
    {
        var result = Run(Compilation([source]));
        if (result.GeneratorException is not null) throw new FuzzFailure("generator threw " + result.GeneratorException, source);
        var unexpected = result.GeneratorDiagnostics.Where(d => d.Id.StartsWith("LD", StringComparison.Ordinal) && d.Id != "LD1050").ToList();
        if (unexpected.Count > 0) throw new FuzzFailure("diagnostics on valid code: " + string.Join("; ", unexpected), source);
        var errors = result.Errors.ToList();
        if (errors.Count > 0) throw new FuzzFailure("compiler errors: " + string.Join("; ", errors.Take(3)), source);
        return result;
    }

    /// <summary>Emits and loads the output in a collectible context (unloaded with <paramref name="context"/>).</summary>
    public static Assembly Load(Compilation output, out AssemblyLoadContext context)
    {
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success) throw new InvalidOperationException(string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        context = new AssemblyLoadContext("fuzz", isCollectible: true);
        return context.LoadFromStream(stream);
    }
}
