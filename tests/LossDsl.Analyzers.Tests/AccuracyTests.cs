using static LossDsl.Analyzers.Tests.Infrastructure.Verify;

namespace LossDsl.Analyzers.Tests;

/// <summary>LD2011: the accuracy certificate of the kernel the generator emits, reported by AccuracyAnalyzer.</summary>
public class AccuracyTests
{
    private const string LiteralBce = "-(y * Log(Sigmoid(x)) + (1 - y) * Log(1 - Sigmoid(x)))";

    [Fact]
    public async Task A_literal_kernel_that_overflows_is_reported_per_output_with_a_point()
    {
        // One per output (loss, gradient, Hessian), on the method's name; the framework also checks that
        // #pragma warning disable LD2011 silences them, like any warning.
        await AnalyzeAsync(InClass($"[Loss(Rewrite = false)] public static float {{|#0:Bce|}}(float x, float y) => {LiteralBce};"), only: "LD2011",
            Diagnostic("LD2011").WithLocation(0), Diagnostic("LD2011").WithLocation(0), Diagnostic("LD2011").WithLocation(0));
        // The point is measured, so the message is checked by its parts.
        var reported = await ReportedAsync(InClass($"[Loss(Rewrite = false)] public static float Bce(float x, float y) => {LiteralBce};"));
        string message = reported.First(d => d.Id == "LD2011").GetMessage();
        Assert.StartsWith("The generated loss of 'Bce' is ∞ or NaN at ", message);
        Assert.Contains("worst at x = ", message);
        Assert.EndsWith("remove Rewrite = false to let the generator use the stable forms, or fix the spelling the LD2xxx warnings point at", message);
    }

    [Fact]
    public Task The_same_spelling_rewritten_is_certified_accurate() =>
        AnalyzeAsync(InClass($"[Loss] public static float Bce(float x, float y) => {LiteralBce};"), only: "LD2011");

    [Fact]
    public async Task Cancellation_no_rewrite_covers_is_found_by_measurement()
    {
        // exp(x)·exp(-x) - 1 is 0 exactly, but ∞·0 at |x| > 88: no LD2xxx pattern, a NaN the certificate finds.
        var reported = await ReportedAsync(InClass("[Loss] public static float A(float x, float y) => Exp(x) * Exp(-x) * y;"));
        Assert.Contains(reported, d => d.Id == "LD2011" && d.GetMessage().Contains("∞ or NaN") && Underlined(d) == "A");
    }

    [Fact]
    public async Task A_stated_range_is_what_the_certificate_samples()
    {
        // exp(x)·exp(-x) overflows only beyond |x| = 88: an input stated to stay within ±10 never gets there.
        const string body = "=> Exp(x) * Exp(-x) * y;";
        Assert.Contains(await ReportedAsync(InClass($"[Loss] public static float F(float x, float y) {body}")), d => d.Id == "LD2011");
        await AnalyzeAsync(InClass($"[Loss] public static float F([Wrt(Min = -10, Max = 10)] float x, float y) {body}"), only: "LD2011");
    }

    [Fact]
    public Task Row_losses_and_rejected_code_are_not_certified() =>
        AnalyzeAsync(InClass("""
            [Loss] public static float Ce(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[y];
            [Loss] public static float Rejected(float x, float y) { for (int i = 0; i < 2; i++) { } return Log(x); }
            """), only: "LD2011");
}
