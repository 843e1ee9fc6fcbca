using LossDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>
/// The kernels compiled for hyperparameter values known ahead: an exponent hyperparameter's default and each integer
/// 0…4 its range allows, wherever the value makes every power over it a product or a square root.
/// </summary>
public class SpecializationTests
{
    [Theory]
    [InlineData("Pow(x, gamma - 3f)", "0 1 2 3 4")] // negative integer powers are products too
    [InlineData("Pow(x, 1f / gamma)", "1 2")]       // x^1, x^½; γ = 0 would be x^∞, 3 and 4 roots: exp·log, no kernels
    [InlineData("Pow(Abs(x), gamma / 2f)", "0 1 2 4")]
    public void An_integer_gets_kernels_where_every_power_over_it_becomes_a_shortcut(string body, string specialized)
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass($$"""
            [Loss] public static float M(float x, [Hyper] float gamma = 2.75f) => {{body}};
            """));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilerErrors);
        string code = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        var expected = specialized.Split(' ').Select(int.Parse).ToHashSet();
        for (int k = 0; k <= 4; k++)
        {
            if (expected.Contains(k)) Assert.Contains($"ForwardBackwardAtGamma{k}Core<", code);
            else Assert.DoesNotContain($"ForwardBackwardAtGamma{k}Core<", code);
        }
        Assert.DoesNotContain("AtDefaultsCore", code); // 2.75 makes none of these powers a shortcut
    }

    [Fact]
    public void A_default_that_leaves_a_power_non_integer_gets_no_kernels_of_its_own()
    {
        // γ = 2 is an integer, but the power it makes is x^2.25: the default's kernels would be the general ones again.
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("""
            [Loss] public static float M(float x, [Hyper] float gamma = 2f) => Pow(Abs(x), gamma + 0.25f);
            """));
        Assert.Empty(run.CompilerErrors);
        string code = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("AtDefaultsCore", code);
        Assert.DoesNotContain("AtGamma", code);
        Assert.Contains("ForwardBackwardCore<", code);
    }

    [Fact]
    public void Only_the_integers_the_range_allows_and_not_the_default_twice()
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("""
            [Loss] public static float M(float x, [Hyper(Min = 1, Max = 3)] float gamma = 2f) => Pow(Abs(x), gamma);
            """));
        Assert.Empty(run.CompilerErrors);
        string code = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("ForwardBackwardAtDefaultsCore<", code);
        Assert.Contains("ForwardBackwardAtGamma1Core<", code);
        Assert.Contains("ForwardBackwardAtGamma3Core<", code);
        foreach (int k in new[] { 0, 2, 4 }) Assert.DoesNotContain($"ForwardBackwardAtGamma{k}Core<", code);
    }

    [Fact]
    public void Two_exponent_hyperparameters_get_only_their_defaults()
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("""
            [Loss] public static float M(float x, [Hyper] float a = 2f, [Hyper] float b = 3f) => Pow(Abs(x), a) + Pow(Abs(x), b);
            """));
        Assert.Empty(run.CompilerErrors);
        string code = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("ForwardBackwardAtDefaultsCore<", code);
        Assert.DoesNotContain("ForwardBackwardAtA", code);
        Assert.DoesNotContain("ForwardBackwardAtB", code);
    }
}
