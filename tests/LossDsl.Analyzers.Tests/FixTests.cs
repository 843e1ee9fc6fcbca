using LossDsl.Analyzers.Tests.Infrastructure;
using static LossDsl.Analyzers.Tests.Infrastructure.AnalyzerHarness;

namespace LossDsl.Analyzers.Tests;

/// <summary>
/// Each fix: the exact text it writes, the diagnostic gone afterwards, the fixed loss compiling through the
/// generator, and its generated gradient matching finite differences (and finite at extreme inputs).
/// </summary>
public class FixTests
{
    private static readonly double[] Points = { -3, -0.7, 0.3, 0.9, 2.5 };
    private static readonly double[] Extremes = { -1e4, -200, -90, 0, 1e-30, 90, 200, 1e4 };

    public static TheoryData<string, string, string> Fixes => new()
    {
        { "LD2001",
          "[Loss] public static float A(float z, float y) => -(y * Log(Sigmoid(z)) + (1 - y) * Log(1 - Sigmoid(z)));",
          "[Loss] public static float A(float z, float y) => -(y * LogSigmoid(z) + (1 - y) * Log(1 - Sigmoid(z)));" },
        { "LD2001",
          "[Loss] public static float A(float z, float y) => -(1 - y) * Log(1 - Sigmoid(z));",
          "[Loss] public static float A(float z, float y) => -(1 - y) * LogSigmoid(-z);" },
        { "LD2001",
          "[Loss] public static float A(float z, float y) => -(1 - y) * Log(1 - Sigmoid(-z * 2));",
          "[Loss] public static float A(float z, float y) => -(1 - y) * LogSigmoid(-(-z * 2));" },
        { "LD2001",
          "[Loss] public static float A(float p, float y) => -y * Log(p);",
          "[Loss] public static float A(float p, float y) => -y * Log(Max(p, 1e-7f));" },
        { "LD2001",
          "[Loss] public static double A(double p, double y) => -y * Log(p * p);",
          "[Loss] public static double A(double p, double y) => -y * Log(Max(p * p, 1e-15));" },
        { "LD2001",
          "[Loss] public static float A(float x, float y) => Log1p(x) * y;",
          "[Loss] public static float A(float x, float y) => Log1p(Max(x, -0.9999999f)) * y;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => Log(1 + Exp(x)) - y * x;",
          "[Loss] public static float A(float x, float y) => Softplus(x) - y * x;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => Log(Exp(x) + 1) - y * x;",
          "[Loss] public static float A(float x, float y) => Softplus(x) - y * x;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => Square(Exp(x) / (1 + Exp(x)) - y);",
          "[Loss] public static float A(float x, float y) => Square(Sigmoid(x) - y);" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => Square(1 / (1 + Exp(-x)) - y);",
          "[Loss] public static float A(float x, float y) => Square(Sigmoid(x) - y);" },
        { "LD2002",
          "[Loss] public static float A(float a, float b) => 2 * Log(Exp(a) + Exp(b * 3)) - a;",
          "[Loss] public static float A(float a, float b) => 2 * (Max(a, b * 3) + Log1p(Exp(-Abs(a - (b * 3))))) - a;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => Exp(x) - y * x;",
          "[Loss] public static float A(float x, float y) => Exp(Min(x, 88f)) - y * x;" },
        { "LD2003",
          "[Loss] public static float A(float x, float y) => Log(1 + x * x) * y;",
          "[Loss] public static float A(float x, float y) => Log1p(x * x) * y;" },
        { "LD2004",
          "[Loss] public static float A([Wrt(Max = 80)] float x, float y) => Square(Exp(x) - 1 - y);",
          "[Loss] public static float A([Wrt(Max = 80)] float x, float y) => Square(Expm1(x) - y);" },
        { "LD2004",
          "[Loss] public static float A(float x, float y, [Hyper(Min = 0.1)] float c = 1f) => c * (1 - Exp(-Square(x - y) / c));",
          "[Loss] public static float A(float x, float y, [Hyper(Min = 0.1)] float c = 1f) => c * (-Expm1(-Square(x - y) / c));" },
        { "LD2008",
          "[Loss] public static float A(float x, float y) => Sqrt(Square(x - y));",
          "[Loss] public static float A(float x, float y) => Abs(x - y);" },
        { "LD2008",
          "[Loss] public static float A(float x, float y) => Sqrt((x - y) * (x - y));",
          "[Loss] public static float A(float x, float y) => Abs(x - y);" },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public async Task Fix_writes_the_stable_form(string id, string before, string after)
    {
        string fixedSource = await FixAsync(InClass(before), id);
        Assert.Equal(InClass(after), fixedSource);
        var remaining = await DiagnosticsAsync(fixedSource);
        Assert.DoesNotContain(remaining, d => d.Id == id && Underlined(d) != "Log(1 - Sigmoid(z))");
        FixedCodeChecks.AssertCompilesWithGenerator(fixedSource);
        FixedCodeChecks.AssertGradientsMatch(fixedSource, Points, id == "LD2001" || id == "LD2002" ? Extremes : Array.Empty<double>());
    }

    [Fact]
    public async Task Fix_all_rewrites_every_occurrence_in_the_document()
    {
        string before = InClass("""
            [Loss] public static float A(float z, float y) => -(y * Log(Sigmoid(z)) + (1 - y) * Log(Sigmoid(-z)));
            [Loss] public static float B(float x, float y) => y * Log(Sigmoid(2 * x));
            """);
        string after = InClass("""
            [Loss] public static float A(float z, float y) => -(y * LogSigmoid(z) + (1 - y) * LogSigmoid(-z));
            [Loss] public static float B(float x, float y) => y * LogSigmoid(2 * x);
            """);
        string fixedSource = await FixAllAsync(before, "LD2001");
        Assert.Equal(after, fixedSource);
        Assert.Empty(await DiagnosticsAsync(fixedSource));
        FixedCodeChecks.AssertCompilesWithGenerator(fixedSource);
    }

    [Fact]
    public async Task Fix_spells_functions_the_way_the_file_does()
    {
        const string usings = "using LossDsl;\nusing System;";
        string before = InClass("[Loss] public static float A(float x, float y) => MathF.Log(1 + MathF.Exp(x)) - y * x;", usings);
        string after = InClass("[Loss] public static float A(float x, float y) => LossMath.Softplus(x) - y * x;", usings);
        Assert.Equal(after, await FixAsync(before, "LD2002"));
        string bare = InClass("[Loss] public static float A(float x, float y) => MathF.Log(1 + MathF.Exp(x)) - y * x;");
        Assert.Equal(InClass("[Loss] public static float A(float x, float y) => Softplus(x) - y * x;"), await FixAsync(bare, "LD2002"));
    }

    [Fact]
    public async Task Textbook_losses_fixed_end_to_end_have_no_warnings_left()
    {
        // The unstable BCE through a sigmoid, fixed twice, is the stable BCE-with-logits.
        string source = InClass("[Loss] public static float A(float z, float y) => -(y * Log(Sigmoid(z)) + (1 - y) * Log(1 - Sigmoid(z)));");
        string once = await FixAsync(source, "LD2001");
        string twice = await FixAsync(once, "LD2001");
        Assert.Equal(InClass("[Loss] public static float A(float z, float y) => -(y * LogSigmoid(z) + (1 - y) * LogSigmoid(-z));"), twice);
        Assert.Empty(await DiagnosticsAsync(twice));
        FixedCodeChecks.AssertGradientsMatch(twice, Points, Extremes);
    }
}
