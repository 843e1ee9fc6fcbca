using LossDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static LossDsl.Generator.Tests.Infrastructure.GeneratorHarness;
using static LossDsl.Generator.Tests.Infrastructure.Verify;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>Row losses: what compiles, and a located LD1018/LD1019 (never a crash) for each misuse.</summary>
public class RowLossDiagnosticTests
{
    [Theory]
    [InlineData("[Loss] public static float Ce(ReadOnlySpan<float> x, [IgnoreIndex(-100)] int y, [Hyper] float e = 0f) => LogSumExp(x) - (1 - e) * x[y] - e * Mean(x);")]
    [InlineData("[Loss] public static double Mixed([Wrt] ReadOnlySpan<double> a, [Wrt] ReadOnlySpan<double> b, double s, [Hyper] double m = 1) { double d = Sqrt(Sum(a, b, (u, v) => Square(u - v + m))); return s > 0 ? d : Max(0, m - d) + Max(a) * Norm(b) / a.Length; }")]
    [InlineData("[Loss] public static float Weighted(ReadOnlySpan<float> x, int y, [Hyper, ClassWeights] ReadOnlySpan<float> w) => w[y] * (LogSumExp(x) - x[y]) + Dot(w, x) * SquaredNorm(x);")]
    [InlineData("[Differentiable] public static float Hinge(float v) => Max(0f, v); [Loss] public static float H(ReadOnlySpan<float> x, int y) { float c = x[y]; return Sum(x, v => Hinge(1 - c + v)); }")]
    [InlineData("[Loss] public static float Keywords(ReadOnlySpan<float> @event, [IgnoreIndex(-1)] int @class, int x_y, [Hyper] float @float = 1f) => LogSumExp(@event) - @event[@class] * @float + @event[x_y];")]
    [InlineData("[Loss] public static double Clashes(ReadOnlySpan<double> i, int r, double j, ReadOnlySpan<double> iRow, [Hyper] double t0 = 1, [Hyper] double scale = 2) => Max(i) * scale + Dot(i, iRow) * j + i[r] * t0;")]
    [InlineData("[Loss] public static float ThreeLabels(ReadOnlySpan<float> x, [IgnoreIndex(-1)] int a, [IgnoreIndex(-2)] int b, int c) => x[a] + x[b] - x[c] + Norm(x);")]
    public Task Valid_row_losses_generate_code_that_compiles(string members) => DiagnosticsAsync(InClass(members));

    [Theory]
    [InlineData("[Loss] public static float Ce(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[y];", true)]
    [InlineData("[Loss] public static float Focal(ReadOnlySpan<float> x, int y) { float l = x[y] - LogSumExp(x); return -Square(1 - Exp(l)) * l; }", true)]
    [InlineData("[Loss] public static float Pair(ReadOnlySpan<float> x, int a, int b) => LogSumExp(x) - x[a] * x[b];", false)] // cross term of two labels
    [InlineData("[Loss] public static float Cross(ReadOnlySpan<float> x, ReadOnlySpan<float> t, int y) => Square(x[y]) * Dot(x, t);", false)] // t[y] at the label
    public void GradientHessian_is_generated_where_its_label_terms_are_per_row_values(string members, bool expected)
    {
        var run = RunGenerator(InClass(members));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
        string source = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Equal(expected, source.Contains("public void GradientHessian(", StringComparison.Ordinal));
        Assert.Equal(expected, source.Contains("∂²loss/∂x[j]²", StringComparison.Ordinal));
        if (!expected) Assert.DoesNotContain("IClassificationLoss", source);
    }

    [Theory]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, {|LD1018:[Wrt] int y|}) => LogSumExp(x) - x[y];")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, int y, {|LD1018:[ClassWeights] ReadOnlySpan<float> w|}) => w[y] * LogSumExp(x);")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, {|LD1018:[Hyper, ClassWeights] ReadOnlySpan<float> w|}) => Dot(w, x);")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, {|LD1018:[IgnoreIndex(0)] float t|}) => t * Sum(x);")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, {|LD1018:[Wrt] float t|}) => t * Sum(x);")]
    public Task LD1018_misplaced_roles(string markup) => DiagnosticsAsync(InClass(markup));

    [Theory]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[{|LD1019:0|}];")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, int y) => LogSumExp(x) * {|LD1019:y|};")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x) => Sum({|LD1019:x.Slice(1)|});")]
    [InlineData("[Loss] public static float M(ReadOnlySpan<float> x, ReadOnlySpan<float> w) { float l = LogSumExp(x); return Sum(w, x, {|LD1019:(c, v) => c * (l - v)|}); }")]
    [InlineData("static float F(float v) => v; [Loss] public static float M(ReadOnlySpan<float> x) => Sum(x, {|LD1019:F|});")]
    public Task LD1019_rows_read_outside_aggregates_and_labels(string markup) => DiagnosticsAsync(InClass(markup));

    [Fact]
    public Task A_type_the_compiler_cannot_resolve_is_left_to_the_compiler() =>
        // Without 'using System;' a span parameter is an error type: CS0246 says so, LD1004 would only add noise.
        DiagnosticsAsync(InClass("[Loss] public static float M({|CS0246:ReadOnlySpen<float>|} x) => Sum(x);"));

    [Fact]
    public Task A_label_named_j_is_reserved() =>
        // x[j] is element j in the formulas; x[label] with a label named j would be the same symbol.
        DiagnosticsAsync(InClass("[Loss] public static float M(ReadOnlySpan<float> x, int {|LD1017:j|}) => LogSumExp(x) - x[j];"));

    [Fact]
    public Task An_input_named_like_a_local_of_the_generated_members_is_reserved() =>
        // A hyperparameter named scale is fine: it is a property, not a member parameter.
        DiagnosticsAsync(InClass("[Loss] public static float M(ReadOnlySpan<float> x, ReadOnlySpan<float> {|LD1017:rows|}, [Hyper] float scale = 1f) => scale * Dot(x, rows);"));

    [Fact]
    public Task A_row_loss_that_ignores_its_wrt_row_warns_and_still_compiles() =>
        DiagnosticsAsync(InClass("[Loss] public static float M(ReadOnlySpan<float> {|#0:x|}, ReadOnlySpan<float> t) => Sum(t);"),
            Diagnostic("LD1050", DiagnosticSeverity.Warning).WithLocation(0)
                .WithMessage("The loss does not depend on [Wrt] parameter 'x': its gradient and Hessian are always 0"));

    [Fact]
    public Task An_int_parameter_outside_a_row_loss_is_LD1004() =>
        DiagnosticsAsync(InClass("[Loss] public static float M(float p, {|#0:int k|}) => p;"), Diagnostic("LD1004").WithLocation(0).WithMessage(
            "Parameter 'k' is 'int'; every parameter of 'M' must be 'float', the type it returns (a row loss also takes ReadOnlySpan<float> rows and int class labels)"));

    [Fact]
    public Task A_row_loss_without_a_row_input_is_LD1006() =>
        DiagnosticsAsync(InClass("[Loss] public static float {|LD1006:M|}([Hyper] ReadOnlySpan<float> w, float t) => t * Sum(w);"));

    [Fact]
    public void The_documented_gradient_names_softmax_and_the_label_term()
    {
        var run = RunGenerator(InClass("[Loss] public static float Ce(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[y];"));
        string source = Assert.Single(run.Sources).SourceText.ToString();
        Assert.Contains("∂loss/∂x[j] = softmax(x)[j] - [j = y]", source, StringComparison.Ordinal);
        Assert.Contains("public float ForwardBackward(global::System.ReadOnlySpan<float> x, global::System.ReadOnlySpan<int> y, int width, global::System.Span<float> xGradient)", source, StringComparison.Ordinal);
    }
}
