using LossDsl.Generator.Tests.Infrastructure;
using static LossDsl.Generator.Tests.Infrastructure.GeneratorHarness;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>Snapshots of the emitted source: any change to generated code shows up as a reviewed diff (of the baseline files).</summary>
public class BaselineTests
{
    public static TheoryData<string, string> Losses() => new()
    {
        { "Huber", """
            [Loss] public static float Huber(float prediction, float target, [Hyper] float delta = 1f)
            {
                float r = prediction - target;
                return Abs(r) <= delta ? 0.5f * r * r : delta * (Abs(r) - 0.5f * delta);
            }
            """ },
        { "BceWithLogits", "[Loss] public static float BceWithLogits(float logit, float target) => Max(logit, 0f) - logit * target + Softplus(-Abs(logit));" },
        { "SigmoidFocal", """
            [Loss] public static float SigmoidFocal(float logit, [Domain(Min = 0, Max = 1)] float target, [Hyper] float alpha = 0.25f, [Hyper] float gamma = 2f)
            {
                float p = Sigmoid(logit);
                float pt = p * target + (1 - p) * (1 - target);
                float at = alpha * target + (1 - alpha) * (1 - target);
                return at * Pow(1 - pt, gamma) * (Softplus(logit) - logit * target);
            }
            """ },
        { "GaussianNll", "[Loss] public static double GaussianNll([Wrt] double mean, double target, [Wrt] double variance, [Hyper(Min = 1e-12)] double eps = 1e-6) => 0.5 * (Math.Log(Math.Max(variance, eps)) + Square(mean - target) / Math.Max(variance, eps));" },
        { "Mse", "[Loss] internal static float Mse(float prediction, float target) => Square(prediction - target);" },
        { "CrossEntropy", "[Loss] public static float CrossEntropy(ReadOnlySpan<float> logits, [IgnoreIndex(-100)] int target, [Hyper(Min = 0, Max = 1)] float labelSmoothing = 0f) => LogSumExp(logits) - (1 - labelSmoothing) * logits[target] - labelSmoothing * Mean(logits);" },
        { "MultiMargin", """
            [Loss] public static double MultiMargin(ReadOnlySpan<double> scores, int target, [Hyper] double margin = 1)
            {
                double correct = scores[target];
                return (Sum(scores, s => Math.Max(0, margin - correct + s)) - Math.Max(0, margin)) / scores.Length;
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public Task Emitted_source_matches_baseline(string name, string loss)
    {
        // The framework checks no diagnostics, that the output compiles, and exactly this one file with this text.
        string hintName = $"Tests.L.{name}.g.cs";
        string expected = Baseline.Expected(name, hintName, () => Assert.Single(RunGenerator(InClass(loss)).Sources).SourceText.ToString());
        return Verify.GeneratesAsync(InClass(loss), (hintName, expected));
    }

    [Fact]
    public void Output_is_deterministic_across_runs_and_cultures()
    {
        string loss = InClass(Losses().Select(row => (string)row[1]).Single(l => l.Contains("SigmoidFocal")));
        string first = RunGenerator(loss).Sources.Single().SourceText.ToString();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            foreach (string name in new[] { "fi-FI", "tr-TR" })
            {
                System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
                Assert.Equal(first, RunGenerator(loss).Sources.Single().SourceText.ToString());
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Nested_types_records_and_global_namespace_are_reopened()
    {
        var run = RunGenerator("""
            using LossDsl;
            public partial record struct Outer
            {
                private partial class Inner
                {
                    [Loss] internal static double Q(double x, double y) => (x - y) * (x - y);
                }
            }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
        Assert.Equal("Outer.Inner.Q.g.cs", run.Sources.Single().HintName);
        Assert.Contains("internal sealed partial class QLoss", run.Sources.Single().SourceText.ToString());
    }
}
