using Xunit.Abstractions;

namespace LossDsl.Runtime.Tests.Stability;

/// <summary>
/// Issue 13's acceptance: textbook spellings whose literal kernels are ∞, NaN or wrong are, rewritten, finite and
/// within 3e-4 of 50-digit references at ±1e4; where a rewrite is exact the kernel is the stable spelling's, bit for bit.
/// </summary>
public class StabilityTests(ITestOutputHelper output)
{
    private const double Tolerance = 3e-4;

    /// <summary>Below this the float kernel is in or near subnormals: only finiteness and smallness are asked.</summary>
    private const double Tiny = 1e-30;

    private static ILoss<float> Create(string name, double gamma) => name switch
    {
        "BceThroughLogSigmoid" => new TextbookSpellings.BceThroughLogSigmoidLoss(),
        "BceThroughLogSigmoidLiteral" => new TextbookSpellings.BceThroughLogSigmoidLiteralLoss(),
        "SoftplusSpelled" => new TextbookSpellings.SoftplusSpelledLoss(),
        "SoftplusSpelledLiteral" => new TextbookSpellings.SoftplusSpelledLiteralLoss(),
        "LogCoshSpelled" => new TextbookSpellings.LogCoshSpelledLoss(),
        "LogCoshSpelledLiteral" => new TextbookSpellings.LogCoshSpelledLiteralLoss(),
        "LogSumExpSpelled" => new TextbookSpellings.LogSumExpSpelledLoss(),
        "LogSumExpSpelledLiteral" => new TextbookSpellings.LogSumExpSpelledLiteralLoss(),
        "FocalThroughLogPt" => new TextbookSpellings.FocalThroughLogPtLoss((float)gamma),
        "FocalThroughLogPtLiteral" => new TextbookSpellings.FocalThroughLogPtLiteralLoss((float)gamma),
        "FocalPowWeight" => new TextbookSpellings.FocalPowWeightLoss((float)gamma),
        "FocalPowWeightLiteral" => new TextbookSpellings.FocalPowWeightLiteralLoss((float)gamma),
        "Log1pSpelled" => new TextbookSpellings.Log1pSpelledLoss(),
        "Expm1Spelled" => new TextbookSpellings.Expm1SpelledLoss(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>Loss, gradient and Hessian of one element through the public kernels (Forward per element, GradientHessian).</summary>
    private static (float Value, float Gradient, float Hessian) Evaluate(ILoss<float> loss, float x, float y)
    {
        ReadOnlySpan<float> xs = [x], ys = [y];
        Span<float> value = stackalloc float[1], gradient = stackalloc float[1], hessian = stackalloc float[1];
        loss.Forward(xs, ys, value);
        loss.GradientHessian(xs, ys, gradient, hessian);
        return (value[0], gradient[0], hessian[0]);
    }

    private static bool Within(double exact, float actual) =>
        float.IsFinite(actual) && (Math.Abs(exact) < Tiny ? Math.Abs(actual) <= Tiny * 1e3 : Math.Abs(actual - exact) <= Tolerance * Math.Abs(exact));

    public static TheoryData<string> Spellings => new(StabilityReferences.Points.Select(p => p.Loss).Distinct());

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Rewritten_kernels_are_finite_and_within_3e_4_of_the_50_digit_reference(string name)
    {
        var failures = new List<string>();
        foreach (var p in StabilityReferences.Points.Where(p => p.Loss == name))
        {
            var (value, gradient, hessian) = Evaluate(Create(name, p.Gamma), (float)p.X, (float)p.Y);
            foreach (var (what, exact, actual) in new[] { ("loss", p.Value, value), ("gradient", p.Gradient, gradient), ("Hessian", p.Hessian, hessian) })
            {
                if (!double.IsFinite(exact)) continue;
                if (!Within(exact, actual)) failures.Add($"{what} at x = {p.X}, y = {p.Y}, γ = {p.Gamma}: exact {exact:R}, kernel {actual:R}");
            }
        }
        Assert.True(failures.Count == 0, $"{name}:\n" + string.Join("\n", failures.Take(20)));
    }

    /// <summary>The closing note's "before and after": worst relative error and non-finite count per output.</summary>
    [Fact]
    public void The_literal_kernels_fail_where_the_rewritten_ones_do_not()
    {
        foreach (string name in new[] { "BceThroughLogSigmoid", "SoftplusSpelled", "LogCoshSpelled", "LogSumExpSpelled", "FocalThroughLogPt", "FocalPowWeight" })
        {
            var literal = Score(name + "Literal", name);
            var rewritten = Score(name, name);
            output.WriteLine($"{name,-22} literal: {literal.Text}\n{"",-22} rewritten: {rewritten.Text}");
            Assert.True(literal.Failures > 0, $"{name}: the literal kernel should fail somewhere (else this test has no teeth)");
            Assert.Equal(0, rewritten.Failures);
        }
    }

    private static (int Failures, string Text) Score(string kernel, string references)
    {
        var worst = new double[3];
        var nonFinite = new int[3];
        int failures = 0;
        foreach (var p in StabilityReferences.Points.Where(p => p.Loss == references))
        {
            var (value, gradient, hessian) = Evaluate(Create(kernel, p.Gamma), (float)p.X, (float)p.Y);
            var pairs = new[] { (p.Value, value), (p.Gradient, gradient), (p.Hessian, hessian) };
            for (int o = 0; o < 3; o++)
            {
                var (exact, actual) = pairs[o];
                if (!double.IsFinite(exact)) continue;
                if (!Within(exact, actual)) failures++;
                if (!float.IsFinite(actual)) nonFinite[o]++;
                else if (Math.Abs(exact) >= Tiny) worst[o] = Math.Max(worst[o], Math.Abs(actual - exact) / Math.Abs(exact));
            }
        }
        string[] names = { "loss", "∂", "∂²" };
        return (failures, string.Join("; ", Enumerable.Range(0, 3).Select(o => $"{names[o]} worst {worst[o]:0.##E+0}, non-finite {nonFinite[o]}")));
    }

    /// <summary>Pairs whose rewrite is exact: the rewritten spelling compiles to the stable spelling's program.</summary>
    public static TheoryData<string, string> ExactRewrites => new()
    {
        { "BceThroughLogSigmoid", "BceStable" },
        { "SoftplusSpelled", "SoftplusStable" },
        { "LogCoshSpelled", "LogCoshStable" },
        { "AbsThroughSqrt", "AbsStable" },
        { "Log1pSpelled", "Log1pStable" },
        { "Expm1Spelled", "Expm1Stable" },
    };

    [Theory]
    [MemberData(nameof(ExactRewrites))]
    public void A_rewritten_kernel_is_bitwise_the_stable_spellings(string spelled, string stable)
    {
        ILoss<float> a = Instance(spelled), b = Instance(stable);
        Assert.Equal(Formulas(stable).ToString().Split('\n').Where(l => !l.StartsWith("rewritten")), Formulas(spelled).ToString().Split('\n').Where(l => !l.StartsWith("rewritten")));
        float[] extremes = { -1e4f, -100f, -20f, -1f, -1e-3f, 0f, 1e-3f, 1f, 20f, 100f, 1e4f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e-40f };
        foreach (int n in Widths.Lengths)
        {
            float[] x = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? extremes[i % extremes.Length] : (float)Math.Sin(i) * 30).ToArray();
            float[] y = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 1f : (float)Math.Cos(i)).ToArray();
            var (la, ga, ha) = (new float[n], new float[n], new float[n]);
            var (lb, gb, hb) = (new float[n], new float[n], new float[n]);
            a.Forward(x, y, la);
            a.GradientHessian(x, y, ga, ha);
            b.Forward(x, y, lb);
            b.GradientHessian(x, y, gb, hb);
            Assert.Equal(lb.Select(BitConverter.SingleToInt32Bits), la.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(gb.Select(BitConverter.SingleToInt32Bits), ga.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(hb.Select(BitConverter.SingleToInt32Bits), ha.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(b.Forward(x, y), a.Forward(x, y));
        }
    }

    private static ILoss<float> Instance(string name) => (ILoss<float>)Activator.CreateInstance(typeof(TextbookSpellings).GetNestedType(name + "Loss")!, [Reduction.Mean])!;

    private static LossFormulas Formulas(string name) =>
        (LossFormulas)typeof(TextbookSpellings).GetNestedType(name + "Loss")!.GetProperty("Formulas")!.GetValue(null)!;

    [Fact]
    public void Formulas_list_each_rewrite_and_the_accuracy_certificate()
    {
        LossFormulas rewritten = TextbookSpellings.BceThroughLogSigmoidLoss.Formulas;
        Assert.Equal(new[] { "log(sigmoid(logit)) → logsigmoid(logit)", "1 - sigmoid(logit) → sigmoid(-logit)", "log(sigmoid(-logit)) → logsigmoid(-logit)" }, rewritten.Rewrites);
        Assert.Contains("rewritten: log(sigmoid(logit)) → logsigmoid(logit)", rewritten.ToString());
        Assert.Equal("-(target * logsigmoid(logit) + logsigmoid(-logit) * (1 - target))", rewritten.Loss);
        Assert.Equal(new[] { "loss", "∂loss/∂logit", "∂²loss/∂logit²" }, rewritten.Accuracy.Select(a => a.Output));
        Assert.All(rewritten.Accuracy, a => Assert.True(a.NonFinite == 0 && a.Points > 1000 && a.MaxRelativeError < 1.0 / 4096, a.ToString()));

        LossFormulas literal = TextbookSpellings.BceThroughLogSigmoidLiteralLoss.Formulas;
        Assert.Empty(literal.Rewrites);
        Assert.Equal("-(target * log(sigmoid(logit)) + log(1 - sigmoid(logit)) * (1 - target))", literal.Loss);
        Assert.All(literal.Accuracy, a => Assert.True(a.NonFinite > 0, a.ToString()));
    }

    [Fact]
    public void Rewrite_false_keeps_the_literal_IEEE_semantics()
    {
        // log(1 - σ(20)) in float: σ(20) rounds to 1, so the literal loss is ∞ exactly as the C# method computes it.
        var literal = new TextbookSpellings.BceThroughLogSigmoidLiteralLoss();
        var (value, _, _) = Evaluate(literal, 20f, 0f);
        Assert.Equal(TextbookSpellings.BceThroughLogSigmoidLiteral(20f, 0f), value);
        Assert.True(float.IsPositiveInfinity(value));
        var (stable, _, _) = Evaluate(new TextbookSpellings.BceThroughLogSigmoidLoss(), 20f, 0f);
        Assert.Equal(20f, stable, 1e-5f);
    }

    [Fact]
    public void The_focal_Hessian_with_a_fractional_gamma_is_finite_at_logit_40_and_1e4()
    {
        foreach (float gamma in new[] { 1f, 1.5f, 2f, 3f })
        {
            foreach (float logit in new[] { -1e4f, -1e3f, -40f, 40f, 1e3f, 1e4f })
            {
                foreach (float target in new[] { 0f, 1f })
                {
                    var (value, gradient, hessian) = Evaluate(new TextbookSpellings.FocalPowWeightLoss(gamma), logit, target);
                    Assert.True(float.IsFinite(value) && float.IsFinite(gradient) && float.IsFinite(hessian), $"γ = {gamma}, x = {logit}, y = {target}: {value}, {gradient}, {hessian}");
                }
            }
        }
        // The literal kernel: NaN at logit 40 with γ = 1.5 (issue 13's report), where the exact Hessian is about 1e-43.
        var (_, _, literal) = Evaluate(new TextbookSpellings.FocalPowWeightLiteralLoss(1.5f), 40f, 1f);
        Assert.True(float.IsNaN(literal));
    }

    [Fact]
    public void A_row_log_of_a_sum_of_exps_is_the_LogSumExp_aggregate()
    {
        Assert.Equal(new[] { "log(Σⱼ exp(logits[j])) → logsumexp(logits)" }, TextbookSpellings.CrossEntropySpelledLoss.Formulas.Rewrites);
        var spelled = new TextbookSpellings.CrossEntropySpelledLoss();
        var stable = new TextbookSpellings.CrossEntropyStableLoss();
        foreach (int width in new[] { 1, 2, 7, 16, 33 })
        {
            float[] x = Enumerable.Range(0, 3 * width).Select(i => i % 5 == 0 ? 1e4f : i % 5 == 1 ? -1e4f : (float)Math.Sin(i) * 50).ToArray();
            int[] y = { 0, width - 1, width / 2 };
            var (la, lb) = (new float[3], new float[3]);
            var (ga, gb, ha, hb) = (new float[x.Length], new float[x.Length], new float[x.Length], new float[x.Length]);
            spelled.Forward(x, y, width, la);
            stable.Forward(x, y, width, lb);
            spelled.GradientHessian(x, y, width, ga, ha);
            stable.GradientHessian(x, y, width, gb, hb);
            Assert.All(la.Concat(ga).Concat(ha), v => Assert.True(float.IsFinite(v)));
            Assert.Equal(lb, la);
            Assert.Equal(gb, ga);
            Assert.Equal(hb, ha);
        }
    }
}
