using LossDsl.Analyzers.Tests.Infrastructure;
using static LossDsl.Analyzers.Tests.Infrastructure.Verify;

namespace LossDsl.Analyzers.Tests;

/// <summary>The stability rules inside row losses: element functions, aggregates' ranges, and the LogSumExp fix.</summary>
public class RowLossRuleTests
{
    [Fact]
    public async Task A_hand_written_log_sum_exp_is_LD2002_at_the_log_and_the_fix_is_LogSumExp()
    {
        string before = InClass("[Loss] public static float Ce(ReadOnlySpan<float> x, int y) => {|#0:Log(Sum(x, v => Exp(v)))|} - x[y];");
        string after = InClass("[Loss] public static float Ce(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[y];");
        await AnalyzeAsync(before, expected: Diagnostic("LD2002").WithLocation(0).WithMessage(
            "'Log(Sum(x, v => Exp(v)))' overflows: the exp of an element is ∞ above 88.72, and the sum is 0 (log -∞) when every element"
            + " is very negative; use LogSumExp(x), which shifts by the row's maximum"));
        await FixAsync(before.Replace("{|#0:", "{|LD2002:"), after);
        FixedCodeChecks.AssertCompilesWithGenerator(after);
    }

    [Theory]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x) => Sum(x, v => {|LD2002:Exp(v)|});")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, ReadOnlySpan<float> t) => Sum(x, t, (v, p) => -p * {|LD2001:Log(v)|});")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x) => {|LD2001:Log(Sum(x))|};")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, ReadOnlySpan<float> t) => {|LD2007:Dot(x, t) / Sum(t)|};")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, int y) => {|LD2005:Sqrt(x[y])|};")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, ReadOnlySpan<float> t) => {|LD2008:Sqrt(Sum(x, t, (u, v) => Square(u - v)))|};")]
    [InlineData("[Loss] public static double M(ReadOnlySpan<double> x) => Sum(x) + 0.0 * ({|LD2007:-0.5 / 0.0|});")]
    public Task Element_functions_aggregates_and_indexed_elements_are_checked(string markup) => AnalyzeAsync(InClass(markup));

    [Theory]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, [Domain(Max = 0)] ReadOnlySpan<float> t) => Sum(x, t, (v, s) => Exp(s) * (s - v));")]
    [InlineData("[Loss] public static float M([Wrt(Min = 1e-3)] ReadOnlySpan<float> x, ReadOnlySpan<float> t) => Sum(x, t, (v, p) => -p * Log(v));")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x) => Log1p(SquaredNorm(x)) + Sqrt(SquaredNorm(x) + 1e-12f);")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[y] + Softplus(Max(x) - LogSumExp(x));")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, [Hyper] float e = 0.1f) => e / x.Length * Sum(x);")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, ReadOnlySpan<float> t) => Norm(x) * Sum(t) + (Dot(x, x) > 0 ? Sqrt(Dot(x, x)) : 0);")]
    [InlineData("[Loss] public static float M([Wrt(Min = 0, Max = 1)] ReadOnlySpan<float> p, [Domain(Min = 0, Max = 1)] ReadOnlySpan<float> t) => 1 - (2 * Dot(p, t) + 1) / (Sum(p) + Sum(t) + 1);")]
    public Task Stated_ranges_and_stable_forms_are_quiet(string loss) => AnalyzeAsync(InClass(loss));

    [Fact]
    public Task The_row_loss_catalogue_has_no_stability_warnings() =>
        AnalyzeAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "RowLosses.cs.txt")));
}
