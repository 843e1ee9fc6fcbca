using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using LossDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossDsl.Benchmarks;

/// <summary>
/// What the stability analyzers cost in the IDE and in dotnet build: one file of 200 losses (stable and
/// unstable shapes, locals, branches, inlined helpers), against the compiler's own diagnostics of that file.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [GlobalSetup]
    public void Setup() => _compilation = GeneratorBenchmarks.Compile(TwoHundredLosses());

    /// <summary>Binding and checking the file without analyzers: what every build pays anyway.</summary>
    [Benchmark(Baseline = true)]
    public int Compiler_Diagnostics() => _compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(_compilation.SyntaxTrees.Select(Reparse)).GetDiagnostics().Length;

    /// <summary>The same, plus the LD2xxx analyzers over all 200 bodies.</summary>
    [Benchmark]
    public int Analyzers_Diagnostics()
    {
        CSharpCompilation fresh = _compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(_compilation.SyntaxTrees.Select(Reparse));
        return fresh.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new StabilityAnalyzer(), new StatedRangeAnalyzer(), new AccuracyAnalyzer()))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }

    // A fresh tree each run, so no binding is cached between iterations.
    private static SyntaxTree Reparse(SyntaxTree tree) => CSharpSyntaxTree.ParseText(tree.GetText(), (CSharpParseOptions)tree.Options);

    public static string TwoHundredLosses()
    {
        string[] shapes =
        {
            "Square(p - t) * {0}f",
            "Abs(p - t) < {0}f ? 0.5f * Square(p - t) : {0}f * (Abs(p - t) - 0.5f * {0}f)",
            "(1 - t) * p + (1 + {0}f * t) * Softplus(-p)",
            "-(t * Log(Sigmoid(p)) + (1 - t) * Log(1 - Sigmoid(p))) * {0}f",
            "Log(1 + Exp(p)) - {0}f * p * t",
            "Sqrt(Square(p - t)) + {0}f",
            "Helper(p, t) * {0}f",
            "Pow(1 - (Sigmoid(p) * t + (1 - Sigmoid(p)) * (1 - t)), {0}f + 1.5f) * (Softplus(p) - p * t)",
            "p > 0 ? Log(p) * t : {0}f * p",
            "LogCosh(p - t) + {0}f * Max(p - t, 0f)",
        };
        var source = new StringBuilder("using LossDsl; using static LossDsl.LossMath; public static partial class Many {\n");
        source.Append("[Differentiable] public static float Helper(float p, float t) { float r = p - t; return r < 0 ? Softplus(r) : r * r; }\n");
        for (int i = 0; i < 200; i++)
        {
            string body = string.Format(System.Globalization.CultureInfo.InvariantCulture, shapes[i % shapes.Length], 0.5 + i / 200.0);
            source.Append($"[Loss] public static float L{i}(float p, float t) => {body};\n");
        }
        return source.Append('}').ToString();
    }
}
