using D = LossDsl.Runtime.Tests.RowLossesInDouble;

namespace LossDsl.Runtime.Tests;

internal delegate void TripletBackward(ReadOnlySpan<double> a, ReadOnlySpan<double> p, ReadOnlySpan<double> n, int width, Span<double> ga, Span<double> gp, Span<double> gn);

internal delegate void TripletGradientHessian(ReadOnlySpan<double> a, ReadOnlySpan<double> p, ReadOnlySpan<double> n, int width,
    Span<double> ga, Span<double> ha, Span<double> gp, Span<double> hp, Span<double> gn, Span<double> hn);

/// <summary>
/// One catalogue row loss in double over random data: its row inputs, the scalar [Loss] method per row (the
/// reference), and the generated kernels with <see cref="Reduction.Sum"/>, so gradients are per-row derivatives.
/// </summary>
internal sealed class RowCase
{
    public required string Name { get; init; }
    public required int Width { get; init; }
    public required double[][] Inputs { get; init; }
    public required int[] Differentiated { get; init; }
    public required Func<int, double> ScalarLoss { get; init; }
    public required Func<double[][]> KernelGradients { get; init; }
    /// <summary>GradientHessian: per differentiated input, the unreduced gradient and the Hessian diagonal.</summary>
    public required Func<(double[][] Gradients, double[][] Hessians)> KernelHessians { get; init; }
    public required Func<double[]> KernelLosses { get; init; }

    public int Rows => Inputs[0].Length / Width;

    public static readonly string[] Names =
    {
        "CrossEntropy", "WeightedCrossEntropy", "CrossEntropyWithProbabilities", "Nll", "KlDivergence", "KlDivergenceLogTarget",
        "Dice", "Tversky", "CosineEmbedding", "TripletMargin", "MultiMargin",
        "MultiMarginSquared", "WeightedMultiMargin", "WeightedMultiMarginSquared", "MultiLabelSoftMargin", "WeightedMultiLabelSoftMargin",
        "CosineSimilarity", "PolyLossCrossEntropy", "CategoricalFocalCrossentropy", "MulticlassPerceptron", "RankingSoftmax",
        "TripletMarginPNorm", "TripletMarginL1", "TripletMarginSwap",
    };

    /// <summary>Random data for <paramref name="name"/>; with <paramref name="extreme"/>, logits and scores of ±1e4.</summary>
    public static RowCase Create(string name, int rows, int width, int seed, bool extreme = false)
    {
        var random = new Random(seed);
        int n = rows * width;
        double Scale() => extreme && random.Next(3) == 0 ? 1e4 : 3;
        double[] Gaussian() => Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2 - 1) * Scale()).ToArray();
        double[] Uniform(double low, double high) => Enumerable.Range(0, n).Select(_ => low + (high - low) * random.NextDouble()).ToArray();
        int[] Labels() => Enumerable.Range(0, rows).Select(_ => random.Next(width)).ToArray();
        double[] Distributions(bool withZeros)
        {
            double[] p = Uniform(0, 1).Select(v => withZeros && v < 0.2 ? 0 : v).ToArray();
            for (int r = 0; r < rows; r++)
            {
                double sum = p.AsSpan(r * width, width).ToArray().Sum();
                for (int j = 0; j < width; j++) p[r * width + j] = sum > 0 ? p[r * width + j] / sum : 1.0 / width;
            }
            return p;
        }
        double[] LogSoftmax(double[] x)
        {
            double[] result = new double[n];
            for (int r = 0; r < rows; r++)
            {
                double lse = LossMath.LogSumExp(x.AsSpan(r * width, width));
                for (int j = 0; j < width; j++) result[r * width + j] = x[r * width + j] - lse;
            }
            return result;
        }
        ReadOnlySpan<double> Row(double[] data, int r) => data.AsSpan(r * width, width);
        double[] Losses(Action<double[]> forward) { double[] losses = new double[rows]; forward(losses); return losses; }
        double[] Zeros() => new double[n];

        // One differentiated row and its target, a label per row or a target row, through the loss's IRowLoss interface.
        RowCase OneRow<TTarget>(double[] x, TTarget[] target, IRowLoss<double, TTarget> loss, Func<int, double> scalar) where TTarget : unmanaged => new()
        {
            Name = name, Width = width, Inputs = target is double[] row ? new[] { x, row } : new[] { x }, Differentiated = new[] { 0 },
            ScalarLoss = scalar,
            KernelGradients = () => { double[] g = Zeros(); loss.Backward(x, target, width, g); return new[] { g }; },
            KernelHessians = () => { double[] g = Zeros(), h = Zeros(); loss.GradientHessian(x, target, width, g, h); return (new[] { g }, new[] { h }); },
            KernelLosses = () => Losses(l => loss.Forward(x, target, width, l)),
        };

        // Anchor, positive and negative rows, all three differentiated.
        RowCase Triplet(Func<double[], double[], double[], Func<int, double>> scalar, TripletBackward backward, TripletGradientHessian gradientHessian,
            Action<double[], double[], double[], double[]> forward)
        {
            double[] a = Gaussian(), p = Gaussian(), q = Gaussian();
            return new RowCase
            {
                Name = name, Width = width, Inputs = new[] { a, p, q }, Differentiated = new[] { 0, 1, 2 },
                ScalarLoss = scalar(a, p, q),
                KernelGradients = () =>
                {
                    double[] ga = Zeros(), gp = Zeros(), gq = Zeros();
                    backward(a, p, q, width, ga, gp, gq);
                    return new[] { ga, gp, gq };
                },
                KernelHessians = () =>
                {
                    double[] ga = Zeros(), gp = Zeros(), gq = Zeros(), ha = Zeros(), hp = Zeros(), hq = Zeros();
                    gradientHessian(a, p, q, width, ga, ha, gp, hp, gq, hq);
                    return (new[] { ga, gp, gq }, new[] { ha, hp, hq });
                },
                KernelLosses = () => Losses(l => forward(a, p, q, l)),
            };
        }

        switch (name)
        {
            case "CrossEntropy":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                return OneRow(x, y, new D.CrossEntropyLoss(labelSmoothing: 0.1, reduction: Reduction.Sum), r => D.CrossEntropy(Row(x, r), y[r], 0.1));
            }
            case "WeightedCrossEntropy":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                double[] w = Enumerable.Range(0, width).Select(_ => 0.5 + 1.5 * random.NextDouble()).ToArray();
                return OneRow(x, y, new D.WeightedCrossEntropyLoss(w, labelSmoothing: 0.2, reduction: Reduction.Sum), r => D.WeightedCrossEntropy(Row(x, r), y[r], w, 0.2));
            }
            case "CrossEntropyWithProbabilities":
            {
                double[] x = Gaussian(), t = Distributions(withZeros: true);
                return OneRow(x, t, new D.CrossEntropyWithProbabilitiesLoss(labelSmoothing: 0.1, reduction: Reduction.Sum), r => D.CrossEntropyWithProbabilities(Row(x, r), Row(t, r), 0.1));
            }
            case "Nll":
            {
                double[] x = LogSoftmax(Gaussian());
                int[] y = Labels();
                return OneRow(x, y, new D.NllLoss(reduction: Reduction.Sum), r => D.Nll(Row(x, r), y[r]));
            }
            case "KlDivergence":
            case "KlDivergenceLogTarget":
            {
                double[] x = LogSoftmax(Gaussian());
                bool log = name.EndsWith("LogTarget");
                double[] t = log ? LogSoftmax(Gaussian()) : Distributions(withZeros: true);
                if (log)
                {
                    return OneRow(x, t, new D.KlDivergenceLogTargetLoss(Reduction.Sum), r => D.KlDivergenceLogTarget(Row(x, r), Row(t, r)));
                }
                return OneRow(x, t, new D.KlDivergenceLoss(Reduction.Sum), r => D.KlDivergence(Row(x, r), Row(t, r)));
            }
            case "Dice":
            {
                double[] p = Uniform(0, 1), t = Uniform(0, 1).Select(v => Math.Round(v)).ToArray();
                return OneRow(p, t, new D.DiceLoss(reduction: Reduction.Sum), r => D.Dice(Row(p, r), Row(t, r), 1));
            }
            case "Tversky":
            {
                double[] p = Uniform(0, 1), t = Uniform(0, 1).Select(v => Math.Round(v)).ToArray();
                return OneRow(p, t, new D.TverskyLoss(alpha: 0.3, beta: 0.7, reduction: Reduction.Sum), r => D.Tversky(Row(p, r), Row(t, r), 0.3, 0.7, 1));
            }
            case "CosineEmbedding":
            {
                double[] a = Gaussian(), b = Gaussian();
                double[] y = Enumerable.Range(0, rows).Select(_ => random.Next(2) == 0 ? 1.0 : -1.0).ToArray();
                var loss = new D.CosineEmbeddingLoss(margin: 0.2, reduction: Reduction.Sum);
                return new RowCase
                {
                    Name = name, Width = width, Inputs = new[] { a, b }, Differentiated = new[] { 0, 1 },
                    ScalarLoss = r => D.CosineEmbedding(Row(a, r), Row(b, r), y[r], 0.2),
                    KernelGradients = () => { double[] ga = Zeros(), gb = Zeros(); loss.Backward(a, b, y, width, ga, gb); return new[] { ga, gb }; },
                    KernelHessians = () =>
                    {
                        double[] ga = Zeros(), gb = Zeros(), ha = Zeros(), hb = Zeros();
                        loss.GradientHessian(a, b, y, width, ga, ha, gb, hb);
                        return (new[] { ga, gb }, new[] { ha, hb });
                    },
                    KernelLosses = () => Losses(l => loss.Forward(a, b, y, width, l)),
                };
            }
            case "TripletMargin":
            {
                var loss = new D.TripletMarginLoss(margin: 2, reduction: Reduction.Sum);
                return Triplet((a, p, q) => r => D.TripletMargin(Row(a, r), Row(p, r), Row(q, r), 2, 1e-6),
                    loss.Backward, loss.GradientHessian, (a, p, q, l) => loss.Forward(a, p, q, width, l));
            }
            case "TripletMarginPNorm":
            {
                var loss = new D.TripletMarginPNormLoss(margin: 2, norm: 3, reduction: Reduction.Sum);
                return Triplet((a, p, q) => r => D.TripletMarginPNorm(Row(a, r), Row(p, r), Row(q, r), 2, 3, 1e-6),
                    loss.Backward, loss.GradientHessian, (a, p, q, l) => loss.Forward(a, p, q, width, l));
            }
            case "TripletMarginL1":
            {
                var loss = new D.TripletMarginL1Loss(margin: 2, reduction: Reduction.Sum);
                return Triplet((a, p, q) => r => D.TripletMarginL1(Row(a, r), Row(p, r), Row(q, r), 2, 1e-6),
                    loss.Backward, loss.GradientHessian, (a, p, q, l) => loss.Forward(a, p, q, width, l));
            }
            case "TripletMarginSwap":
            {
                var loss = new D.TripletMarginSwapLoss(margin: 2, reduction: Reduction.Sum);
                return Triplet((a, p, q) => r => D.TripletMarginSwap(Row(a, r), Row(p, r), Row(q, r), 2, 1e-6),
                    loss.Backward, loss.GradientHessian, (a, p, q, l) => loss.Forward(a, p, q, width, l));
            }
            case "MultiMargin":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                return OneRow(x, y, new D.MultiMarginLoss(margin: 1, reduction: Reduction.Sum), r => D.MultiMargin(Row(x, r), y[r], 1));
            }
            case "MultiMarginSquared":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                return OneRow(x, y, new D.MultiMarginSquaredLoss(margin: 1, reduction: Reduction.Sum), r => D.MultiMarginSquared(Row(x, r), y[r], 1));
            }
            case "WeightedMultiMargin":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                double[] w = Enumerable.Range(0, width).Select(j => 0.5 + j % 3).ToArray();
                return OneRow(x, y, new D.WeightedMultiMarginLoss(w, margin: 1, reduction: Reduction.Sum), r => D.WeightedMultiMargin(Row(x, r), y[r], w, 1));
            }
            case "WeightedMultiMarginSquared":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                double[] w = Enumerable.Range(0, width).Select(j => 0.5 + j % 3).ToArray();
                return OneRow(x, y, new D.WeightedMultiMarginSquaredLoss(w, margin: 1, reduction: Reduction.Sum), r => D.WeightedMultiMarginSquared(Row(x, r), y[r], w, 1));
            }
            case "MultiLabelSoftMargin":
            {
                double[] x = Gaussian(), t = Uniform(0, 1).Select(v => v < 0.5 ? 0.0 : 1.0).ToArray();
                return OneRow(x, t, new D.MultiLabelSoftMarginLoss(reduction: Reduction.Sum), r => D.MultiLabelSoftMargin(Row(x, r), Row(t, r)));
            }
            case "WeightedMultiLabelSoftMargin":
            {
                double[] x = Gaussian(), t = Uniform(0, 1);
                double[] w = Enumerable.Range(0, width).Select(j => 0.5 + j % 3).ToArray();
                return OneRow(x, t, new D.WeightedMultiLabelSoftMarginLoss(w, reduction: Reduction.Sum), r => D.WeightedMultiLabelSoftMargin(Row(x, r), Row(t, r), w));
            }
            case "CosineSimilarity":
            {
                double[] x = Gaussian(), t = Gaussian();
                return OneRow(x, t, new D.CosineSimilarityLoss(reduction: Reduction.Sum), r => D.CosineSimilarity(Row(x, r), Row(t, r)));
            }
            case "PolyLossCrossEntropy":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                return OneRow(x, y, new D.PolyLossCrossEntropyLoss(epsilon: 2, reduction: Reduction.Sum), r => D.PolyLossCrossEntropy(Row(x, r), y[r], 2));
            }
            case "CategoricalFocalCrossentropy":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                return OneRow(x, y, new D.CategoricalFocalCrossentropyLoss(alpha: 0.25, gamma: 2, reduction: Reduction.Sum), r => D.CategoricalFocalCrossentropy(Row(x, r), y[r], 0.25, 2));
            }
            case "MulticlassPerceptron":
            {
                double[] x = Gaussian();
                int[] y = Labels();
                return OneRow(x, y, new D.MulticlassPerceptronLoss(reduction: Reduction.Sum), r => D.MulticlassPerceptron(Row(x, r), y[r]));
            }
            case "RankingSoftmax":
            {
                double[] x = Gaussian(), t = Uniform(0, 1).Select(v => Math.Floor(4 * v)).ToArray();
                return OneRow(x, t, new D.RankingSoftmaxLoss(reduction: Reduction.Sum), r => D.RankingSoftmax(Row(x, r), Row(t, r)));
            }
            default:
                throw new ArgumentException("Unknown row loss " + name, nameof(name));
        }
    }
}
