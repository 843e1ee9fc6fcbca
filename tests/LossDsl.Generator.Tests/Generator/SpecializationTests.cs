using LossDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>
/// The kernels compiled for hyperparameter values known ahead: an exponent hyperparameter's default and each integer
/// 0…4 its range allows. A value that makes the loss odd (x^∞ at γ = 0) must still build: the kernels are a fast path.
/// </summary>
public class SpecializationTests
{
    [Theory]
    [InlineData("Pow(x, 1f / gamma)")]      // γ = 0 specializes to x^∞
    [InlineData("Pow(x, gamma - 3f)")]      // negative integer powers
    [InlineData("Pow(Abs(x), gamma / 2f)")] // half-integer powers
    public void Every_integer_an_exponent_hyperparameter_is_compiled_for_builds(string body)
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass($$"""
            [Loss] public static float M(float x, [Hyper] float gamma = 2.5f) => {{body}};
            """));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilerErrors);
        string code = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        foreach (int k in new[] { 0, 1, 2, 3, 4 }) Assert.Contains($"ForwardBackwardAtGamma{k}Core<", code);
        Assert.DoesNotContain("AtDefaultsCore", code); // 2.5 is no shortcut
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
