using LossDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static LossDsl.Generator.Tests.Infrastructure.GeneratorHarness;
using static LossDsl.Generator.Tests.Infrastructure.Verify;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>Each LD1xxx: an input that triggers it at the exact span (markup) with its message, and valid input that does not.</summary>
public class DiagnosticTests
{
    private const string Valid = """
        [Loss] public static float Ok(float p, float t, [Hyper] float k = 2f)
        {
            float r = p - t;
            if (Abs(r) > k) return k * Abs(r);
            var s = Square(r);
            return s > 1 && !(r < 0) || r == 0 ? s : 0.5f * s;
        }
        """;

    [Fact]
    public Task Valid_code_has_no_diagnostics_and_compiles() => DiagnosticsAsync(InClass(Valid));

    [Fact]
    public Task LD1001_not_static() =>
        DiagnosticsAsync("namespace Tests; public partial class Inst { [LossDsl.Loss] public float {|LD1001:M|}(float p) => p; }");

    [Fact]
    public Task LD1002_containing_type_not_partial() =>
        DiagnosticsAsync("using LossDsl; namespace N; public static partial class Outer { public static class {|#0:Inner|} { [Loss] public static float M(float p) => p; } }",
            Diagnostic("LD1002").WithLocation(0).WithMessage(
            "Type 'Inner' must be declared partial so the generated 'MLoss' class can be added to it (every containing type must be partial)"));

    [Fact]
    public Task LD1003_return_type() => DiagnosticsAsync(InClass("[Loss] public static {|LD1003:int|} M(float p) => 1;"));

    [Fact]
    public Task LD1004_parameter_type() =>
        DiagnosticsAsync(InClass("[Loss] public static float M(float p, {|#0:double t|}) => p;"), Diagnostic("LD1004").WithLocation(0).WithMessage(
            "Parameter 't' is 'double'; every parameter of 'M' must be 'float', the type it returns (a row loss also takes ReadOnlySpan<float> rows and int class labels)"));

    [Fact]
    public Task LD1005_wrt_and_hyper() =>
        DiagnosticsAsync(InClass("[Loss] public static float M(float p, {|#0:[Wrt, Hyper] float k|}) => p * k;"), Diagnostic("LD1005").WithLocation(0).WithMessage(
            "Parameter 'k' is marked both [Wrt] and [Hyper]; a hyperparameter is a shared scalar and is not differentiated — keep one of the two"));

    [Fact]
    public Task LD1006_no_element_input() => DiagnosticsAsync(InClass("[Loss] public static float {|LD1006:M|}([Hyper] float k) => k;"));

    [Fact]
    public Task LD1007_parameter_modifier() =>
        DiagnosticsAsync(InClass("[Loss] public static float M(float p, {|#0:ref float t|}) => p;"), Diagnostic("LD1007").WithLocation(0).WithMessage(
            "Parameter 't' is declared 'ref'; parameters of a [Loss] or [Differentiable] method must be plain value parameters"));

    [Theory]
    [InlineData("{|LD1008:for|} (int i = 0; i < 3; i++) { } return p;")]
    [InlineData("{|LD1008:while|} (p > 0) { } return p;")]
    [InlineData("float {|LD1008:q|}; q = p; return q;")]
    public Task LD1008_unsupported_statement(string body) => DiagnosticsAsync(InClass($"[Loss] public static float M(float p) {{ {body} }}"));

    [Fact]
    public Task LD1009_mutation() => DiagnosticsAsync(InClass("[Loss] public static float M(float p) { float q = p; {|LD1009:q += 1|}; return q; }"));

    [Fact]
    public Task LD1010_unknown_call_names_the_method() =>
        DiagnosticsAsync(InClass("[Loss] public static float M(float p) => {|#0:MathF.Round(p)|} + p;"), Diagnostic("LD1010").WithLocation(0).WithMessage(
            "'MathF.Round(float)' is not a loss-language function; use LossMath functions (Abs, Sign, Exp, Log, Log1p, Expm1, Sqrt, Square, Pow, Max, Min, Clamp, Sigmoid, Softplus, LogSigmoid, Tanh, LogCosh) or mark the method [Differentiable]"));

    [Fact]
    public Task LD1011_recursion_through_inlining() =>
        DiagnosticsAsync(InClass("""
            [Differentiable] public static float A(float x) => B(x) + 1;
            [Differentiable] public static float B(float x) => {|#0:A(x)|} * 2;
            [Loss] public static float M(float p) => A(p);
            """), Diagnostic("LD1011").WithLocation(0).WithMessage("'A' calls itself through M → A → B → A; inlined [Loss] and [Differentiable] calls cannot be recursive"));

    [Theory]
    [InlineData("{|#0:p % 2f|}", "LD1012", "Operator '%' is not supported; use + - * / and unary -, comparisons < <= > >= == != in conditions, and && || !")]
    [InlineData("(float)({|#0:(int)p << 1|})", "LD1013", "'(int)p << 1 (integer arithmetic; use floating-point values)' is not supported in a loss; use numeric literals, parameters, locals, arithmetic, '?:' and loss-language functions")]
    public Task LD1012_unsupported_operator(string expression, string id, string message) =>
        DiagnosticsAsync(InClass($"[Loss] public static float M(float p) => {expression};"), Diagnostic(id).WithLocation(0).WithMessage(message));

    [Fact]
    public Task LD1013_unsupported_expression() => DiagnosticsAsync(InClass("[Loss] public static float M(float p) => p + {|LD1013:\"abc\".Length|};"));

    [Fact]
    public Task LD1014_method_without_a_body() =>
        // The compiler's CS0626 warning (extern without DllImport) is not an error, so not compared.
        DiagnosticsAsync(InClass("[Loss] public static extern float {|LD1014:M|}(float p);"));

    [Fact]
    public void A_branch_without_return_falls_through_like_CSharp()
    {
        var run = RunGenerator(InClass("[Loss] public static float M(float p) { if (p > 0) { float q = p; } else if (p < -1) return -p; return p * p; }"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("(p > 0 ? p^2 : (p < -1 ? -p : p^2))", run.Sources.Single().SourceText.ToString());
    }

    [Fact]
    public Task LD1015_call_that_cannot_be_inlined() =>
        DiagnosticsAsync(InClass("""
            [Differentiable] public static float H(float x) { for (;;) { } }
            [Loss] public static float M(float p) => {|#0:H(p)|};
            """), Diagnostic("LD1015").WithLocation(0).WithMessage(
            "'L.H(float)' cannot be inlined: A loop is not allowed in a loss body; write local declarations, 'if (…) return …;' and a final 'return'"));

    [Fact]
    public Task LD1016_generic() => DiagnosticsAsync(InClass("[Loss] public static float {|LD1016:M|}<T>(float p) => p;"));

    [Fact]
    public Task LD1016_generic_over_a_type_that_is_not_floating_point() =>
        DiagnosticsAsync(InClass("[Loss] public static {|LD1003:T|} {|LD1016:M|}<T>(T p) where T : System.Numerics.INumber<T> => p * p;"));

    [Fact]
    public Task LD1016_two_type_parameters() =>
        DiagnosticsAsync(InClass("[Loss] public static T {|LD1016:M|}<T, U>(T p) where T : System.Numerics.IFloatingPointIeee754<T> => p * p;"));

    [Fact]
    public Task A_generic_loss_over_a_floating_point_T_generates_without_diagnostics() =>
        DiagnosticsAsync(InClass("[Loss] public static T M<T>(T p, [Hyper(Default = 2)] T g) where T : System.Numerics.IFloatingPointIeee754<T> => T.Pow(T.Abs(p), g) + T.CreateChecked(0.5) * T.One;"));

    [Fact]
    public Task LD1013_a_precision_dependent_constant_in_a_generic_loss() =>
        DiagnosticsAsync(InClass("[Loss] public static T M<T>(T p) where T : System.Numerics.IFloatingPointIeee754<T> => p + {|LD1013:T.Epsilon|};"));

    [Fact]
    public Task LD1017_reserved_name() => DiagnosticsAsync(InClass("[Loss] public static float M(float p, [Hyper] float {|LD1017:reduction|} = 1f) => p * reduction;"));

    [Fact]
    public Task LD1050_unused_wrt_warns_at_a_source_location() =>
        // In-source (tree + span), so the compiler applies #pragma to it; LossDsl.Runtime.Tests builds a
        // suppressed LD1050 with warnings as errors, which fails the build if suppression breaks.
        DiagnosticsAsync(InClass("[Loss] public static float M(float p, [Wrt] float {|#0:q|}) => p * p;"), Diagnostic("LD1050", DiagnosticSeverity.Warning).WithLocation(0));

    [Theory]
    [InlineData("=> p +{|CS1525:;|}")]
    [InlineData("=> {|CS0103:Undefined|}(p);")]
    [InlineData("{ return p {|CS1002:}|}")]
    [InlineData("=> (p{|CS1026:;|}")]
    [InlineData("=> p * {|CS0103:q|};")]
    public Task Broken_code_produces_no_generator_diagnostic_and_no_crash(string body) =>
        // Only the compiler's errors: no LD diagnostic, no CS8785 (a generator that threw), no generated code to compare.
        DiagnosticsAsync(InClass($"[Loss] public static float M(float p) {body}"));
}

public class RobustnessTests
{
    [Fact]
    public void Absurdly_deep_nesting_is_a_diagnostic_not_a_crash()
    {
        string body = string.Concat(Enumerable.Repeat("Sigmoid(", 3000)) + "p" + new string(')', 3000);
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass($"[Loss] public static float M(float p) => {body};"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.True(run.Sources.Any() || run.GeneratorDiagnostics.Any(d => d.Id == "LD9001"));
    }

    [Fact]
    public void Deep_but_reasonable_nesting_compiles()
    {
        string body = string.Concat(Enumerable.Repeat("Softplus(0.5f * ", 60)) + "p" + new string(')', 60);
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass($"[Loss] public static float M(float p) => {body};"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
    }
}

public class NamingTests
{
    [Fact]
    public void Parameter_names_that_shadow_generated_locals_still_compile()
    {
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("""
            [Loss] public static float M(float n, float i, float total, float scale, float t0, float c1, float V, float TVec, float loss, float sum, float block, float nData, float start, float end, float spans, float atDefaults,
                [Hyper] float scaleVector = 1f, [Hyper] float @double = 2f)
                => Square(n - i) + total * scale + t0 * c1 + V * TVec + loss * sum * block + nData + start * end * spans * atDefaults + scaleVector * @double;
            """));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
    }
}
