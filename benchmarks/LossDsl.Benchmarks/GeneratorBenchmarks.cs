using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using LossDsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossDsl.Benchmarks;

/// <summary>Compile-time cost: the generator over many losses, and over compositions nested 1…8 deep.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _hundred = null!;
    private CSharpCompilation _nested = null!;

    [Params(1, 2, 4, 8)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hundred = Compile(HundredLosses());
        _nested = Compile(NestedLoss(Depth));
    }

    /// <summary>A full generator run (parse, differentiate, CSE, emit) over 100 losses.</summary>
    /// <remarks>The accuracy certificates are cached process-wide by loss, as in an IDE or a build server: measured once.</remarks>
    [Benchmark]
    public int HundredLosses_Run() => Run(_hundred).GeneratedTrees.Length;

    [IterationSetup(Target = nameof(HundredLosses_Run_Cold))]
    public void ForgetCertificates() => LossDsl.Generator.Accuracy.Certificate.ClearCache();

    /// <summary>The same run as a first build: every certificate measured (2048 points per loss).</summary>
    [Benchmark]
    public int HundredLosses_Run_Cold() => Run(_hundred).GeneratedTrees.Length;

    /// <summary>One composition nested <see cref="Depth"/> deep.</summary>
    [Benchmark]
    public int NestedComposition_Run() => Run(_nested).GeneratedTrees.Length;

    public static GeneratorDriverRunResult Run(Compilation compilation) =>
        CSharpGeneratorDriver.Create(new LossGenerator()).RunGenerators(compilation).GetRunResult();

    public static CSharpCompilation Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(LossAttribute).Assembly.Location));
        return CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>100 losses: the catalogue's shapes with different constants.</summary>
    public static string HundredLosses()
    {
        string[] shapes =
        {
            "Square(p - t) * {0}f",
            "Abs(p - t) < {0}f ? 0.5f * Square(p - t) : {0}f * (Abs(p - t) - 0.5f * {0}f)",
            "(1 - t) * p + (1 + {0}f * t) * Softplus(-p)",
            "(0.25f * t + 0.75f * (1 - t)) * Pow(1 - (Sigmoid(p) * t + (1 - Sigmoid(p)) * (1 - t)), {0}f + 1.5f) * (Softplus(p) - p * t)",
            "LogCosh(p - t) + {0}f * Max(p - t, 0f)",
        };
        var source = new StringBuilder("using LossDsl; using static LossDsl.LossMath; public static partial class Many {\n");
        for (int i = 0; i < 100; i++)
        {
            string body = string.Format(System.Globalization.CultureInfo.InvariantCulture, shapes[i % shapes.Length], 0.5 + i / 100.0);
            source.Append($"[Loss] public static float L{i}(float p, float t) => {body};\n");
        }
        return source.Append('}').ToString();
    }

    /// <summary>L0 = softplus(p) - p·t; Lk = 0.7·L(k-1) + 0.3·softplus(L(k-1)), each level calling the previous twice.</summary>
    public static string NestedLoss(int depth)
    {
        var source = new StringBuilder("using LossDsl; using static LossDsl.LossMath; public static partial class Nested {\n");
        source.Append("[Differentiable] public static float L0(float p, float t) => Softplus(p) - p * t;\n");
        for (int k = 1; k <= depth; k++)
        {
            source.Append($"[Differentiable] public static float L{k}(float p, float t) => 0.7f * L{k - 1}(p, t) + 0.3f * Softplus(L{k - 1}(p, t));\n");
        }
        source.Append($"[Loss] public static float Top(float p, float t) => L{depth}(p, t);\n");
        return source.Append('}').ToString();
    }

    /// <summary>Characters of emitted source per nesting depth: printed by 'dotnet run -- codesize'.</summary>
    public static void PrintCodeSize()
    {
        Console.WriteLine("depth | emitted characters | temporaries in ForwardBackward");
        for (int depth = 1; depth <= 8; depth++)
        {
            string text = Run(Compile(NestedLoss(depth))).GeneratedTrees.Single().ToString();
            int temps = text.Split('\n').SkipWhile(l => !l.Contains("ForwardBackwardCore<V, TVec>")).TakeWhile(l => !l.Contains("return total")).Count(l => l.TrimStart().StartsWith("TVec t", StringComparison.Ordinal));
            Console.WriteLine($"{depth,5} | {text.Length,18:N0} | {temps,6}");
        }
    }
}
