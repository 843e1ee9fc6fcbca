using LossDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static LossDsl.Generator.Tests.Infrastructure.GeneratorHarness;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>Each LD1xxx: an input that triggers it at the right span, and valid input that does not.</summary>
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

    private static Diagnostic Single(string id, string members, params string[] extraSources)
    {
        var run = RunGenerator([InClass(members), .. extraSources]);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("LD9", StringComparison.Ordinal));
        var matching = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got: {string.Join("; ", run.GeneratorDiagnostics)}");
        return matching[0];
    }

    private static string SpanText(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public void Valid_code_has_no_diagnostics_and_compiles()
    {
        var run = RunGenerator(InClass(Valid));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
        Assert.Single(run.Sources);
    }

    [Fact]
    public void LD1001_not_static()
    {
        var run = RunGenerator("namespace Tests; public partial class Inst { [LossDsl.Loss] public float M(float p) => p; }");
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("LD1001", d.Id);
        Assert.Equal("M", SpanText(d));
    }

    [Fact]
    public void LD1002_containing_type_not_partial()
    {
        var run = RunGenerator("using LossDsl; namespace N; public static partial class Outer { public static class Inner { [Loss] public static float M(float p) => p; } }");
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("LD1002", d.Id);
        Assert.Equal("Inner", SpanText(d));
        Assert.Contains("Inner", d.GetMessage());
    }

    [Fact]
    public void LD1003_return_type()
    {
        var d = Single("LD1003", "[Loss] public static int M(float p) => 1;");
        Assert.Equal("int", SpanText(d));
    }

    [Fact]
    public void LD1004_parameter_type()
    {
        var d = Single("LD1004", "[Loss] public static float M(float p, double t) => p;");
        Assert.Equal("double t", SpanText(d));
        Assert.Contains("'t'", d.GetMessage());
    }

    [Fact]
    public void LD1005_wrt_and_hyper()
    {
        var d = Single("LD1005", "[Loss] public static float M(float p, [Wrt, Hyper] float k) => p * k;");
        Assert.Contains("'k'", d.GetMessage());
    }

    [Fact]
    public void LD1006_no_element_input()
    {
        var d = Single("LD1006", "[Loss] public static float M([Hyper] float k) => k;");
        Assert.Equal("M", SpanText(d));
    }

    [Fact]
    public void LD1007_parameter_modifier()
    {
        var d = Single("LD1007", "[Loss] public static float M(float p, ref float t) => p;");
        Assert.Contains("ref", d.GetMessage());
    }

    [Theory]
    [InlineData("for (int i = 0; i < 3; i++) { } return p;", "for")]
    [InlineData("while (p > 0) { } return p;", "while")]
    [InlineData("float q; q = p; return q;", "q")]
    public void LD1008_unsupported_statement(string body, string spanStart)
    {
        var run = RunGenerator(InClass($"[Loss] public static float M(float p) {{ {body} }}"));
        var d = run.GeneratorDiagnostics.First(x => x.Id is "LD1008" or "LD1009");
        Assert.StartsWith(spanStart.Split(' ')[0], SpanText(d));
    }

    [Fact]
    public void LD1009_mutation()
    {
        var d = Single("LD1009", "[Loss] public static float M(float p) { float q = p; q += 1; return q; }");
        Assert.Equal("q += 1", SpanText(d));
    }

    [Fact]
    public void LD1010_unknown_call_names_the_method()
    {
        var d = Single("LD1010", "[Loss] public static float M(float p) => MathF.Round(p) + p;");
        Assert.Equal("MathF.Round(p)", SpanText(d));
        Assert.Contains("Round", d.GetMessage());
    }

    [Fact]
    public void LD1011_recursion_through_inlining()
    {
        var d = Single("LD1011", """
            [Differentiable] public static float A(float x) => B(x) + 1;
            [Differentiable] public static float B(float x) => A(x) * 2;
            [Loss] public static float M(float p) => A(p);
            """);
        Assert.Contains("A → B → A", d.GetMessage());
    }

    [Theory]
    [InlineData("p % 2f", "%")]
    [InlineData("(float)((int)p << 1)", "<<")]
    public void LD1012_unsupported_operator(string expression, string op)
    {
        var run = RunGenerator(InClass($"[Loss] public static float M(float p) => {expression};"));
        var d = run.GeneratorDiagnostics.First(x => x.Id is "LD1012" or "LD1013");
        if (d.Id == "LD1012") Assert.Contains($"'{op}'", d.GetMessage());
    }

    [Fact]
    public void LD1013_unsupported_expression()
    {
        var d = Single("LD1013", "[Loss] public static float M(float p) => p + \"abc\".Length;");
        Assert.Contains("Length", SpanText(d));
    }

    [Fact]
    public void LD1014_method_without_a_body()
    {
        var d = Single("LD1014", "[Loss] public static extern float M(float p);");
        Assert.Equal("M", SpanText(d));
    }

    [Fact]
    public void A_branch_without_return_falls_through_like_CSharp()
    {
        var run = RunGenerator(InClass("[Loss] public static float M(float p) { if (p > 0) { float q = p; } else if (p < -1) return -p; return p * p; }"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("(p > 0 ? p^2 : (p < -1 ? -p : p^2))", run.Sources.Single().SourceText.ToString());
    }

    [Fact]
    public void LD1015_call_that_cannot_be_inlined()
    {
        var d = Single("LD1015", """
            [Differentiable] public static float H(float x) { for (;;) { } }
            [Loss] public static float M(float p) => H(p);
            """);
        Assert.Equal("H(p)", SpanText(d));
        Assert.Contains("loop", d.GetMessage(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LD1016_generic()
    {
        var d = Single("LD1016", "[Loss] public static float M<T>(float p) => p;");
        Assert.Equal("M", SpanText(d));
    }

    [Fact]
    public void LD1017_reserved_name()
    {
        var d = Single("LD1017", "[Loss] public static float M(float p, [Hyper] float reduction = 1f) => p * reduction;");
        Assert.Equal("reduction", SpanText(d));
    }

    [Fact]
    public void LD1050_unused_wrt_warns_at_a_source_location()
    {
        var d = Single("LD1050", "[Loss] public static float M(float p, [Wrt] float q) => p * p;");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("q", SpanText(d));
        // In-source (tree + span), so the compiler applies #pragma to it; LossDsl.Runtime.Tests builds a
        // suppressed LD1050 with warnings as errors, which fails the build if suppression breaks.
        Assert.True(d.Location.IsInSource);
    }

    [Fact]
    public void Broken_code_produces_no_generator_diagnostic_and_no_crash()
    {
        foreach (string body in new[] { "=> p +;", "=> Undefined(p);", "{ return", "=> (p;", "=> p * q;" })
        {
            var run = RunGenerator(InClass($"[Loss] public static float M(float p) {body}"));
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("LD", StringComparison.Ordinal));
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
            Assert.Empty(run.Sources);
        }
    }
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
