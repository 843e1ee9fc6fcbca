using System.Collections.Immutable;
using LossDsl.Analyzers.CodeFixes;
using LossDsl.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LossDsl.Analyzers.Tests.Infrastructure;

/// <summary>
/// The LD2xxx analyzers and their code fixes under Microsoft.CodeAnalysis.CSharp.CodeFix.Testing. Sources are markup:
/// <c>{|LD2001:Log(p)|}</c> expects that diagnostic on exactly that text, and every diagnostic reported must be expected.
/// The framework also checks, for every test, that a <c>#pragma warning disable</c> at the top of the file silences them,
/// and applies fixes one at a time and as fix-all (document, project, solution).
/// </summary>
internal static class Verify
{
    /// <summary>Every analyzer the package ships: each test sees what a user's build sees.</summary>
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new StabilityAnalyzer(), new StatedRangeAnalyzer(), new AccuracyAnalyzer());

    /// <summary>The ids the analyzers report (LD2001 … LD2011).</summary>
    public static readonly ImmutableArray<string> Ids =
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();

    public sealed class Test : CSharpCodeFixTest<StabilityAnalyzer, StabilityCodeFixProvider, DefaultVerifier>
    {
        public Test()
        {
            TestReferences.UseLossDsl(this);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;

        /// <summary>Verifies only <paramref name="id"/>: the other LD2xxx rules are switched off.</summary>
        public Test Only(string id)
        {
            DisabledDiagnostics.AddRange(Ids.Where(other => other != id));
            return this;
        }
    }

    /// <summary>
    /// An expected diagnostic, to locate with <c>{|#0:…|}</c> markup and <c>WithLocation(0)</c>. The analyzers add the
    /// [Loss] method as an additional location (for the IDE), which the tests do not restate.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id) =>
        new DiagnosticResult(id, DiagnosticSeverity.Warning).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>Checks the diagnostics of <paramref name="markup"/> (all of them, or only <paramref name="only"/>'s).</summary>
    public static Task AnalyzeAsync(string markup, string? only = null, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = markup };
        if (only is not null) test.Only(only);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies every fix to <paramref name="markup"/> and checks the result and what it still reports.</summary>
    public static Task FixAsync(string markup, string fixedMarkup, string? only = null, int? fixAllIterations = null)
    {
        var test = new Test { TestCode = markup, FixedCode = fixedMarkup, NumberOfFixAllIterations = fixAllIterations };
        if (only is not null) test.Only(only);
        return test.RunAsync();
    }

    /// <summary>
    /// The diagnostics the analyzers report for <paramref name="source"/>, in source order, for what markup cannot state:
    /// that a documentation example triggers its rule somewhere, the parts of a message that name a measured point.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> ReportedAsync(string source)
    {
        CSharpCompilation compilation = Compile(source);
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>The text a diagnostic underlines.</summary>
    public static string Underlined(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>An in-memory compilation of <paramref name="source"/> against the runtime (to run the generator over a fixed file).</summary>
    public static CSharpCompilation Compile(string source) => TestCompilations.Compile("AnalyzerTests", [source]);

    /// <summary>Wraps members in a partial class with the DSL's usings.</summary>
    public static string InClass(string members, string usings = "using LossDsl;\nusing static LossDsl.LossMath;\nusing System;") => $$"""
        {{usings}}

        namespace Tests;

        public static partial class L
        {
        {{members}}
        }
        """;
}
