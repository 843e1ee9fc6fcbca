using System.Text;
using LossDsl.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace LossDsl.Generator.Tests.Infrastructure;

/// <summary>
/// The generator under Microsoft.CodeAnalysis.CSharp.SourceGenerators.Testing. Sources are markup:
/// <c>{|LD1003:int|}</c> expects that diagnostic on exactly that text, and every diagnostic — the generator's and the
/// compiler's errors in the generated code — must be expected. Generated sources are compared where a test states them.
/// </summary>
internal static class Verify
{
    public sealed class Test : CSharpSourceGeneratorTest<LossGenerator, DefaultVerifier>
    {
        public Test()
        {
            TestReferences.UseLossDsl(this);
        }
    }

    /// <summary>An expected diagnostic, to locate with <c>{|#0:…|}</c> markup and <c>WithLocation(0)</c>.</summary>
    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity = DiagnosticSeverity.Error) => new(id, severity);

    /// <summary>Checks the diagnostics of <paramref name="markup"/>; what the generator writes is not compared.</summary>
    public static Task DiagnosticsAsync(string markup, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = markup, TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Checks that <paramref name="source"/> has no diagnostics and that the generator writes exactly <paramref name="generated"/>.</summary>
    public static Task GeneratesAsync(string source, params (string HintName, string Text)[] generated)
    {
        var test = new Test { TestCode = source };
        foreach (var (hintName, text) in generated)
            test.TestState.GeneratedSources.Add((typeof(LossGenerator), hintName, SourceText.From(text, Encoding.UTF8)));
        return test.RunAsync();
    }
}
