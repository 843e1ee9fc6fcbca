namespace LossDsl.Generator.Tests.Catalogue;

/// <summary>The compiled catalogue kernels, by name (spans cannot pass through reflection).</summary>
internal static class CatalogueKernels
{
    public delegate void Outputs(float[][] inputs, float[][] outputs);

    public delegate void PerElement(float[][] inputs, float[] losses);

    public delegate void DoubleOutputs(double[][] inputs, double[][] outputs);

    public delegate void DoublePerElement(double[][] inputs, double[] losses);

    public static readonly Dictionary<string, Outputs> GradientHessian = new()
    {
        ["Mse"] = (i, o) => new global::LossDsl.Losses.MseLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["L1"] = (i, o) => new global::LossDsl.Losses.L1Loss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Huber"] = (i, o) => new global::LossDsl.Losses.HuberLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SmoothL1"] = (i, o) => new global::LossDsl.Losses.SmoothL1Loss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Bce"] = (i, o) => new global::LossDsl.Losses.BceLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["BceWithLogits"] = (i, o) => new global::LossDsl.Losses.BceWithLogitsLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SigmoidFocal"] = (i, o) => new global::LossDsl.Losses.SigmoidFocalLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SoftMargin"] = (i, o) => new global::LossDsl.Losses.SoftMarginLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Hinge"] = (i, o) => new global::LossDsl.Losses.HingeLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SquaredHinge"] = (i, o) => new global::LossDsl.Losses.SquaredHingeLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["LogCosh"] = (i, o) => new global::LossDsl.Losses.LogCoshLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["PoissonNll"] = (i, o) => new global::LossDsl.Losses.PoissonNllLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Quantile"] = (i, o) => new global::LossDsl.Losses.QuantileLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["KlDivergence"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["KlDivergenceLogTarget"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLogTargetLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SquaredLogError"] = (i, o) => new global::LossDsl.Losses.SquaredLogErrorLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["GaussianNll"] = (i, o) => new global::LossDsl.Losses.GaussianNllLoss().GradientHessian(i[0], i[1], i[2], o[0], o[1], o[2], o[3]),
        ["PoissonNllFull"] = (i, o) => new global::LossDsl.Losses.PoissonNllFullLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["PoissonNllRate"] = (i, o) => new global::LossDsl.Losses.PoissonNllRateLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["HingeEmbedding"] = (i, o) => new global::LossDsl.Losses.HingeEmbeddingLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["MeanAbsolutePercentageError"] = (i, o) => new global::LossDsl.Losses.MeanAbsolutePercentageErrorLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["BinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BinaryFocalCrossentropyLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["BalancedBinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BalancedBinaryFocalCrossentropyLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Perceptron"] = (i, o) => new global::LossDsl.Losses.PerceptronLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["GeneralizedKlDivergence"] = (i, o) => new global::LossDsl.Losses.GeneralizedKlDivergenceLoss().GradientHessian(i[0], i[1], o[0], o[1]),
        ["WeightedBce"] = (i, o) => new global::LossDsl.Losses.WeightedBceLoss().GradientHessian(i[0], i[1], i[2], o[0], o[1]),
        ["WeightedBceWithLogits"] = (i, o) => new global::LossDsl.Losses.WeightedBceWithLogitsLoss().GradientHessian(i[0], i[1], i[2], o[0], o[1]),
        ["GaussianNllFull"] = (i, o) => new global::LossDsl.Losses.GaussianNllFullLoss().GradientHessian(i[0], i[1], i[2], o[0], o[1], o[2], o[3]),
        ["MarginRanking"] = (i, o) => new global::LossDsl.Losses.MarginRankingLoss().GradientHessian(i[0], i[1], i[2], o[0], o[1], o[2], o[3]),
        ["BinarySparsemax"] = (i, o) => new global::LossDsl.Losses.BinarySparsemaxLoss().GradientHessian(i[0], i[1], o[0], o[1]),
    };

    public static readonly Dictionary<string, PerElement> Losses = new()
    {
        ["Mse"] = (i, o) => new global::LossDsl.Losses.MseLoss().Forward(i[0], i[1], o),
        ["L1"] = (i, o) => new global::LossDsl.Losses.L1Loss().Forward(i[0], i[1], o),
        ["Huber"] = (i, o) => new global::LossDsl.Losses.HuberLoss().Forward(i[0], i[1], o),
        ["SmoothL1"] = (i, o) => new global::LossDsl.Losses.SmoothL1Loss().Forward(i[0], i[1], o),
        ["Bce"] = (i, o) => new global::LossDsl.Losses.BceLoss().Forward(i[0], i[1], o),
        ["BceWithLogits"] = (i, o) => new global::LossDsl.Losses.BceWithLogitsLoss().Forward(i[0], i[1], o),
        ["SigmoidFocal"] = (i, o) => new global::LossDsl.Losses.SigmoidFocalLoss().Forward(i[0], i[1], o),
        ["SoftMargin"] = (i, o) => new global::LossDsl.Losses.SoftMarginLoss().Forward(i[0], i[1], o),
        ["Hinge"] = (i, o) => new global::LossDsl.Losses.HingeLoss().Forward(i[0], i[1], o),
        ["SquaredHinge"] = (i, o) => new global::LossDsl.Losses.SquaredHingeLoss().Forward(i[0], i[1], o),
        ["LogCosh"] = (i, o) => new global::LossDsl.Losses.LogCoshLoss().Forward(i[0], i[1], o),
        ["PoissonNll"] = (i, o) => new global::LossDsl.Losses.PoissonNllLoss().Forward(i[0], i[1], o),
        ["Quantile"] = (i, o) => new global::LossDsl.Losses.QuantileLoss().Forward(i[0], i[1], o),
        ["KlDivergence"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLoss().Forward(i[0], i[1], o),
        ["KlDivergenceLogTarget"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLogTargetLoss().Forward(i[0], i[1], o),
        ["SquaredLogError"] = (i, o) => new global::LossDsl.Losses.SquaredLogErrorLoss().Forward(i[0], i[1], o),
        ["GaussianNll"] = (i, o) => new global::LossDsl.Losses.GaussianNllLoss().Forward(i[0], i[1], i[2], o),
        ["PoissonNllFull"] = (i, o) => new global::LossDsl.Losses.PoissonNllFullLoss().Forward(i[0], i[1], o),
        ["PoissonNllRate"] = (i, o) => new global::LossDsl.Losses.PoissonNllRateLoss().Forward(i[0], i[1], o),
        ["HingeEmbedding"] = (i, o) => new global::LossDsl.Losses.HingeEmbeddingLoss().Forward(i[0], i[1], o),
        ["MeanAbsolutePercentageError"] = (i, o) => new global::LossDsl.Losses.MeanAbsolutePercentageErrorLoss().Forward(i[0], i[1], o),
        ["BinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BinaryFocalCrossentropyLoss().Forward(i[0], i[1], o),
        ["BalancedBinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BalancedBinaryFocalCrossentropyLoss().Forward(i[0], i[1], o),
        ["Perceptron"] = (i, o) => new global::LossDsl.Losses.PerceptronLoss().Forward(i[0], i[1], o),
        ["GeneralizedKlDivergence"] = (i, o) => new global::LossDsl.Losses.GeneralizedKlDivergenceLoss().Forward(i[0], i[1], o),
        ["WeightedBce"] = (i, o) => new global::LossDsl.Losses.WeightedBceLoss().Forward(i[0], i[1], i[2], o),
        ["WeightedBceWithLogits"] = (i, o) => new global::LossDsl.Losses.WeightedBceWithLogitsLoss().Forward(i[0], i[1], i[2], o),
        ["GaussianNllFull"] = (i, o) => new global::LossDsl.Losses.GaussianNllFullLoss().Forward(i[0], i[1], i[2], o),
        ["MarginRanking"] = (i, o) => new global::LossDsl.Losses.MarginRankingLoss().Forward(i[0], i[1], i[2], o),
        ["BinarySparsemax"] = (i, o) => new global::LossDsl.Losses.BinarySparsemaxLoss().Forward(i[0], i[1], o),
    };

    // The same losses' double kernels ({Name}LossDouble), from the same generic definitions.
    public static readonly Dictionary<string, DoubleOutputs> GradientHessianDouble = new()
    {
        ["Mse"] = (i, o) => new global::LossDsl.Losses.MseLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["L1"] = (i, o) => new global::LossDsl.Losses.L1LossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Huber"] = (i, o) => new global::LossDsl.Losses.HuberLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SmoothL1"] = (i, o) => new global::LossDsl.Losses.SmoothL1LossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Bce"] = (i, o) => new global::LossDsl.Losses.BceLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["BceWithLogits"] = (i, o) => new global::LossDsl.Losses.BceWithLogitsLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SigmoidFocal"] = (i, o) => new global::LossDsl.Losses.SigmoidFocalLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SoftMargin"] = (i, o) => new global::LossDsl.Losses.SoftMarginLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Hinge"] = (i, o) => new global::LossDsl.Losses.HingeLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SquaredHinge"] = (i, o) => new global::LossDsl.Losses.SquaredHingeLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["LogCosh"] = (i, o) => new global::LossDsl.Losses.LogCoshLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["PoissonNll"] = (i, o) => new global::LossDsl.Losses.PoissonNllLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Quantile"] = (i, o) => new global::LossDsl.Losses.QuantileLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["KlDivergence"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["KlDivergenceLogTarget"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLogTargetLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["SquaredLogError"] = (i, o) => new global::LossDsl.Losses.SquaredLogErrorLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["GaussianNll"] = (i, o) => new global::LossDsl.Losses.GaussianNllLossDouble().GradientHessian(i[0], i[1], i[2], o[0], o[1], o[2], o[3]),
        ["PoissonNllFull"] = (i, o) => new global::LossDsl.Losses.PoissonNllFullLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["PoissonNllRate"] = (i, o) => new global::LossDsl.Losses.PoissonNllRateLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["HingeEmbedding"] = (i, o) => new global::LossDsl.Losses.HingeEmbeddingLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["MeanAbsolutePercentageError"] = (i, o) => new global::LossDsl.Losses.MeanAbsolutePercentageErrorLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["BinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BinaryFocalCrossentropyLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["BalancedBinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BalancedBinaryFocalCrossentropyLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["Perceptron"] = (i, o) => new global::LossDsl.Losses.PerceptronLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["GeneralizedKlDivergence"] = (i, o) => new global::LossDsl.Losses.GeneralizedKlDivergenceLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
        ["WeightedBce"] = (i, o) => new global::LossDsl.Losses.WeightedBceLossDouble().GradientHessian(i[0], i[1], i[2], o[0], o[1]),
        ["WeightedBceWithLogits"] = (i, o) => new global::LossDsl.Losses.WeightedBceWithLogitsLossDouble().GradientHessian(i[0], i[1], i[2], o[0], o[1]),
        ["GaussianNllFull"] = (i, o) => new global::LossDsl.Losses.GaussianNllFullLossDouble().GradientHessian(i[0], i[1], i[2], o[0], o[1], o[2], o[3]),
        ["MarginRanking"] = (i, o) => new global::LossDsl.Losses.MarginRankingLossDouble().GradientHessian(i[0], i[1], i[2], o[0], o[1], o[2], o[3]),
        ["BinarySparsemax"] = (i, o) => new global::LossDsl.Losses.BinarySparsemaxLossDouble().GradientHessian(i[0], i[1], o[0], o[1]),
    };

    public static readonly Dictionary<string, DoublePerElement> LossesDouble = new()
    {
        ["Mse"] = (i, o) => new global::LossDsl.Losses.MseLossDouble().Forward(i[0], i[1], o),
        ["L1"] = (i, o) => new global::LossDsl.Losses.L1LossDouble().Forward(i[0], i[1], o),
        ["Huber"] = (i, o) => new global::LossDsl.Losses.HuberLossDouble().Forward(i[0], i[1], o),
        ["SmoothL1"] = (i, o) => new global::LossDsl.Losses.SmoothL1LossDouble().Forward(i[0], i[1], o),
        ["Bce"] = (i, o) => new global::LossDsl.Losses.BceLossDouble().Forward(i[0], i[1], o),
        ["BceWithLogits"] = (i, o) => new global::LossDsl.Losses.BceWithLogitsLossDouble().Forward(i[0], i[1], o),
        ["SigmoidFocal"] = (i, o) => new global::LossDsl.Losses.SigmoidFocalLossDouble().Forward(i[0], i[1], o),
        ["SoftMargin"] = (i, o) => new global::LossDsl.Losses.SoftMarginLossDouble().Forward(i[0], i[1], o),
        ["Hinge"] = (i, o) => new global::LossDsl.Losses.HingeLossDouble().Forward(i[0], i[1], o),
        ["SquaredHinge"] = (i, o) => new global::LossDsl.Losses.SquaredHingeLossDouble().Forward(i[0], i[1], o),
        ["LogCosh"] = (i, o) => new global::LossDsl.Losses.LogCoshLossDouble().Forward(i[0], i[1], o),
        ["PoissonNll"] = (i, o) => new global::LossDsl.Losses.PoissonNllLossDouble().Forward(i[0], i[1], o),
        ["Quantile"] = (i, o) => new global::LossDsl.Losses.QuantileLossDouble().Forward(i[0], i[1], o),
        ["KlDivergence"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLossDouble().Forward(i[0], i[1], o),
        ["KlDivergenceLogTarget"] = (i, o) => new global::LossDsl.Losses.KlDivergenceLogTargetLossDouble().Forward(i[0], i[1], o),
        ["SquaredLogError"] = (i, o) => new global::LossDsl.Losses.SquaredLogErrorLossDouble().Forward(i[0], i[1], o),
        ["GaussianNll"] = (i, o) => new global::LossDsl.Losses.GaussianNllLossDouble().Forward(i[0], i[1], i[2], o),
        ["PoissonNllFull"] = (i, o) => new global::LossDsl.Losses.PoissonNllFullLossDouble().Forward(i[0], i[1], o),
        ["PoissonNllRate"] = (i, o) => new global::LossDsl.Losses.PoissonNllRateLossDouble().Forward(i[0], i[1], o),
        ["HingeEmbedding"] = (i, o) => new global::LossDsl.Losses.HingeEmbeddingLossDouble().Forward(i[0], i[1], o),
        ["MeanAbsolutePercentageError"] = (i, o) => new global::LossDsl.Losses.MeanAbsolutePercentageErrorLossDouble().Forward(i[0], i[1], o),
        ["BinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BinaryFocalCrossentropyLossDouble().Forward(i[0], i[1], o),
        ["BalancedBinaryFocalCrossentropy"] = (i, o) => new global::LossDsl.Losses.BalancedBinaryFocalCrossentropyLossDouble().Forward(i[0], i[1], o),
        ["Perceptron"] = (i, o) => new global::LossDsl.Losses.PerceptronLossDouble().Forward(i[0], i[1], o),
        ["GeneralizedKlDivergence"] = (i, o) => new global::LossDsl.Losses.GeneralizedKlDivergenceLossDouble().Forward(i[0], i[1], o),
        ["WeightedBce"] = (i, o) => new global::LossDsl.Losses.WeightedBceLossDouble().Forward(i[0], i[1], i[2], o),
        ["WeightedBceWithLogits"] = (i, o) => new global::LossDsl.Losses.WeightedBceWithLogitsLossDouble().Forward(i[0], i[1], i[2], o),
        ["GaussianNllFull"] = (i, o) => new global::LossDsl.Losses.GaussianNllFullLossDouble().Forward(i[0], i[1], i[2], o),
        ["MarginRanking"] = (i, o) => new global::LossDsl.Losses.MarginRankingLossDouble().Forward(i[0], i[1], i[2], o),
        ["BinarySparsemax"] = (i, o) => new global::LossDsl.Losses.BinarySparsemaxLossDouble().Forward(i[0], i[1], o),
    };

    public delegate float ScalarLoss(float[] inputs);

    /// <summary>The [Loss] methods themselves: the scalar reference.</summary>
    public static readonly Dictionary<string, ScalarLoss> Scalar = new()
    {
        ["Mse"] = i => global::LossDsl.Losses.Mse(i[0], i[1]),
        ["L1"] = i => global::LossDsl.Losses.L1(i[0], i[1]),
        ["Huber"] = i => global::LossDsl.Losses.Huber(i[0], i[1], 1f),
        ["SmoothL1"] = i => global::LossDsl.Losses.SmoothL1(i[0], i[1], 1f),
        ["Bce"] = i => global::LossDsl.Losses.Bce(i[0], i[1]),
        ["BceWithLogits"] = i => global::LossDsl.Losses.BceWithLogits(i[0], i[1], 1f),
        ["SigmoidFocal"] = i => global::LossDsl.Losses.SigmoidFocal(i[0], i[1], 0.25f, 2f),
        ["SoftMargin"] = i => global::LossDsl.Losses.SoftMargin(i[0], i[1]),
        ["Hinge"] = i => global::LossDsl.Losses.Hinge(i[0], i[1], 1f),
        ["SquaredHinge"] = i => global::LossDsl.Losses.SquaredHinge(i[0], i[1], 1f),
        ["LogCosh"] = i => global::LossDsl.Losses.LogCosh(i[0], i[1]),
        ["PoissonNll"] = i => global::LossDsl.Losses.PoissonNll(i[0], i[1]),
        ["Quantile"] = i => global::LossDsl.Losses.Quantile(i[0], i[1], 0.5f),
        ["KlDivergence"] = i => global::LossDsl.Losses.KlDivergence(i[0], i[1]),
        ["KlDivergenceLogTarget"] = i => global::LossDsl.Losses.KlDivergenceLogTarget(i[0], i[1]),
        ["SquaredLogError"] = i => global::LossDsl.Losses.SquaredLogError(i[0], i[1]),
        ["GaussianNll"] = i => global::LossDsl.Losses.GaussianNll(i[0], i[1], i[2], 1e-6f),
        ["PoissonNllFull"] = i => global::LossDsl.Losses.PoissonNllFull(i[0], i[1]),
        ["PoissonNllRate"] = i => global::LossDsl.Losses.PoissonNllRate(i[0], i[1], 1e-8f),
        ["HingeEmbedding"] = i => global::LossDsl.Losses.HingeEmbedding(i[0], i[1], 1f),
        ["MeanAbsolutePercentageError"] = i => global::LossDsl.Losses.MeanAbsolutePercentageError(i[0], i[1]),
        ["BinaryFocalCrossentropy"] = i => global::LossDsl.Losses.BinaryFocalCrossentropy(i[0], i[1], 2f, 0f),
        ["BalancedBinaryFocalCrossentropy"] = i => global::LossDsl.Losses.BalancedBinaryFocalCrossentropy(i[0], i[1], 0.25f, 2f, 0f),
        ["Perceptron"] = i => global::LossDsl.Losses.Perceptron(i[0], i[1]),
        ["GeneralizedKlDivergence"] = i => global::LossDsl.Losses.GeneralizedKlDivergence(i[0], i[1]),
        ["WeightedBce"] = i => global::LossDsl.Losses.WeightedBce(i[0], i[1], i[2]),
        ["WeightedBceWithLogits"] = i => global::LossDsl.Losses.WeightedBceWithLogits(i[0], i[1], i[2], 1f),
        ["GaussianNllFull"] = i => global::LossDsl.Losses.GaussianNllFull(i[0], i[1], i[2], 1e-6f),
        ["MarginRanking"] = i => global::LossDsl.Losses.MarginRanking(i[0], i[1], i[2], 0f),
        ["BinarySparsemax"] = i => global::LossDsl.Losses.BinarySparsemax(i[0], i[1]),
    };
}
