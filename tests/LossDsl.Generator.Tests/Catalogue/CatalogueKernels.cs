namespace LossDsl.Generator.Tests.Catalogue;

/// <summary>The compiled catalogue kernels, by name (spans cannot pass through reflection).</summary>
internal static class CatalogueKernels
{
    public delegate void Outputs(float[][] inputs, float[][] outputs);

    public delegate void PerElement(float[][] inputs, float[] losses);

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

    public delegate float ScalarLoss(float[] inputs);

    /// <summary>The [Loss] methods themselves: the scalar reference.</summary>
    public static readonly Dictionary<string, ScalarLoss> Scalar = new()
    {
        ["Mse"] = i => global::LossDsl.Losses.Mse(i[0], i[1]),
        ["L1"] = i => global::LossDsl.Losses.L1(i[0], i[1]),
        ["Huber"] = i => global::LossDsl.Losses.Huber(i[0], i[1]),
        ["SmoothL1"] = i => global::LossDsl.Losses.SmoothL1(i[0], i[1]),
        ["Bce"] = i => global::LossDsl.Losses.Bce(i[0], i[1]),
        ["BceWithLogits"] = i => global::LossDsl.Losses.BceWithLogits(i[0], i[1]),
        ["SigmoidFocal"] = i => global::LossDsl.Losses.SigmoidFocal(i[0], i[1]),
        ["SoftMargin"] = i => global::LossDsl.Losses.SoftMargin(i[0], i[1]),
        ["Hinge"] = i => global::LossDsl.Losses.Hinge(i[0], i[1]),
        ["SquaredHinge"] = i => global::LossDsl.Losses.SquaredHinge(i[0], i[1]),
        ["LogCosh"] = i => global::LossDsl.Losses.LogCosh(i[0], i[1]),
        ["PoissonNll"] = i => global::LossDsl.Losses.PoissonNll(i[0], i[1]),
        ["Quantile"] = i => global::LossDsl.Losses.Quantile(i[0], i[1]),
        ["KlDivergence"] = i => global::LossDsl.Losses.KlDivergence(i[0], i[1]),
        ["KlDivergenceLogTarget"] = i => global::LossDsl.Losses.KlDivergenceLogTarget(i[0], i[1]),
        ["SquaredLogError"] = i => global::LossDsl.Losses.SquaredLogError(i[0], i[1]),
        ["GaussianNll"] = i => global::LossDsl.Losses.GaussianNll(i[0], i[1], i[2]),
        ["PoissonNllFull"] = i => global::LossDsl.Losses.PoissonNllFull(i[0], i[1]),
        ["PoissonNllRate"] = i => global::LossDsl.Losses.PoissonNllRate(i[0], i[1]),
        ["HingeEmbedding"] = i => global::LossDsl.Losses.HingeEmbedding(i[0], i[1]),
        ["MeanAbsolutePercentageError"] = i => global::LossDsl.Losses.MeanAbsolutePercentageError(i[0], i[1]),
        ["BinaryFocalCrossentropy"] = i => global::LossDsl.Losses.BinaryFocalCrossentropy(i[0], i[1]),
        ["BalancedBinaryFocalCrossentropy"] = i => global::LossDsl.Losses.BalancedBinaryFocalCrossentropy(i[0], i[1]),
        ["Perceptron"] = i => global::LossDsl.Losses.Perceptron(i[0], i[1]),
        ["GeneralizedKlDivergence"] = i => global::LossDsl.Losses.GeneralizedKlDivergence(i[0], i[1]),
        ["WeightedBce"] = i => global::LossDsl.Losses.WeightedBce(i[0], i[1], i[2]),
        ["WeightedBceWithLogits"] = i => global::LossDsl.Losses.WeightedBceWithLogits(i[0], i[1], i[2]),
        ["GaussianNllFull"] = i => global::LossDsl.Losses.GaussianNllFull(i[0], i[1], i[2]),
        ["MarginRanking"] = i => global::LossDsl.Losses.MarginRanking(i[0], i[1], i[2]),
        ["BinarySparsemax"] = i => global::LossDsl.Losses.BinarySparsemax(i[0], i[1]),
    };
}
