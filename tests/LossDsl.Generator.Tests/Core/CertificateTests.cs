using LossDsl.Generator.Accuracy;
using LossDsl.Generator.Differentiation;
using LossDsl.Generator.Model;
using LossDsl.Generator.Tests.Infrastructure;

namespace LossDsl.Generator.Tests.Core;

/// <summary>The accuracy certificate: its double-double reference, and what it measures on kernels.</summary>
public class CertificateTests
{
    /// <summary>mpmath at 60 digits, split into hi + lo doubles.</summary>
    public static TheoryData<string, double, double, double, double> DoubleDoubleReferences => new()
    {
        { "exp", 1, 0, 2.718281828459045, 1.4456468917292502e-16 },
        { "exp", 300.25, 0, 2.4941248615349213e+130, -6.154945403062824e+113 },
        { "log", 2, 0, 0.6931471805599453, 2.3190468138462996e-17 },
        { "log", 1e300, 0, 690.7755278982137, 2.3747660028800243e-14 },
        { "log", 0.75, 0, -0.2876820724517809, -2.607160616442564e-17 },
        { "log1p", 1e-10, 0, 9.999999999500001e-11, -3.389513322121794e-27 },
        { "expm1", 1e-10, 0, 1.00000000005e-10, 3.3900133221217734e-27 },
        { "expm1", -0.3, 0, -0.2591817793182821, -1.805530505953e-18 },
        { "sqrt", 2, 0, 1.4142135623730951, -9.667293313452913e-17 },
        { "pow", 3, 0.3, 1.3903891703159093, 7.275194645833588e-17 },
    };

    [Theory]
    [MemberData(nameof(DoubleDoubleReferences))]
    public void Double_double_functions_carry_about_100_bits(string function, double x, double y, double hi, double lo)
    {
        DoubleDouble result = function switch
        {
            "exp" => DoubleDouble.Exp(x),
            "log" => DoubleDouble.Log(x),
            "log1p" => DoubleDouble.Log1p(x),
            "expm1" => DoubleDouble.Expm1(x),
            "sqrt" => DoubleDouble.Sqrt(x),
            _ => DoubleDouble.Pow(x, y),
        };
        DoubleDouble error = result - new DoubleDouble(hi, lo);
        Assert.True(Math.Abs(error.ToDouble()) <= 1e-29 * Math.Abs(hi), $"{function}({x}): {result.Hi:R} + {result.Lo:R}, off by {error.ToDouble():R}");
    }

    [Fact]
    public void Double_double_keeps_IEEE_special_cases()
    {
        Assert.Equal(double.PositiveInfinity, DoubleDouble.Exp(710).Hi);
        Assert.Equal(0, DoubleDouble.Exp(-746).Hi);
        Assert.Equal(double.NegativeInfinity, DoubleDouble.Log(0).Hi);
        Assert.True(DoubleDouble.Log(-1).IsNaN);
        Assert.True(DoubleDouble.Sqrt(-1).IsNaN);
        Assert.True((DoubleDouble.NaN + 1).IsNaN);
    }

    private static KernelSpec Compile(string loss) => LossCompiler.Compile(GeneratorHarness.ParseOne(GeneratorHarness.InClass(loss)), default);

    [Fact]
    public void A_plain_loss_is_certified_within_a_few_ulps_in_float_and_in_double()
    {
        foreach (string type in new[] { "float", "double" })
        {
            KernelSpec kernel = Compile($"[Loss] public static {type} Mse({type} p, {type} t) => Square(p - t);");
            Assert.Equal(new[] { "loss", "∂loss/∂p", "∂²loss/∂p²" }, kernel.Accuracy.Select(a => a.Output));
            Assert.All(kernel.Accuracy, a => Assert.True(a.MaxUlps <= 2 && a.NonFinite == 0 && a.Points == Certificate.PointCount, $"{type} {a.Output}: {a.Describe()}"));
        }
    }

    [Fact]
    public void A_literal_kernel_that_overflows_is_non_finite_where_the_rewritten_one_is_accurate()
    {
        KernelSpec literal = Compile("[Loss(Rewrite = false)] public static float S(float x, float y) => Log(1 + Exp(x)) - x * y;");
        KernelSpec rewritten = Compile("[Loss] public static float S(float x, float y) => Log(1 + Exp(x)) - x * y;");
        Assert.All(literal.Accuracy, a => Assert.True(a.IsInaccurate(ScalarType.Float) && a.NonFinite > 0, a.Describe()));
        Assert.All(rewritten.Accuracy, a => Assert.False(a.IsInaccurate(ScalarType.Float), a.Describe()));
        Assert.Contains("x = ", literal.Accuracy[0].WorstAt);
    }

    [Fact]
    public void Double_kernels_are_measured_against_double_double()
    {
        // log(1 + x) for tiny x: 0 in double where the exact value is x (a double reference could not see it is wrong).
        KernelSpec literal = Compile("[Loss(Rewrite = false)] public static double L(double x, double y) => Log(1 + x * x) * y;");
        KernelSpec rewritten = Compile("[Loss] public static double L(double x, double y) => Log(1 + x * x) * y;");
        Assert.True(literal.Accuracy[0].MaxRelativeError > rewritten.Accuracy[0].MaxRelativeError * 1e3, literal.Accuracy[0].Describe() + " vs " + rewritten.Accuracy[0].Describe());
        Assert.True(rewritten.Accuracy[0].MaxUlps < 8, rewritten.Accuracy[0].Describe());
    }

    [Fact]
    public void The_certificate_is_deterministic_and_cached_by_the_loss()
    {
        const string loss = "[Loss] public static float H(float p, float t, [Hyper] float delta = 1f) { float r = p - t; return Abs(r) <= delta ? 0.5f * r * r : delta * (Abs(r) - 0.5f * delta); }";
        var first = Compile(loss).Accuracy;
        var second = Compile(loss.Replace(" H(", " H2(")).Accuracy; // another method, the same loss: the cache
        Assert.Equal(first, second);
        Assert.All(first, a => Assert.False(a.IsInaccurate(ScalarType.Float), a.Describe())); // the kink decided as the kernel does
    }

    [Fact]
    public void Generated_docs_show_the_rewrites_and_the_certificate()
    {
        string source = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("[Loss] public static float B(float x, float y) => -(y * Log(Sigmoid(x)) + (1 - y) * Log(1 - Sigmoid(x)));"))
            .Sources.Single().SourceText.ToString();
        Assert.Contains("/// <para>rewritten: log(sigmoid(x)) → logsigmoid(x)</para>", source);
        Assert.Contains("/// <para>Accuracy of the kernels' float arithmetic at 2048 points, measured by the generator against the same math in double (docs/stability.md):</para>", source);
        Assert.Matches(@"/// <para>loss: ≤ [0-9.E+]+ ulp \(relative error [0-9.E+-]+\) over [0-9]+ points</para>", source);
        Assert.Contains("Rewrites = new string[] { \"log(sigmoid(x)) → logsigmoid(x)\"", source);
        string literal = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("[Loss(Rewrite = false)] public static float B(float x, float y) => Log(Sigmoid(x)) * y;"))
            .Sources.Single().SourceText.ToString();
        Assert.Contains("Stable rewrites: off ([Loss(Rewrite = false)])", literal);
        Assert.Contains("non-finite at", literal);
    }
}
