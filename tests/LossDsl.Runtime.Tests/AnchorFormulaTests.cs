namespace LossDsl.Runtime.Tests;

/// <summary>
/// The catalogue losses added for parity with PyTorch, Keras and optax, against their anchors' formulas written out
/// here independently in double (from the anchors' documentation and source), at random and extreme points; and the
/// semantics each anchor has at its edges.
/// </summary>
public class AnchorFormulaTests
{
    private static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Softplus(double x) => Math.Max(x, 0) + double.LogP1(Math.Exp(-Math.Abs(x)));

    // BCE from a logit, exactly: y·softplus(-x) + (1 - y)·softplus(x).
    private static double BceFromLogit(double x, double y) => y * Softplus(-x) + (1 - y) * Softplus(x);

    private static double TorchBce(double p, double y) => -(y * Math.Max(Math.Log(p), -100) + (1 - y) * Math.Max(Math.Log(1 - p), -100));

    public static TheoryData<string> Anchors => new()
    {
        "WeightedBce", "WeightedBceWithLogits", "PoissonNllFull", "PoissonNllRate", "GaussianNllFull", "MarginRanking", "HingeEmbedding",
        "MeanAbsolutePercentageError", "BinaryFocalCrossentropy", "BalancedBinaryFocalCrossentropy", "Perceptron", "GeneralizedKlDivergence",
        "BinarySparsemax",
    };

    /// <summary>(the scalar [Loss] method, the anchor's formula) at one random point.</summary>
    private static (double Ours, double Anchor, string Point) Case(string name, Random r, bool extreme)
    {
        double Logit() => extreme ? (r.Next(2) * 2 - 1) * Math.Pow(10, r.Next(5)) : 6 * r.NextDouble() - 3;
        float Label() => r.Next(2) * 2 - 1;
        float p = (float)r.NextDouble(), y01 = r.Next(3) switch { 0 => 0f, 1 => 1f, _ => (float)r.NextDouble() };
        float x = (float)Logit(), w = (float)(3 * r.NextDouble());
        switch (name)
        {
            case "WeightedBce":
                return (Losses.WeightedBce(p, y01, w), w * TorchBce(p, y01), $"p={p}, y={y01}, w={w}");
            case "WeightedBceWithLogits":
            {
                const float posWeight = 2.5f;
                // PyTorch: w·[pos_weight·y·softplus(-x) + (1 - y)·softplus(x)].
                double anchor = w * (posWeight * y01 * Softplus(-x) + (1 - y01) * Softplus(x));
                return (Losses.WeightedBceWithLogits(x, y01, w, posWeight), anchor, $"x={x}, y={y01}, w={w}");
            }
            case "PoissonNllFull":
            {
                float logRate = (float)(4 * r.NextDouble() - 2), count = r.Next(4) == 0 ? r.Next(2) : r.Next(40);
                double stirling = count > 1 ? count * Math.Log(count) - count + 0.5 * Math.Log(2 * Math.PI * count) : 0;
                return (Losses.PoissonNllFull(logRate, count), Math.Exp(logRate) - count * logRate + stirling, $"x={logRate}, y={count}");
            }
            case "PoissonNllRate":
            {
                float rate = r.Next(5) == 0 ? 0f : (float)Math.Exp(3 * r.NextDouble() - 1), count = r.Next(20);
                return (Losses.PoissonNllRate(rate, count, 1e-8f), rate - count * Math.Log(rate + 1e-8), $"λ={rate}, y={count}");
            }
            case "GaussianNllFull":
            {
                float mean = (float)Logit(), target = (float)(3 * r.NextDouble()), variance = r.Next(5) == 0 ? 1e-8f : (float)Math.Exp(2 * r.NextDouble() - 1);
                double v = Math.Max(variance, 1e-6f);
                return (Losses.GaussianNllFull(mean, target, variance, 1e-6f), 0.5 * (Math.Log(v) + Math.Pow(mean - target, 2) / v) + 0.5 * Math.Log(2 * Math.PI), $"μ={mean}, y={target}, v={variance}");
            }
            case "MarginRanking":
            {
                float x1 = (float)Logit(), x2 = (float)Logit(), label = Label();
                return (Losses.MarginRanking(x1, x2, label, 0.5f), Math.Max(0, -label * (x1 - x2) + 0.5), $"x1={x1}, x2={x2}, y={label}");
            }
            case "HingeEmbedding":
            {
                float label = Label();
                return (Losses.HingeEmbedding(x, label, 1f), label == 1 ? x : Math.Max(0, 1 - x), $"x={x}, y={label}");
            }
            case "MeanAbsolutePercentageError":
            {
                float target = r.Next(5) == 0 ? 0f : (float)Logit();
                return (Losses.MeanAbsolutePercentageError(x, target), 100 * Math.Abs((target - x) / Math.Max(Math.Abs(target), 1e-7)), $"x={x}, y={target}");
            }
            case "BinaryFocalCrossentropy" or "BalancedBinaryFocalCrossentropy":
            {
                const double gamma = 2, smoothing = 0.1, alpha = 0.25;
                // Keras: y ← y(1 - s) + s/2; p = σ(x); pₜ = y·p + (1 - y)(1 - p); (1 - pₜ)^γ·BCE; balanced: ·(yα + (1 - y)(1 - α)).
                double ys = y01 * (1 - smoothing) + 0.5 * smoothing, prob = Sigmoid(x);
                double pt = ys * prob + (1 - ys) * (1 - prob);
                double focal = Math.Pow(1 - pt, gamma) * BceFromLogit(x, ys);
                return name == "BinaryFocalCrossentropy"
                    ? (Losses.BinaryFocalCrossentropy(x, y01, 2f, 0.1f), focal, $"x={x}, y={y01}")
                    : (Losses.BalancedBinaryFocalCrossentropy(x, y01, 0.25f, 2f, 0.1f), (ys * alpha + (1 - ys) * (1 - alpha)) * focal, $"x={x}, y={y01}");
            }
            case "Perceptron":
            {
                float label = Label();
                return (Losses.Perceptron(x, label), Math.Max(0, -x * label), $"x={x}, y={label}");
            }
            case "GeneralizedKlDivergence":
            {
                float logPrediction = (float)(4 * r.NextDouble() - 3), target = r.Next(4) == 0 ? 0f : (float)(2 * r.NextDouble());
                double kl = target == 0 ? 0 : target * (Math.Log(target) - logPrediction);
                return (Losses.GeneralizedKlDivergence(logPrediction, target), kl + Math.Exp(logPrediction) - target, $"x={logPrediction}, y={target}");
            }
            case "BinarySparsemax":
            {
                float label = r.Next(2);
                // jax.nn.sparse_plus: 0 for z ≤ -1, (z + 1)²/4 for -1 < z < 1, z for z ≥ 1; optax: z = where(label, -x, x).
                double z = label != 0 ? -x : x;
                return (Losses.BinarySparsemax(x, label), z <= -1 ? 0 : z >= 1 ? z : (z + 1) * (z + 1) / 4, $"x={x}, y={label}");
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    [Theory]
    [MemberData(nameof(Anchors))]
    public void Each_loss_is_its_anchors_formula(string name)
    {
        var random = new Random(name.Aggregate(17, (h, c) => h * 31 + c));
        for (int k = 0; k < 400; k++)
        {
            var (ours, anchor, point) = Case(name, random, extreme: k % 4 == 3);
            Assert.True(double.IsFinite(anchor) ? Math.Abs(ours - anchor) <= 2e-6 * Math.Max(1, Math.Abs(anchor)) : ours.Equals((float)anchor),
                $"{name} at {point}: {ours}, the anchor's formula gives {anchor}");
        }
    }

    [Fact]
    public void A_rate_of_zero_has_PyTorchs_eps_and_a_finite_gradient()
    {
        Assert.Equal(-2 * Math.Log(1e-8), Losses.PoissonNllRate(0f, 2f, 1e-8f), 1e-4);
        var gradient = new float[1];
        new Losses.PoissonNllRateLoss(reduction: Reduction.Sum).Backward(new[] { 0f }, new[] { 2f }, gradient);
        Assert.Equal(1 - 2 / 1e-8, gradient[0], 1e-3 * 2e8);
    }

    [Fact]
    public void Margin_ranking_differentiates_both_inputs_with_opposite_signs()
    {
        var loss = new Losses.MarginRankingLoss(margin: 1f, reduction: Reduction.Sum);
        float[] x1 = { 0.2f, 3f }, x2 = { 0.5f, 0f }, y = { 1f, 1f }, g1 = new float[2], h1 = new float[2], g2 = new float[2], h2 = new float[2];
        loss.GradientHessian(x1, x2, y, g1, h1, g2, h2);
        Assert.Equal(new[] { -1f, 0f }, g1); // inside the margin: raise x1, lower x2; beyond it: nothing
        Assert.Equal(new[] { 1f, 0f }, g2);
        Assert.Equal(new[] { 0f, 0f }, h1);
    }

    [Fact]
    public void Hinge_embedding_takes_both_terms_for_a_label_other_than_plus_or_minus_one_as_PyTorch_does()
    {
        Assert.Equal(0.3f + 0.7f, Losses.HingeEmbedding(0.3f, 0f, 1f));
        Assert.Equal(0.3f, Losses.HingeEmbedding(0.3f, 1f, 1f));
        Assert.Equal(0.7f, Losses.HingeEmbedding(0.3f, -1f, 1f));
    }

    [Fact]
    public void Focal_crossentropy_without_smoothing_is_torchvisions_without_alpha()
    {
        foreach (float x in new[] { -1e4f, -20f, -1f, 0f, 2f, 30f, 1e4f })
        {
            foreach (float y in new[] { 0f, 1f, 0.3f })
            {
                AssertRelative(Losses.SigmoidFocal(x, y, alpha: -1f, 2f), Losses.BinaryFocalCrossentropy(x, y, 2f, 0f));
                AssertRelative(Losses.SigmoidFocal(x, y, alpha: 0.25f, 2f), Losses.BalancedBinaryFocalCrossentropy(x, y, alpha: 0.25f, 2f, 0f));
            }
        }
    }

    private static void AssertRelative(float expected, float actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
