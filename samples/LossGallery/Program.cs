using LossDsl;
using LossDsl.Samples.Plotting;

namespace LossGallery;

/// <summary>Every catalogue loss and its generated gradient, one panel each: the picture to choose a loss by.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var (curves, svg) = Run(args.Length > 0 ? args[0] : "output");
        Console.WriteLine($"{curves.Count} catalogue losses drawn with their generated gradients: {svg}");
        return 0;
    }

    public static (IReadOnlyList<Curve> Curves, string SvgPath) Run(string outputDirectory)
    {
        const string Residual = "prediction (target 0)", Logit = "logit (target 1)", Margin = "score (label +1)";
        var curves = new List<Curve>
        {
            Curves.Of("Mse", Residual, new Losses.MseLoss(), -3, 3, 0),
            Curves.Of("L1", Residual, new Losses.L1Loss(), -3, 3, 0),
            Curves.Of("Huber (δ = 1)", Residual, new Losses.HuberLoss(), -3, 3, 0),
            Curves.Of("SmoothL1 (β = 1)", Residual, new Losses.SmoothL1Loss(), -3, 3, 0),
            Curves.Of("LogCosh", Residual, new Losses.LogCoshLoss(), -3, 3, 0),
            Curves.Of("Quantile (q = 0.8)", "prediction (target 0)", new Losses.QuantileLoss(quantile: 0.8f), -3, 3, 0),
            Curves.GaussianNll(-3, 3),
            Curves.Of("SquaredLogError", "prediction (target 1)", new Losses.SquaredLogErrorLoss(), 0, 5, 1),
            Curves.Of("Bce", "probability (target 1)", new Losses.BceLoss(), 0.02, 1, 1),
            Curves.Of("BceWithLogits", Logit, new Losses.BceWithLogitsLoss(), -5, 5, 1),
            Curves.Of("SigmoidFocal (α = .25, γ = 2)", Logit, new Losses.SigmoidFocalLoss(), -5, 5, 1),
            Curves.Of("SoftMargin", Margin, new Losses.SoftMarginLoss(), -4, 4, 1),
            Curves.Of("Hinge", Margin, new Losses.HingeLoss(), -3, 3, 1),
            Curves.Of("SquaredHinge", Margin, new Losses.SquaredHingeLoss(), -3, 3, 1),
            Curves.Of("PoissonNll", "log rate (count 2)", new Losses.PoissonNllLoss(), -2, 2.5, 2),
            Curves.Of("KlDivergence", "log-probability (target 0.3)", new Losses.KlDivergenceLoss(), -4, 0, 0.3f),
            Curves.Of("KlDivergenceLogTarget", "log-probability (log target ln 0.3)", new Losses.KlDivergenceLogTargetLoss(), -4, 0, MathF.Log(0.3f)),
            Curves.Of("PoissonNllFull", "log rate (count 2)", new Losses.PoissonNllFullLoss(), -2, 2.5, 2),
            Curves.Of("PoissonNllRate", "rate (count 2)", new Losses.PoissonNllRateLoss(), 0.2, 6, 2),
            Curves.Of("HingeEmbedding (label -1)", "distance", new Losses.HingeEmbeddingLoss(), 0, 3, -1),
            Curves.Of("MeanAbsolutePercentageError", "prediction (target 2)", new Losses.MeanAbsolutePercentageErrorLoss(), 0, 4, 2),
            Curves.Of("BinaryFocalCrossentropy (γ = 2, s = .1)", Logit, new Losses.BinaryFocalCrossentropyLoss(labelSmoothing: 0.1f), -5, 5, 1),
            Curves.Of("BalancedBinaryFocal (α = .25)", Logit, new Losses.BalancedBinaryFocalCrossentropyLoss(), -5, 5, 1),
            Curves.Of("Perceptron", Margin, new Losses.PerceptronLoss(), -3, 3, 1),
            Curves.Of("GeneralizedKlDivergence", "log-prediction (target 0.3)", new Losses.GeneralizedKlDivergenceLoss(), -4, 1, 0.3f),
            Curves.Of("BinarySparsemax", Logit, new Losses.BinarySparsemaxLoss(), -3, 3, 1),
        };

        var figure = new Figure("The LossDsl catalogue: each loss and its generated gradient", columns: 4, panelWidth: 400, panelHeight: 280);
        foreach (Curve c in curves)
        {
            figure.AddPanel(c.Name, c.Input, "value")
                .Line("loss", c.X, c.Loss, "#1f77b4")
                .Line("∂loss/∂input", c.X, c.Gradient, "#d62728", dashed: true);
        }
        return (curves, figure.Save(Path.Combine(outputDirectory, "loss-gallery.svg")));
    }
}
