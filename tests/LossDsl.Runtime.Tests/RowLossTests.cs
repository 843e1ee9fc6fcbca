namespace LossDsl.Runtime.Tests;

/// <summary>
/// The row-loss catalogue: generated gradients against central finite differences of the scalar [Loss] method in
/// double (C ∈ {1, 2, 7, 16, 1000}, logits of ±1e4 included), kernels against the scalar method, the scalar methods
/// against written-out PyTorch formulas, and the reduction, ignore-index and class-weight semantics.
/// </summary>
public partial class RowLossTests
{
    public static TheoryData<string, int, bool> GradientCases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (string name in RowCase.Names)
        {
            foreach (int width in new[] { 1, 2, 7, 16, 1000 })
            {
                data.Add(name, width, false);
                data.Add(name, width, true);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void Gradients_match_central_finite_differences_in_double(string name, int width, bool extreme)
    {
        RowCase c = RowCase.Create(name, rows: 5, width, seed: width * 31 + (extreme ? 7 : 0), extreme);
        double[][] gradients = c.KernelGradients();
        int compared = 0;
        var random = new Random(width);
        foreach (int input in c.Differentiated)
        {
            double[] data = c.Inputs[input];
            foreach (int k in ElementsToCheck(c, random))
            {
                int row = k / width;
                double original = data[k];
                double At(double v) { data[k] = v; double loss = c.ScalarLoss(row); data[k] = original; return loss; }
                double g = gradients[input][k];
                Assert.False(double.IsNaN(g) || double.IsInfinity(g), $"{name}: gradient {g} at element {k} where the loss is {c.ScalarLoss(row)}");
                double h = 1e-6 * Math.Max(1, Math.Abs(original));
                double fd = (At(original + h) - At(original - h)) / (2 * h);
                double fdWide = (At(original + 4 * h) - At(original - 4 * h)) / (8 * h);
                if (Math.Abs(fd - fdWide) > 1e-6 * (1 + Math.Abs(fd))) continue; // a kink (hinge, max) within reach
                double scale = 1 + Math.Abs(fd) + Math.Abs(c.ScalarLoss(row)) * 1e-6;
                // Plus central differences' own rounding, ~ε·|loss|/h: a row whose other elements are ±1e4 has a large
                // loss (a squared hinge: ~1e8) that an element of size 1 moves by little.
                double rounding = 8 * 2.2e-16 * Math.Abs(c.ScalarLoss(row)) / h;
                Assert.True(Math.Abs(g - fd) <= 1e-5 * scale + rounding, $"{name}, C = {width}: ∂loss/∂input{input}[{k}] = {g:R}, finite differences {fd:R}");
                compared++;
            }
        }
        Assert.True(compared >= c.Rows, $"{name}: only {compared} smooth points compared");
    }

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void Hessian_diagonals_match_second_central_differences_in_double(string name, int width, bool extreme)
    {
        RowCase c = RowCase.Create(name, rows: 5, width, seed: width * 37 + (extreme ? 5 : 0), extreme);
        var (gradients, hessians) = c.KernelHessians();
        double[][] reduced = c.KernelGradients(); // Reduction.Sum: the same per-row derivatives
        int compared = 0;
        var random = new Random(width);
        foreach (var (input, d) in c.Differentiated.Select((input, d) => (input, d)))
        {
            double[] data = c.Inputs[input];
            for (int k = 0; k < data.Length; k++)
            {
                Assert.Equal(reduced[d][k], gradients[d][k], 1e-12 * (1 + Math.Abs(reduced[d][k])));
                Assert.False(double.IsNaN(hessians[d][k]) || double.IsInfinity(hessians[d][k]), $"{name}: Hessian {hessians[d][k]} at element {k}");
            }
            foreach (int k in ElementsToCheck(c, random))
            {
                int row = k / width;
                double original = data[k];
                double At(double v) { data[k] = v; double loss = c.ScalarLoss(row); data[k] = original; return loss; }
                double Second(double step) => (At(original + step) - 2 * At(original) + At(original - step)) / (step * step);
                double h = 1e-4 * Math.Max(1, Math.Abs(original));
                double fd = Second(h), fdWide = Second(4 * h);
                if (Math.Abs(fd - fdWide) > 1e-4 * (1 + Math.Abs(fd))) continue; // a kink within reach
                double scale = 1 + Math.Abs(fd) + Math.Abs(c.ScalarLoss(row)) * 1e-11 / (h * h); // roundoff ≈ 4ε·|loss|/h²
                Assert.True(Math.Abs(hessians[d][k] - fd) <= 1e-4 * scale, $"{name}, C = {width}: ∂²loss/∂input{input}[{k}]² = {hessians[d][k]:R}, finite differences {fd:R}");
                compared++;
            }
        }
        Assert.True(compared >= c.Rows, $"{name}: only {compared} smooth points compared");
    }

    // Every element for small rows; a sample (with each row's first and last) for C = 1000.
    private static IEnumerable<int> ElementsToCheck(RowCase c, Random random) => c.Width <= 16
        ? Enumerable.Range(0, c.Rows * c.Width)
        : Enumerable.Range(0, c.Rows).SelectMany(r => new[] { r * c.Width, r * c.Width + c.Width - 1, r * c.Width + random.Next(c.Width), r * c.Width + random.Next(c.Width) });

    public static TheoryData<string, int> KernelCases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in RowCase.Names)
        {
            foreach (int width in Widths.Lengths.Where(w => w > 0)) data.Add(name, width);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KernelCases))]
    public void Per_row_kernel_losses_equal_the_scalar_method_at_every_width(string name, int width)
    {
        // Widths 1 … 3 vectors + 1: the widest vectors, the narrower ones and the scalar tail of each pass.
        RowCase c = RowCase.Create(name, rows: 3, width, seed: width);
        double[] losses = c.KernelLosses();
        for (int r = 0; r < c.Rows; r++) Numeric.Close(c.ScalarLoss(r), losses[r], 1e-12, $"{name}, C = {width}, row {r}");
    }

    [Fact]
    public void Scalar_methods_equal_written_out_PyTorch_formulas()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 50; trial++)
        {
            int c = 1 + random.Next(12);
            double[] x = Enumerable.Range(0, c).Select(_ => random.NextDouble() * 8 - 4).ToArray();
            double[] x2 = Enumerable.Range(0, c).Select(_ => random.NextDouble() * 8 - 4).ToArray();
            double[] x3 = Enumerable.Range(0, c).Select(_ => random.NextDouble() * 8 - 4).ToArray();
            double[] p = Enumerable.Range(0, c).Select(_ => random.NextDouble()).ToArray();
            double[] t = Enumerable.Range(0, c).Select(_ => random.Next(3) == 0 ? 0 : random.NextDouble()).ToArray();
            double[] w = Enumerable.Range(0, c).Select(_ => 0.5 + random.NextDouble()).ToArray();
            int y = random.Next(c);
            double eps = random.NextDouble() * 0.3;
            double[] logp = Reference.LogSoftmax(x);
            string at = $"trial {trial}, C = {c}";

            // CrossEntropyLoss(label_smoothing=ε): -Σ q log p with q = (1-ε)·onehot + ε/C.
            double ce = -Enumerable.Range(0, c).Sum(j => ((j == y ? 1 - eps : 0) + eps / c) * logp[j]);
            Numeric.Close(ce, RowLossesInDouble.CrossEntropy(x, y, eps), 1e-12, "CrossEntropy " + at);
            // With weight: (1-ε)·w[y]·(-log p[y]) + ε/C·Σ w_c·(-log p_c) (PyTorch's cross_entropy_loss_label_smoothing).
            double weighted = (1 - eps) * w[y] * -logp[y] + eps / c * Enumerable.Range(0, c).Sum(j => w[j] * -logp[j]);
            Numeric.Close(weighted, RowLossesInDouble.WeightedCrossEntropy(x, y, w, eps), 1e-12, "WeightedCrossEntropy " + at);
            double tSum = t.Sum();
            double[] q = t.Select(v => (1 - eps) * v + eps / c).ToArray();
            Numeric.Close(-Enumerable.Range(0, c).Sum(j => q[j] * logp[j]), RowLossesInDouble.CrossEntropyWithProbabilities(x, t, eps), 1e-12, "CE probabilities " + at);
            Numeric.Close(-logp[y], RowLossesInDouble.Nll(logp, y), 1e-15, "Nll " + at);
            // kl_div: xlogy(t, t) - t·x summed over the row (batchmean averages rows).
            Numeric.Close(Enumerable.Range(0, c).Sum(j => (t[j] > 0 ? t[j] * Math.Log(t[j]) : 0) - t[j] * logp[j]), RowLossesInDouble.KlDivergence(logp, t), 1e-12, "KL " + at);
            double[] logt = Reference.LogSoftmax(x2);
            Numeric.Close(Enumerable.Range(0, c).Sum(j => Math.Exp(logt[j]) * (logt[j] - logp[j])), RowLossesInDouble.KlDivergenceLogTarget(logp, logt), 1e-12, "KL log target " + at);
            double tp = Enumerable.Range(0, c).Sum(j => p[j] * t[j]);
            Numeric.Close(1 - (2 * tp + 1) / (p.Sum() + tSum + 1), RowLossesInDouble.Dice(p, t, 1), 1e-12, "Dice " + at);
            double fp = Enumerable.Range(0, c).Sum(j => p[j] * (1 - t[j])), fn = Enumerable.Range(0, c).Sum(j => (1 - p[j]) * t[j]);
            Numeric.Close(1 - (tp + 1) / (tp + 0.3 * fp + 0.7 * fn + 1), RowLossesInDouble.Tversky(p, t, 0.3, 0.7, 1), 1e-12, "Tversky " + at);
            // cosine_embedding_loss: EPSILON = 1e-12 added to each squared magnitude.
            double cos = Enumerable.Range(0, c).Sum(j => x[j] * x2[j]) / Math.Sqrt((x.Sum(v => v * v) + 1e-12) * (x2.Sum(v => v * v) + 1e-12));
            Numeric.Close(1 - cos, RowLossesInDouble.CosineEmbedding(x, x2, 1, eps), 1e-12, "Cosine y = 1 " + at);
            Numeric.Close(Math.Max(0, cos - eps), RowLossesInDouble.CosineEmbedding(x, x2, -1, eps), 1e-12, "Cosine y = -1 " + at);
            Numeric.Close(0, RowLossesInDouble.CosineEmbedding(x, x2, 0.5, eps), 1e-12, "Cosine y = 0.5 " + at);
            // pairwise_distance(a, b, p=2, eps) = ‖a - b + eps‖.
            double Distance(double[] a, double[] b) => Math.Sqrt(Enumerable.Range(0, c).Sum(j => Math.Pow(a[j] - b[j] + 1e-6, 2)));
            Numeric.Close(Math.Max(Distance(x, x2) - Distance(x, x3) + 1, 0), RowLossesInDouble.TripletMargin(x, x2, x3, 1, 1e-6), 1e-12, "Triplet " + at);
            double hinge = Enumerable.Range(0, c).Where(j => j != y).Sum(j => Math.Max(0, 1 - x[y] + x[j])) / c;
            Numeric.Close(hinge, RowLossesInDouble.MultiMargin(x, y, 1), 1e-12, "MultiMargin " + at);
        }
    }

    [Fact]
    public void The_parity_losses_equal_their_anchors_formulas()
    {
        var random = new Random(11);
        double Softplus(double v) => Math.Max(v, 0) + double.LogP1(Math.Exp(-Math.Abs(v)));
        double LogSigmoid(double v) => -Softplus(-v);
        for (int trial = 0; trial < 50; trial++)
        {
            int c = 1 + random.Next(12);
            double[] x = Enumerable.Range(0, c).Select(_ => random.NextDouble() * 8 - 4).ToArray();
            double[] t = Enumerable.Range(0, c).Select(_ => random.NextDouble() * 8 - 4).ToArray();
            double[] m = Enumerable.Range(0, c).Select(_ => (double)random.Next(2)).ToArray();
            double[] w = Enumerable.Range(0, c).Select(_ => 0.5 + random.NextDouble()).ToArray();
            double[] relevance = Enumerable.Range(0, c).Select(_ => (double)random.Next(4)).ToArray();
            int y = random.Next(c);
            double[] logp = Reference.LogSoftmax(x);
            string at = $"trial {trial}, C = {c}";

            // PyTorch multi_margin_loss: Σ_{j≠y} w[y]·max(0, margin - x[y] + x[j])^p / C.
            double Margin(int p, double weight) => Enumerable.Range(0, c).Where(j => j != y).Sum(j => weight * Math.Pow(Math.Max(0, 1 - x[y] + x[j]), p)) / c;
            Numeric.Close(Margin(2, 1), RowLossesInDouble.MultiMarginSquared(x, y, 1), 1e-12, "MultiMarginSquared " + at);
            Numeric.Close(Margin(1, w[y]), RowLossesInDouble.WeightedMultiMargin(x, y, w, 1), 1e-12, "WeightedMultiMargin " + at);
            Numeric.Close(Margin(2, w[y]), RowLossesInDouble.WeightedMultiMarginSquared(x, y, w, 1), 1e-12, "WeightedMultiMarginSquared " + at);
            // PyTorch multilabel_soft_margin_loss: -mean_j w_j·(y_j·logσ(x_j) + (1 - y_j)·logσ(-x_j)).
            double SoftMargin(double[] weight) => -Enumerable.Range(0, c).Sum(j => weight[j] * (m[j] * LogSigmoid(x[j]) + (1 - m[j]) * LogSigmoid(-x[j]))) / c;
            Numeric.Close(SoftMargin(Enumerable.Repeat(1.0, c).ToArray()), RowLossesInDouble.MultiLabelSoftMargin(x, m), 1e-12, "MultiLabelSoftMargin " + at);
            Numeric.Close(SoftMargin(w), RowLossesInDouble.WeightedMultiLabelSoftMargin(x, m, w), 1e-12, "WeightedMultiLabelSoftMargin " + at);
            // Keras cosine_similarity: -Σ l2_normalize(p)·l2_normalize(t), l2_normalize(v) = v / sqrt(max(Σv², 1e-12)).
            double Norm(double[] v) => Math.Sqrt(Math.Max(v.Sum(e => e * e), 1e-12));
            Numeric.Close(-Enumerable.Range(0, c).Sum(j => x[j] / Norm(x) * t[j] / Norm(t)), RowLossesInDouble.CosineSimilarity(x, t), 1e-12, "CosineSimilarity " + at);
            // optax poly_loss_cross_entropy with one-hot labels: CE + ε·(1 - p_y).
            Numeric.Close(-logp[y] + 2 * (1 - Math.Exp(logp[y])), RowLossesInDouble.PolyLossCrossEntropy(x, y, 2), 1e-12, "PolyLoss " + at);
            // Keras categorical_focal_crossentropy with one-hot labels: Σ_j α·(1 - p_j)^γ·(-y_j·log p_j).
            Numeric.Close(0.25 * Math.Pow(1 - Math.Exp(logp[y]), 2) * -logp[y], RowLossesInDouble.CategoricalFocalCrossentropy(x, y, 0.25, 2), 1e-12, "CategoricalFocal " + at);
            // optax multiclass_perceptron_loss: max_j x_j - x[y].
            Numeric.Close(x.Max() - x[y], RowLossesInDouble.MulticlassPerceptron(x, y), 1e-15, "MulticlassPerceptron " + at);
            // PyTorch triplet_margin_loss: pairwise_distance(u, v, p, eps) = ‖u - v + eps‖ₚ; swap: d(a, n) ← min(d(a, n), d(p, n)).
            double Distance(double[] u, double[] v, double p) => Math.Pow(Enumerable.Range(0, c).Sum(j => Math.Pow(Math.Abs(u[j] - v[j] + 1e-6), p)), 1 / p);
            double[] n = Enumerable.Range(0, c).Select(_ => random.NextDouble() * 8 - 4).ToArray();
            Numeric.Close(Math.Max(Distance(x, t, 3) - Distance(x, n, 3) + 1, 0), RowLossesInDouble.TripletMarginPNorm(x, t, n, 1, 3, 1e-6), 1e-12, "Triplet p = 3 " + at);
            Numeric.Close(Math.Max(Distance(x, t, 1) - Distance(x, n, 1) + 1, 0), RowLossesInDouble.TripletMarginL1(x, t, n, 1, 1e-6), 1e-12, "Triplet p = 1 " + at);
            Numeric.Close(Math.Max(Distance(x, t, 2) - Math.Min(Distance(x, n, 2), Distance(t, n, 2)) + 1, 0), RowLossesInDouble.TripletMarginSwap(x, t, n, 1, 1e-6), 1e-12, "Triplet swap " + at);
            // optax ranking_softmax_loss: -Σ y_i·log_softmax(s)_i.
            Numeric.Close(-Enumerable.Range(0, c).Sum(j => relevance[j] * logp[j]), RowLossesInDouble.RankingSoftmax(x, relevance), 1e-12, "RankingSoftmax " + at);
        }
    }

    [Fact]
    public void The_parity_losses_stay_finite_at_zero_rows_extreme_logits_and_ties()
    {
        const int width = 4;
        float[] zeros = new float[2 * width], tied = { 3f, 3f, -1f, 0f, 1e4f, -1e4f, 1e4f, 0f };
        float[] gradient = new float[2 * width];
        // A zero row: the norms' floor keeps the cosine 0 with a finite gradient (Keras' l2_normalize).
        Assert.Equal(0f, new RowLosses.CosineSimilarityLoss().ForwardBackward(zeros, tied, width, gradient));
        Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
        // Tied maxima: every tied element gets Max's derivative 1 (the language's convention, dsl-reference.md), the label -1.
        float value = new RowLosses.MulticlassPerceptronLoss(reduction: Reduction.Sum).ForwardBackward(tied, new[] { 2, 1 }, width, gradient);
        Assert.Equal(4f + 2e4f, value);
        Assert.Equal(new[] { 1f, 1f, -1f, 0f }, gradient.Take(width));
        // ±1e4 logits: finite losses and gradients, the focal and poly losses' 1 - pₜ computed without cancellation.
        foreach (var loss in new Func<float>[]
        {
            () => new RowLosses.CategoricalFocalCrossentropyLoss().ForwardBackward(tied, new[] { 2, 1 }, width, gradient),
            () => new RowLosses.PolyLossCrossEntropyLoss().ForwardBackward(tied, new[] { 2, 1 }, width, gradient),
            () => new RowLosses.MultiLabelSoftMarginLoss().ForwardBackward(tied, new[] { 1f, 0f, 1f, 0f, 1f, 1f, 0f, 0f }, width, gradient),
        })
        {
            Assert.True(float.IsFinite(loss()));
            Assert.All(gradient, g => Assert.True(float.IsFinite(g)));
        }
    }

    [Fact]
    public void Float_cross_entropy_kernels_match_the_double_reference_with_extreme_logits()
    {
        const int width = 37;
        float[] x = Numeric.Random(6 * width, 3, 5f);
        for (int j = 0; j < width; j++) { x[j] = j % 2 == 0 ? 1e4f : -1e4f; x[width + j] = -1e4f + j; }
        int[] y = { 1, 0, 5, 36, 2, 3 };
        var loss = new RowLosses.CrossEntropyLoss(labelSmoothing: 0.1f);
        float[] gradient = new float[x.Length];
        float mean = loss.ForwardBackward(x, y, width, gradient);
        double expected = 0;
        for (int r = 0; r < 6; r++)
        {
            double[] row = x.AsSpan(r * width, width).ToArray().Select(v => (double)v).ToArray();
            expected += RowLossesInDouble.CrossEntropy(row, y[r], 0.1f) / 6;
            double[] logp = Reference.LogSoftmax(row);
            for (int j = 0; j < width; j++)
            {
                double g = (Math.Exp(logp[j]) - (j == y[r] ? 0.9f : 0) - 0.1f / width) / 6;
                Assert.True(Math.Abs(gradient[r * width + j] - g) <= 1e-6, $"row {r}, class {j}: {gradient[r * width + j]} vs {g}");
            }
        }
        Assert.True(Math.Abs(mean - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"{mean} vs {expected}");
    }

    [Fact]
    public void Ignored_rows_have_zero_loss_and_gradient_and_do_not_count_in_the_mean()
    {
        const int width = 5;
        double[] x = Enumerable.Range(0, 4 * width).Select(i => Math.Sin(i)).ToArray();
        int[] y = { 2, -100, 4, -100 };
        var mean = new RowLossesInDouble.CrossEntropyLoss(labelSmoothing: 0.05);
        double[] gradient = Enumerable.Repeat(double.NaN, x.Length).ToArray();
        double value = mean.ForwardBackward(x, y, width, gradient);
        double expected = (RowLossesInDouble.CrossEntropy(x.AsSpan(0, width), 2, 0.05) + RowLossesInDouble.CrossEntropy(x.AsSpan(2 * width, width), 4, 0.05)) / 2;
        Numeric.Close(expected, value, 1e-13, "mean over the two counted rows");
        Assert.All(gradient.Skip(width).Take(width).Concat(gradient.Skip(3 * width)), g => Assert.Equal(0, g));
        double[] losses = new double[4];
        mean.Forward(x, y, width, losses);
        Assert.Equal(0, losses[1]);
        Assert.Equal(0, losses[3]);
        Assert.True(double.IsNaN(mean.Forward(x, new[] { -100, -100, -100, -100 }, width)), "the mean over no counted rows is NaN, as PyTorch");
        Assert.Equal(0, new RowLossesInDouble.CrossEntropyLoss(ignoreIndex: 4, reduction: Reduction.Sum).Forward(x.AsSpan(2 * width, width), new[] { 4 }, width));
    }

    [Fact]
    public void Weighted_mean_divides_by_the_summed_weights_of_the_labels()
    {
        const int width = 3;
        double[] x = { 1, 2, 3, -1, 0, 4, 2, 2, 2 };
        int[] y = { 0, 2, -100 };
        double[] w = { 0.5, 1, 3 };
        var loss = new RowLossesInDouble.WeightedCrossEntropyLoss(w);
        double expected = (RowLossesInDouble.WeightedCrossEntropy(x.AsSpan(0, 3), 0, w, 0) + RowLossesInDouble.WeightedCrossEntropy(x.AsSpan(3, 3), 2, w, 0)) / (0.5 + 3);
        Numeric.Close(expected, loss.Forward(x, y, width), 1e-13, "weighted mean");
        double[] gradient = new double[9];
        loss.Backward(x, y, width, gradient);
        double[] p = Reference.LogSoftmax(x.Take(3).ToArray()).Select(Math.Exp).ToArray();
        for (int j = 0; j < 3; j++) Numeric.Close(0.5 * (p[j] - (j == 0 ? 1 : 0)) / 3.5, gradient[j], 1e-13, $"∂/∂x[0, {j}]");
        w[0] = 100; // the loss keeps its own copy
        Numeric.Close(expected, loss.Forward(x, y, width), 1e-13, "after the caller's array changed");
    }

    [Fact]
    public void Extreme_rows_stay_finite_and_NaN_stays_in_its_row()
    {
        const int width = 19;
        float[] x = new float[3 * width];
        for (int j = 0; j < width; j++) { x[j] = j == 3 ? 1e4f : -1e4f; x[width + j] = 1e-40f * j; x[2 * width + j] = j; }
        x[2 * width + 5] = float.NaN;
        int[] y = { 4, 0, 1 };
        float[] losses = new float[3];
        var loss = new RowLosses.CrossEntropyLoss();
        loss.Forward(x, y, width, losses);
        Assert.Equal(2e4f, losses[0]);
        Assert.Equal(MathF.Log(width), losses[1], 5);
        Assert.True(float.IsNaN(losses[2]));
        // A +∞ logit: logsumexp is +∞ (as PyTorch's), so the loss is not finite (here 0·mean(x) = 0·∞ adds a NaN;
        // PyTorch skips the smoothing term when ε = 0 and gives +∞), and no other row is touched.
        float[] infinite = { float.PositiveInfinity, 0, 1, 2, 3, 0, 1, 2, 3, 4 };
        float[] two = new float[2];
        loss.Forward(infinite, new[] { 1, 0 }, 5, two);
        Assert.False(float.IsFinite(two[0]));
        Assert.Equal(RowLossesInDouble.CrossEntropy(new double[] { 0, 1, 2, 3, 4 }, 0, 0), two[1], 5);
        Assert.Equal(double.PositiveInfinity, new LseLoss().Forward(infinite.Take(5).Select(v => (double)v).ToArray(), 5));
        float[] gradient = new float[x.Length];
        loss.Backward(x.AsSpan(0, 2 * width), y.AsSpan(0, 2), width, gradient.AsSpan(0, 2 * width));
        Assert.All(gradient.Take(2 * width), g => Assert.True(float.IsFinite(g)));
        Assert.Equal(0.5f, gradient[3], 6);
        Assert.Equal(-0.5f, gradient[4], 6);
    }

    [Fact]
    public void A_NaN_row_after_a_row_whose_shift_it_reuses_is_NaN_and_the_next_row_is_right()
    {
        // The sum pass reuses the previous row's maximum as its shift (checked by the maximum it tracks): a NaN anywhere
        // (vector body or scalar tail) still makes that row's loss and every gradient element NaN, and only that row's.
        const int width = 19, rows = 5;
        float[] x = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < width; j++) x[r * width + j] = 0.25f * j - r;
        }
        x[1 * width + 5] = float.NaN;  // in a vector
        x[3 * width + 17] = float.NaN; // in the tail
        int[] y = { 2, 3, 4, 5, 6 };
        float[] losses = new float[rows], gradient = new float[x.Length];
        var loss = new RowLosses.CrossEntropyLoss(reduction: Reduction.Sum);
        loss.Forward(x, y, width, losses);
        loss.ForwardBackward(x, y, width, gradient);
        foreach (int r in new[] { 0, 2, 4 })
        {
            double[] row = x.Skip(r * width).Take(width).Select(v => (double)v).ToArray();
            Assert.Equal(RowLossesInDouble.CrossEntropy(row, y[r], 0), losses[r], 5);
            Assert.All(gradient.Skip(r * width).Take(width), g => Assert.True(float.IsFinite(g)));
        }
        foreach (int r in new[] { 1, 3 })
        {
            Assert.True(float.IsNaN(losses[r]), $"row {r}: {losses[r]}");
            Assert.All(gradient.Skip(r * width).Take(width), g => Assert.True(float.IsNaN(g), $"row {r}: gradient {g}"));
        }
    }

    [Fact]
    public void Misuse_is_an_ArgumentException_naming_the_parameter_and_nothing_is_written()
    {
        var loss = new RowLosses.CrossEntropyLoss();
        float[] x = new float[12], gradient = Enumerable.Repeat(7f, 12).ToArray();
        void Unwritten() => Assert.All(gradient, g => Assert.Equal(7f, g));
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => loss.Backward(x, new[] { 0, 0 }, 0, gradient)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => loss.Backward(x, new[] { 0, 0 }, 5, gradient)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => loss.Backward(x, new[] { 0, 0, 0 }, 6, gradient)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => loss.Backward(x, new[] { 0, 6 }, 6, gradient)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => loss.Backward(x, new[] { -1, 0 }, 6, gradient)).ParamName);
        Assert.Equal("logitsGradient", Assert.Throws<ArgumentException>(() => loss.Backward(x, new[] { 0, 0 }, 6, gradient.AsSpan(1))).ParamName);
        Assert.Equal("logitsGradient", Assert.Throws<ArgumentException>(() => loss.Backward(x, new[] { 0, 0 }, 6, x)).ParamName);
        Unwritten();
        Assert.Equal("losses", Assert.Throws<ArgumentException>(() => loss.Forward(x, new[] { 0, 0 }, 6, new float[3])).ParamName);
        Assert.Equal("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => new RowLosses.CrossEntropyLoss(labelSmoothing: 1.5f)).ParamName);
        Assert.Equal("weight", Assert.Throws<ArgumentNullException>(() => new RowLosses.WeightedCrossEntropyLoss(null!)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentException>(() => new RowLosses.WeightedCrossEntropyLoss(new float[5]).Forward(x, new[] { 0, 0 }, 6)).ParamName);
        Assert.Equal("x2", Assert.Throws<ArgumentException>(() => new RowLosses.CosineEmbeddingLoss().Forward(x, new float[6], new float[2], 6)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => new RowLosses.CosineEmbeddingLoss().Forward(x, x, new float[3], 6)).ParamName);
        Assert.True(float.IsNaN(loss.Forward(ReadOnlySpan<float>.Empty, ReadOnlySpan<int>.Empty, 4)), "no rows: the mean is NaN, as PyTorch");
    }

    [Fact]
    public void Row_losses_of_the_common_shapes_implement_the_training_interfaces()
    {
        Assert.IsAssignableFrom<IClassificationLoss<float>>(new RowLosses.CrossEntropyLoss());
        Assert.IsAssignableFrom<IClassificationLoss<float>>(new RowLosses.WeightedCrossEntropyLoss(new float[3]));
        Assert.IsAssignableFrom<IClassificationLoss<float>>(new RowLosses.NllLoss());
        Assert.IsAssignableFrom<IClassificationLoss<float>>(new RowLosses.MultiMarginLoss());
        foreach (object loss in new object[] { new RowLosses.CrossEntropyWithProbabilitiesLoss(), new RowLosses.KlDivergenceLoss(), new RowLosses.KlDivergenceLogTargetLoss(), new RowLosses.DiceLoss(), new RowLosses.TverskyLoss() })
        {
            Assert.IsAssignableFrom<IRowLoss<float>>(loss);
        }
        Assert.False(typeof(IRowLoss<float>).IsAssignableFrom(typeof(RowLosses.CosineEmbeddingLoss))); // two differentiated rows and a per-row target
    }

    [Fact]
    public void One_generic_loop_trains_a_softmax_classifier_with_any_classification_loss()
    {
        Assert.True(Train(new RowLosses.CrossEntropyLoss(labelSmoothing: 0.1f)) >= 0.9);
        Assert.True(Train(new RowLosses.MultiMarginLoss()) >= 0.9);

        static double Train<TLoss>(TLoss loss) where TLoss : IClassificationLoss<float>
        {
            const int classes = 4, points = 400, features = 2;
            var random = new Random(3);
            float[] x = new float[points * features];
            int[] labels = new int[points];
            for (int i = 0; i < points; i++)
            {
                labels[i] = i % classes;
                x[2 * i] = MathF.Cos(MathF.PI / 2 * labels[i]) * 3 + (float)random.NextDouble() - 0.5f;
                x[2 * i + 1] = MathF.Sin(MathF.PI / 2 * labels[i]) * 3 + (float)random.NextDouble() - 0.5f;
            }
            float[] w = new float[classes * (features + 1)], scores = new float[points * classes], gradient = new float[scores.Length];
            for (int step = 0; step < 100; step++)
            {
                for (int i = 0; i < points; i++)
                {
                    for (int c = 0; c < classes; c++) scores[i * classes + c] = w[3 * c] * x[2 * i] + w[3 * c + 1] * x[2 * i + 1] + w[3 * c + 2];
                }
                loss.ForwardBackward(scores, labels, classes, gradient);
                for (int i = 0; i < points; i++)
                {
                    for (int c = 0; c < classes; c++)
                    {
                        float g = gradient[i * classes + c];
                        (w[3 * c], w[3 * c + 1], w[3 * c + 2]) = (w[3 * c] - g * x[2 * i], w[3 * c + 1] - g * x[2 * i + 1], w[3 * c + 2] - g);
                    }
                }
            }
            int correct = Enumerable.Range(0, points).Count(i =>
                Enumerable.Range(0, classes).MaxBy(c => scores[i * classes + c]) == labels[i]);
            return (double)correct / points;
        }
    }

    [Fact]
    public void Rows_whose_maximum_jumps_match_the_scalar_method()
    {
        // The kernel reuses the previous row's maximum as its shift while the new maximum stays within
        // [-20, +64] of it, and recomputes it otherwise: every kind of jump, NaN and infinities between rows.
        const int width = 37;
        double[] offsets = { 0, 1, 63, 130, -19, -25, 1e4, -1e4, double.NaN, 0, double.NegativeInfinity, 5, 69, 2 };
        double[] x = new double[offsets.Length * width];
        for (int r = 0; r < offsets.Length; r++)
        {
            for (int j = 0; j < width; j++) x[r * width + j] = offsets[r] + Math.Sin(r * 31 + j) * 3;
        }
        int[] y = Enumerable.Range(0, offsets.Length).Select(r => r * 7 % width).ToArray();
        var loss = new RowLossesInDouble.CrossEntropyLoss(labelSmoothing: 0.1, reduction: Reduction.Sum);
        double[] losses = new double[offsets.Length], gradient = new double[x.Length];
        loss.Forward(x, y, width, losses);
        loss.Backward(x, y, width, gradient);
        for (int r = 0; r < offsets.Length; r++)
        {
            double[] row = x.AsSpan(r * width, width).ToArray();
            Numeric.Close(RowLossesInDouble.CrossEntropy(row, y[r], 0.1), losses[r], 1e-12, $"row {r} (offset {offsets[r]})");
            if (!double.IsFinite(offsets[r])) continue;
            double[] p = Reference.LogSoftmax(row).Select(Math.Exp).ToArray();
            for (int j = 0; j < width; j++) Numeric.Close(p[j] - (j == y[r] ? 0.9 : 0) - 0.1 / width, gradient[r * width + j], 1e-12, $"row {r}, class {j}");
        }
        float[] xf = x.Select(v => (float)v).ToArray();
        float[] lf = new float[offsets.Length];
        new RowLosses.CrossEntropyLoss(labelSmoothing: 0.1f).Forward(xf, y, width, lf);
        for (int r = 0; r < offsets.Length; r++)
        {
            double expected = RowLossesInDouble.CrossEntropy(xf.AsSpan(r * width, width).ToArray().Select(v => (double)v).ToArray(), y[r], 0.1f);
            // The loss is lse - 0.9·x[y] - 0.1·mean in float: logits of 1e4 leave it ulp(1e4) ≈ 1e-3 of cancellation error.
            double tolerance = 1e-6 * (1 + (double.IsFinite(offsets[r]) ? Math.Abs(offsets[r]) : 0)) * 4;
            Assert.True(double.IsNaN(expected) ? float.IsNaN(lf[r]) : Math.Abs(expected - lf[r]) <= tolerance * Math.Max(1, Math.Abs(expected)),
                $"float row {r} (offset {offsets[r]}): expected {expected}, got {lf[r]}");
        }
    }

    [Fact]
    public void Triplet_gradient_is_finite_at_a_zero_distance()
    {
        // With eps = 0 and anchor = positive, ‖a - p‖ = 0: its gradient is 0/0 unless taken as the subgradient 0.
        double[] a = { 1, 2, 3 }, n = { 4, 2, 0 };
        var loss = new RowLossesInDouble.TripletMarginLoss(margin: 10, eps: 0, reduction: Reduction.Sum);
        double[] ga = new double[3], gp = new double[3], gn = new double[3];
        double value = loss.ForwardBackward(a, a, n, 3, ga, gp, gn);
        Numeric.Close(10 - Math.Sqrt(18), value, 1e-14, "loss");
        Assert.All(ga.Concat(gp).Concat(gn), g => Assert.True(double.IsFinite(g)));
        Assert.All(gp, g => Assert.Equal(0, g)); // only the negative distance moves
        for (int j = 0; j < 3; j++) Numeric.Close((a[j] - n[j]) / Math.Sqrt(18), gn[j], 1e-14, $"∂/∂negative[{j}]"); // the loss has -‖a - n‖
    }

    [Fact]
    public void Norm_has_the_subgradient_0_at_a_zero_row()
    {
        var loss = new NormLossLoss(Reduction.Sum);
        double[] x = { 0, 0, 0, 3, 4, 0 }, gradient = new double[6];
        Assert.Equal(5.0, loss.ForwardBackward(x, 3, gradient));
        Assert.Equal(new[] { 0, 0, 0, 0.6, 0.8, 0 }, gradient.Select(g => Math.Round(g, 15)));
    }

    [Loss]
    public static double NormLoss(ReadOnlySpan<double> x) => LossMath.Norm(x);

    [Loss]
    public static double Lse(ReadOnlySpan<double> x) => LossMath.LogSumExp(x);

    [Fact]
    public void Parallel_rows_give_bitwise_the_serial_results()
    {
        const int width = 1000, rows = 333; // 333 000 values: several chunks of rows
        float[] x = Numeric.Random(rows * width, 11, 6f), x2 = Numeric.Random(rows * width, 12, 6f);
        int[] y = Enumerable.Range(0, rows).Select(r => r % 7 == 0 ? -100 : r * 37 % width).ToArray();
        float[] target = Enumerable.Range(0, rows).Select(r => r % 2 == 0 ? 1f : -1f).ToArray();
        float[] w = Enumerable.Range(0, width).Select(j => 0.5f + j % 3).ToArray();

        var serial = new RowLosses.WeightedCrossEntropyLoss(w, labelSmoothing: 0.1f);
        var parallel = new RowLosses.WeightedCrossEntropyLoss(w, labelSmoothing: 0.1f) { DegreeOfParallelism = 3 };
        float[] g1 = new float[x.Length], g2 = new float[x.Length];
        Assert.Equal(serial.ForwardBackward(x, y, width, g1), parallel.ForwardBackward(x, y, width, g2));
        Assert.Equal(g1, g2);
        float[] l1 = new float[rows], l2 = new float[rows];
        serial.Forward(x, y, width, l1);
        parallel.Forward(x, y, width, l2);
        Assert.Equal(l1, l2);

        var cosine = new RowLosses.CosineEmbeddingLoss(margin: 0.3f);
        var cosineParallel = new RowLosses.CosineEmbeddingLoss(margin: 0.3f) { DegreeOfParallelism = 2 };
        float[] a1 = new float[x.Length], b1 = new float[x.Length], a2 = new float[x.Length], b2 = new float[x.Length];
        Assert.Equal(cosine.ForwardBackward(x, x2, target, width, a1, b1), cosineParallel.ForwardBackward(x, x2, target, width, a2, b2));
        Assert.Equal(a1, a2);
        Assert.Equal(b1, b2);
        Assert.Equal("DegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new RowLosses.CrossEntropyLoss { DegreeOfParallelism = 0 }).ParamName);
    }

    [Fact]
    public void Row_aggregates_of_LossMath_are_exact_and_stable()
    {
        float[] big = { 1e4f, 1e4f, -1e4f };
        Assert.Equal(1e4f + MathF.Log(2), LossMath.LogSumExp(big));
        Assert.Equal(float.NegativeInfinity, LossMath.LogSumExp(new[] { float.NegativeInfinity, float.NegativeInfinity }));
        Assert.Equal(float.PositiveInfinity, LossMath.LogSumExp(new[] { float.PositiveInfinity, 0f }));
        Assert.Equal(float.NegativeInfinity, LossMath.LogSumExp(ReadOnlySpan<float>.Empty));
        Assert.True(float.IsNaN(LossMath.Max(new[] { 1f, float.NaN })));
        Assert.Equal(5.0, LossMath.Norm(new[] { 3.0, 4.0 }));
        Assert.Equal(32.0, LossMath.Dot(new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }));
        Assert.Equal(2.0, LossMath.Mean(new[] { 1.0, 2, 3 }));
        Assert.Equal(14.0, LossMath.Sum(new[] { 1.0, 2, 3 }, v => v * v));
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => LossMath.Dot(new double[2], new double[3])).ParamName);
    }
}

internal static class Reference
{
    public static double[] LogSoftmax(double[] x)
    {
        double max = x.Max();
        double lse = max + Math.Log(x.Sum(v => Math.Exp(v - max)));
        return x.Select(v => v - lse).ToArray();
    }
}
