using LossDsl.Analyzers.Tests.Infrastructure;
using static LossDsl.Analyzers.Tests.Infrastructure.AnalyzerHarness;

namespace LossDsl.Analyzers.Tests;

/// <summary>LD2011: the accuracy certificate of the kernel the generator emits, reported by AccuracyAnalyzer.</summary>
public class AccuracyTests
{
    private const string LiteralBce = "-(y * Log(Sigmoid(x)) + (1 - y) * Log(1 - Sigmoid(x)))";

    [Fact]
    public async Task A_literal_kernel_that_overflows_is_reported_per_output_with_a_point()
    {
        var diagnostics = (await DiagnosticsAsync(InClass($"[Loss(Rewrite = false)] public static float Bce(float x, float y) => {LiteralBce};")))
            .Where(d => d.Id == "LD2011").ToList();
        Assert.Equal(3, diagnostics.Count); // loss, gradient, Hessian
        string message = diagnostics[0].GetMessage();
        Assert.StartsWith("The generated loss of 'Bce' is ∞ or NaN at ", message);
        Assert.Contains("worst at x = ", message);
        Assert.EndsWith("remove Rewrite = false to let the generator use the stable forms, or fix the spelling the LD2xxx warnings point at", message);
        Assert.Equal("Bce", Underlined(diagnostics[0]));
    }

    [Fact]
    public async Task The_same_spelling_rewritten_is_certified_accurate()
    {
        var diagnostics = await DiagnosticsAsync(InClass($"[Loss] public static float Bce(float x, float y) => {LiteralBce};"));
        Assert.DoesNotContain(diagnostics, d => d.Id == "LD2011");
    }

    [Fact]
    public async Task Cancellation_no_rewrite_covers_is_found_by_measurement()
    {
        // exp(x)·exp(-x) - 1 is 0 exactly, but ∞·0 at |x| > 88: no LD2xxx pattern, a NaN the certificate finds.
        var diagnostics = await DiagnosticsAsync(InClass("[Loss] public static float A(float x, float y) => Exp(x) * Exp(-x) * y;"));
        Assert.Contains(diagnostics, d => d.Id == "LD2011" && d.GetMessage().Contains("∞ or NaN"));
    }

    [Fact]
    public async Task A_stated_range_is_what_the_certificate_samples()
    {
        // exp(x)·exp(-x) overflows only beyond |x| = 88: an input stated to stay within ±10 never gets there.
        const string body = "=> Exp(x) * Exp(-x) * y;";
        var free = await DiagnosticsAsync(InClass($"[Loss] public static float F(float x, float y) {body}"));
        var stated = await DiagnosticsAsync(InClass($"[Loss] public static float F([Wrt(Min = -10, Max = 10)] float x, float y) {body}"));
        Assert.Contains(free, d => d.Id == "LD2011");
        Assert.DoesNotContain(stated, d => d.Id == "LD2011");
    }

    [Fact]
    public async Task LD2011_is_suppressed_like_any_warning()
    {
        var diagnostics = await DiagnosticsAsync(InClass($$"""
            #pragma warning disable LD2011
            [Loss(Rewrite = false)] public static float Bce(float x, float y) => {{LiteralBce}};
            #pragma warning restore LD2011
            """));
        Assert.All(diagnostics.Where(d => d.Id == "LD2011"), d => Assert.True(d.IsSuppressed));
    }

    [Fact]
    public async Task Row_losses_and_rejected_code_are_not_certified()
    {
        var diagnostics = await DiagnosticsAsync(InClass("""
            [Loss] public static float Ce(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[y];
            [Loss] public static float Rejected(float x, float y) { for (int i = 0; i < 2; i++) { } return Log(x); }
            """));
        Assert.DoesNotContain(diagnostics, d => d.Id == "LD2011");
    }
}
