using LossDsl.Analyzers.Tests.Infrastructure;
using static LossDsl.Analyzers.Tests.Infrastructure.Verify;

namespace LossDsl.Analyzers.Tests;

/// <summary>
/// Each fix: the exact text it writes (one at a time and as fix-all, by the testing framework), the diagnostic gone
/// afterwards, the fixed loss compiling through the generator, and its generated gradient matching finite differences
/// (and finite at extreme inputs).
/// </summary>
public class FixTests
{
    private static readonly double[] Points = { -3, -0.7, 0.3, 0.9, 2.5 };
    private static readonly double[] Extremes = { -1e4, -200, -90, 0, 1e-30, 90, 200, 1e4 };

    /// <summary>The id, the source with its findings marked, the source after every fix of that id (applied one by one and all at once).</summary>
    public static TheoryData<string, string, string> Fixes => new()
    {
        { "LD2001",
          "[Loss] public static float A(float z, float y) => -(1 - y) * {|LD2001:Log(1 - Sigmoid(z))|};",
          "[Loss] public static float A(float z, float y) => -(1 - y) * LogSigmoid(-z);" },
        { "LD2001",
          "[Loss] public static float A(float z, float y) => -(1 - y) * {|LD2001:Log(1 - Sigmoid(-z * 2))|};",
          "[Loss] public static float A(float z, float y) => -(1 - y) * LogSigmoid(-(-z * 2));" },
        { "LD2001",
          "[Loss] public static float A(float p, float y) => -y * {|LD2001:Log(p)|};",
          "[Loss] public static float A(float p, float y) => -y * Log(Max(p, 1e-7f));" },
        { "LD2001",
          "[Loss] public static double A(double p, double y) => -y * {|LD2001:Log(p * p)|};",
          "[Loss] public static double A(double p, double y) => -y * Log(Max(p * p, 1e-15));" },
        { "LD2001",
          "[Loss] public static float A(float x, float y) => {|LD2001:Log1p(x)|} * y;",
          "[Loss] public static float A(float x, float y) => Log1p(Max(x, -0.9999999f)) * y;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => {|LD2002:Log(1 + Exp(x))|} - y * x;",
          "[Loss] public static float A(float x, float y) => Softplus(x) - y * x;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => {|LD2002:Log(Exp(x) + 1)|} - y * x;",
          "[Loss] public static float A(float x, float y) => Softplus(x) - y * x;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => Square({|LD2002:Exp(x) / (1 + Exp(x))|} - y);",
          "[Loss] public static float A(float x, float y) => Square(Sigmoid(x) - y);" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => Square({|LD2002:1 / (1 + Exp(-x))|} - y);",
          "[Loss] public static float A(float x, float y) => Square(Sigmoid(x) - y);" },
        { "LD2002",
          "[Loss] public static float A(float a, float b) => 2 * {|LD2002:Log(Exp(a) + Exp(b * 3))|} - a;",
          "[Loss] public static float A(float a, float b) => 2 * (Max(a, b * 3) + Log1p(Exp(-Abs(a - (b * 3))))) - a;" },
        { "LD2002",
          "[Loss] public static float A(float x, float y) => {|LD2002:Exp(x)|} - y * x;",
          "[Loss] public static float A(float x, float y) => Exp(Min(x, 88f)) - y * x;" },
        { "LD2003",
          "[Loss] public static float A(float x, float y) => {|LD2003:Log(1 + x * x)|} * y;",
          "[Loss] public static float A(float x, float y) => Log1p(x * x) * y;" },
        { "LD2004",
          "[Loss] public static float A([Wrt(Max = 80)] float x, float y) => Square({|LD2004:Exp(x) - 1|} - y);",
          "[Loss] public static float A([Wrt(Max = 80)] float x, float y) => Square(Expm1(x) - y);" },
        { "LD2004",
          "[Loss] public static float A(float x, float y, [Hyper(Min = 0.1)] float c = 1f) => c * ({|LD2004:1 - Exp(-Square(x - y) / c)|});",
          "[Loss] public static float A(float x, float y, [Hyper(Min = 0.1)] float c = 1f) => c * (-Expm1(-Square(x - y) / c));" },
        { "LD2008",
          "[Loss] public static float A(float x, float y) => {|LD2008:Sqrt(Square(x - y))|};",
          "[Loss] public static float A(float x, float y) => Abs(x - y);" },
        { "LD2008",
          "[Loss] public static float A(float x, float y) => {|LD2008:Sqrt((x - y) * (x - y))|};",
          "[Loss] public static float A(float x, float y) => Abs(x - y);" },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public async Task Fix_writes_the_stable_form(string id, string before, string after)
    {
        await FixAsync(InClass(before), InClass(after), only: id);
        FixedCodeChecks.AssertCompilesWithGenerator(InClass(after));
        FixedCodeChecks.AssertGradientsMatch(InClass(after), Points, id == "LD2001" || id == "LD2002" ? Extremes : Array.Empty<double>());
    }

    [Fact]
    public async Task Fixed_textbook_losses_have_no_warnings_left()
    {
        // The textbook BCE through a sigmoid: both logs fixed is the stable BCE-with-logits.
        string after = InClass("[Loss] public static float A(float z, float y) => -(y * LogSigmoid(z) + (1 - y) * LogSigmoid(-z));");
        await FixAsync(InClass("[Loss] public static float A(float z, float y) => -(y * {|LD2001:Log(Sigmoid(z))|} + (1 - y) * {|LD2001:Log(1 - Sigmoid(z))|});"), after,
            fixAllIterations: 2); // two kinds of fix (LogSigmoid(z), LogSigmoid(-z)): fix-all takes one kind per pass
        FixedCodeChecks.AssertGradientsMatch(after, Points, Extremes);
    }

    [Fact]
    public Task Fix_all_rewrites_every_occurrence_in_the_document() =>
        FixAsync(InClass("""
            [Loss] public static float A(float z, float y) => -(y * {|LD2001:Log(Sigmoid(z))|} + (1 - y) * {|LD2001:Log(Sigmoid(-z))|});
            [Loss] public static float B(float x, float y) => y * {|LD2001:Log(Sigmoid(2 * x))|};
            """), InClass("""
            [Loss] public static float A(float z, float y) => -(y * LogSigmoid(z) + (1 - y) * LogSigmoid(-z));
            [Loss] public static float B(float x, float y) => y * LogSigmoid(2 * x);
            """));

    [Fact]
    public async Task Fix_spells_functions_the_way_the_file_does()
    {
        const string usings = "using LossDsl;\nusing System;";
        await FixAsync(InClass("[Loss] public static float A(float x, float y) => {|LD2002:MathF.Log(1 + MathF.Exp(x))|} - y * x;", usings),
            InClass("[Loss] public static float A(float x, float y) => LossMath.Softplus(x) - y * x;", usings));
        await FixAsync(InClass("[Loss] public static float A(float x, float y) => {|LD2002:MathF.Log(1 + MathF.Exp(x))|} - y * x;"),
            InClass("[Loss] public static float A(float x, float y) => Softplus(x) - y * x;"));
    }
}
