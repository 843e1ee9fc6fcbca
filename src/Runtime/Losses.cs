using System.Numerics;
using static LossDsl.LossMath;

namespace LossDsl;

/// <summary>
/// The standard elementwise losses, written once over T in the loss DSL and compiled by the LossDsl generator:
/// each method is the scalar reference (at float or double), its nested <c>{Name}Loss</c> class holds the float
/// kernels (which also take Half data) and <c>{Name}LossDouble</c> the double ones (for example
/// <c>new Losses.HuberLoss(delta: 0.5f).ForwardBackward(prediction, target, gradient)</c>). The constructors default
/// every hyperparameter ([Hyper(Default = …)]); the scalar methods take them all, since C# cannot give a T parameter
/// a default.
/// Semantics and defaults follow PyTorch (torchvision, Keras where PyTorch has none); docs/catalogue.md
/// lists each formula and where a gradient deliberately differs.
/// </summary>
public static partial class Losses
{
    /// <summary>Squared error, PyTorch's <c>MSELoss</c>: (prediction - target)².</summary>
    [Loss]
    public static T Mse<T>(T prediction, T target) where T : IFloatingPointIeee754<T> => Square(prediction - target);

    /// <summary>Absolute error, PyTorch's <c>L1Loss</c>: |prediction - target| (subgradient 0 at 0).</summary>
    [Loss]
    public static T L1<T>(T prediction, T target) where T : IFloatingPointIeee754<T> => Abs(prediction - target);

    /// <summary>PyTorch's <c>HuberLoss</c>: ½r² for |r| &lt; delta, else delta·(|r| - ½delta).</summary>
    [Loss]
    public static T Huber<T>(T prediction, T target, [Hyper(Default = 1)] T delta) where T : IFloatingPointIeee754<T>
    {
        T r = prediction - target;
        return Abs(r) < delta ? T.CreateChecked(0.5) * r * r : delta * (Abs(r) - T.CreateChecked(0.5) * delta);
    }

    /// <summary>PyTorch's <c>SmoothL1Loss</c>: ½r²/beta for |r| &lt; beta, else |r| - ½beta.</summary>
    [Loss]
    public static T SmoothL1<T>(T prediction, T target, [Hyper(Default = 1)] T beta) where T : IFloatingPointIeee754<T>
    {
        T r = Abs(prediction - target);
        return r < beta ? T.CreateChecked(0.5) * r * r / beta : r - T.CreateChecked(0.5) * beta;
    }

    /// <summary>
    /// PyTorch's <c>BCELoss</c> on probabilities: -(y·log p + (1-y)·log(1-p)), each log clamped at -100.
    /// The gradient is that of this clamped function (0 where a log is clamped), not PyTorch's ε-guarded formula.
    /// </summary>
    [Loss]
    public static T Bce<T>([Wrt(Min = 0, Max = 1)] T probability, [Domain(Min = 0, Max = 1)] T target) where T : IFloatingPointIeee754<T> =>
        -(target * Max(Log(probability), T.CreateChecked(-100)) + (T.One - target) * Max(Log1p(-probability), T.CreateChecked(-100)));

    /// <summary>
    /// PyTorch's <c>BCEWithLogitsLoss</c> with <c>pos_weight</c>: (1-y)·x + (1 + (w-1)·y)·softplus(-x).
    /// Stable for any logit; gradient σ(x)·(1 + (w-1)y) - w·y.
    /// </summary>
    [Loss]
    public static T BceWithLogits<T>(T logit, T target, [Hyper(Default = 1)] T posWeight) where T : IFloatingPointIeee754<T> =>
        (T.One - target) * logit + (T.One + (posWeight - T.One) * target) * Softplus(-logit);

    /// <summary>
    /// torchvision's <c>sigmoid_focal_loss</c>: αₜ·(1 - pₜ)^γ·BCE(x, y), with pₜ = p·y + (1-p)(1-y);
    /// a negative alpha disables the class weighting, as in torchvision. γ ≥ 1: below 1 the gradient of
    /// (1 - pₜ)^γ is infinite where pₜ rounds to 1, which float reaches for |x| &gt; 17 (LD2008). Where 1 - pₜ is
    /// below 1e-30 the factor is taken as 0 (it is below 1e-30 anyway): (1 - pₜ)^(γ-2) in the Hessian would be ∞
    /// there for γ &lt; 2, and ∞·0 made the Hessian NaN (found by LD2008).
    /// </summary>
    [Loss]
    public static T SigmoidFocal<T>(T logit, [Domain(Min = 0, Max = 1)] T target, [Hyper(Default = 0.25)] T alpha, [Hyper(Min = 1, Default = 2)] T gamma) where T : IFloatingPointIeee754<T>
    {
        T p = Sigmoid(logit);
        T miss = p * (T.One - target) + (T.One - p) * target; // 1 - pₜ, written so it is visibly ≥ 0
        T at = alpha >= T.Zero ? alpha * target + (T.One - alpha) * (T.One - target) : T.One;
        T modulation = miss > T.CreateChecked(1e-30) ? Pow(miss, gamma) : T.Zero;
        return at * modulation * BceWithLogits(logit, target, T.One);
    }

    /// <summary>PyTorch's <c>SoftMarginLoss</c> for labels ±1: log(1 + exp(-y·x)).</summary>
    [Loss]
    public static T SoftMargin<T>(T prediction, T target) where T : IFloatingPointIeee754<T> => Softplus(-target * prediction);

    /// <summary>Keras' <c>hinge</c> for labels ±1: max(margin - y·x, 0).</summary>
    [Loss]
    public static T Hinge<T>(T prediction, T target, [Hyper(Default = 1)] T margin) where T : IFloatingPointIeee754<T> => Max(margin - target * prediction, T.Zero);

    /// <summary>Keras' <c>squared_hinge</c> for labels ±1: max(margin - y·x, 0)².</summary>
    [Loss]
    public static T SquaredHinge<T>(T prediction, T target, [Hyper(Default = 1)] T margin) where T : IFloatingPointIeee754<T> =>
        Square(Max(margin - target * prediction, T.Zero));

    /// <summary>Keras' <c>log_cosh</c>: log(cosh(prediction - target)), stable for large residuals.</summary>
    [Loss]
    public static T LogCosh<T>(T prediction, T target) where T : IFloatingPointIeee754<T> => LossMath.LogCosh(prediction - target);

    /// <summary>
    /// PyTorch's <c>PoissonNLLLoss</c> with <c>log_input=True</c>, <c>full=False</c>: exp(x) - y·x. Log-rates
    /// above 88 overflow float (e^88.72 is float.MaxValue), so they are outside the domain.
    /// </summary>
    [Loss]
    public static T PoissonNll<T>([Wrt(Max = 88)] T logRate, T target) where T : IFloatingPointIeee754<T> => Exp(logRate) - target * logRate;

    /// <summary>
    /// PyTorch's <c>GaussianNLLLoss</c> (<c>full=False</c>): ½(log max(v, eps) + (μ - y)² / max(v, eps)), both mean
    /// and variance differentiated. Where v &lt; eps the variance gradient is 0 (PyTorch passes it through the clamp).
    /// </summary>
    [Loss]
    public static T GaussianNll<T>([Wrt] T mean, T target, [Wrt] T variance, [Hyper(Min = float.Epsilon, Default = 1e-6)] T eps) where T : IFloatingPointIeee754<T>
    {
        T v = Max(variance, eps);
        return T.CreateChecked(0.5) * (Log(v) + Square(mean - target) / v);
    }

    /// <summary>Quantile (pinball) loss: max(q·r, (q - 1)·r) with r = target - prediction.</summary>
    [Loss]
    public static T Quantile<T>(T prediction, T target, [Hyper(Default = 0.5)] T quantile) where T : IFloatingPointIeee754<T>
    {
        T r = target - prediction;
        return Max(quantile * r, (quantile - T.One) * r);
    }

    /// <summary>
    /// PyTorch's pointwise <c>KLDivLoss</c> (<c>log_target=False</c>): y·(log y - x) for log-probability x,
    /// and 0 where y = 0.
    /// </summary>
    [Loss]
    public static T KlDivergence<T>(T logProbability, T target) where T : IFloatingPointIeee754<T> =>
        target > T.Zero ? target * (Log(target) - logProbability) : T.Zero;

    /// <summary>PyTorch's pointwise <c>KLDivLoss</c> with <c>log_target=True</c>: exp(t)·(t - x), for a log-probability t ≤ 0.</summary>
    [Loss]
    public static T KlDivergenceLogTarget<T>(T logProbability, [Domain(Max = 0)] T logTarget) where T : IFloatingPointIeee754<T> =>
        Exp(logTarget) * (logTarget - logProbability);

    /// <summary>Keras' <c>mean_squared_logarithmic_error</c>: (log(1 + max(x, ε)) - log(1 + max(y, ε)))², ε = 1e-7.</summary>
    [Loss]
    public static T SquaredLogError<T>(T prediction, T target) where T : IFloatingPointIeee754<T> =>
        Square(Log1p(Max(prediction, T.CreateChecked(1e-7))) - Log1p(Max(target, T.CreateChecked(1e-7))));

    /// <summary>
    /// PyTorch's <c>BCELoss(weight=…)</c> with a per-element weight: weight·<see cref="Bce"/>. The weight is an input,
    /// not differentiated (PyTorch's <c>weight</c> broadcasts to the elements; pass it expanded).
    /// </summary>
    [Loss]
    public static T WeightedBce<T>([Wrt(Min = 0, Max = 1)] T probability, [Domain(Min = 0, Max = 1)] T target, T weight) where T : IFloatingPointIeee754<T> =>
        weight * Bce(probability, target);

    /// <summary>
    /// PyTorch's <c>BCEWithLogitsLoss(weight=…, pos_weight=…)</c> with a per-element weight:
    /// weight·<see cref="BceWithLogits"/>. The weight is an input, not differentiated.
    /// </summary>
    [Loss]
    public static T WeightedBceWithLogits<T>(T logit, T target, T weight, [Hyper(Default = 1)] T posWeight) where T : IFloatingPointIeee754<T> =>
        weight * BceWithLogits(logit, target, posWeight);

    /// <summary>
    /// PyTorch's <c>PoissonNLLLoss</c> with <c>log_input=True</c>, <c>full=True</c>: exp(x) - y·x plus Stirling's
    /// approximation of log(y!), y·log y - y + ½·log(2πy), where y &gt; 1 (0 elsewhere, as PyTorch). The added term does
    /// not depend on x: the derivatives are <see cref="PoissonNll"/>'s.
    /// </summary>
    [Loss]
    public static T PoissonNllFull<T>([Wrt(Max = 88)] T logRate, T target) where T : IFloatingPointIeee754<T> =>
        PoissonNll(logRate, target) + (target > T.One ? target * Log(target) - target + T.CreateChecked(0.5) * Log(T.Tau * target) : T.Zero);

    /// <summary>
    /// PyTorch's <c>PoissonNLLLoss</c> with <c>log_input=False</c> (<c>full=False</c>): λ - y·log(λ + eps) for a rate
    /// λ ≥ 0, eps = 1e-8 as PyTorch's default.
    /// </summary>
    [Loss]
    public static T PoissonNllRate<T>([Wrt(Min = 0)] T rate, T target, [Hyper(Min = float.Epsilon, Default = 1e-8)] T eps) where T : IFloatingPointIeee754<T> =>
        rate - target * Log(rate + eps);

    /// <summary>
    /// PyTorch's <c>GaussianNLLLoss</c> with <c>full=True</c>: <see cref="GaussianNll"/> + ½·log(2π). The constant does
    /// not change the derivatives.
    /// </summary>
    [Loss]
    public static T GaussianNllFull<T>([Wrt] T mean, T target, [Wrt] T variance, [Hyper(Min = float.Epsilon, Default = 1e-6)] T eps) where T : IFloatingPointIeee754<T> =>
        GaussianNll(mean, target, variance, eps) + T.CreateChecked(0.91893853320467274); // ½·log 2π

    /// <summary>
    /// PyTorch's <c>MarginRankingLoss</c>: max(0, -y·(x1 - x2) + margin) for y = ±1 (y = 1: x1 should rank higher).
    /// Both inputs are differentiated.
    /// </summary>
    [Loss]
    public static T MarginRanking<T>([Wrt] T input1, [Wrt] T input2, T target, [Hyper(Default = 0)] T margin) where T : IFloatingPointIeee754<T> =>
        Max(margin - target * (input1 - input2), T.Zero);

    /// <summary>
    /// PyTorch's <c>HingeEmbeddingLoss</c>: x where y = 1, max(0, margin - x) where y = -1 (for another y, both terms, as
    /// PyTorch computes it). x is typically a distance.
    /// </summary>
    [Loss]
    public static T HingeEmbedding<T>(T input, T target, [Hyper(Default = 1)] T margin) where T : IFloatingPointIeee754<T> =>
        (target != T.One ? Max(margin - input, T.Zero) : T.Zero) + (target != -T.One ? input : T.Zero);

    /// <summary>
    /// Keras' <c>MeanAbsolutePercentageError</c>: 100·|y - x| / max(|y|, ε), ε = 1e-7 (Keras' <c>epsilon()</c>).
    /// </summary>
    [Loss]
    public static T MeanAbsolutePercentageError<T>(T prediction, T target) where T : IFloatingPointIeee754<T> =>
        T.CreateChecked(100) * Abs(target - prediction) / Max(Abs(target), T.CreateChecked(1e-7));

    /// <summary>
    /// Keras' <c>BinaryFocalCrossentropy</c> (<c>apply_class_balancing=False</c>, <c>from_logits=True</c>):
    /// (1 - pₜ)^γ·BCE(x, y') with labels smoothed towards ½, y' = y(1 - s) + s/2, and pₜ = y'σ(x) + (1 - y')σ(-x).
    /// The BCE is computed from the logit, exactly (Keras clips probabilities at 1e-7); γ ≥ 1 as for
    /// <see cref="SigmoidFocal"/>.
    /// </summary>
    [Loss]
    public static T BinaryFocalCrossentropy<T>(T logit, [Domain(Min = 0, Max = 1)] T target,
        [Hyper(Min = 1, Default = 2)] T gamma, [Hyper(Min = 0, Max = 1, Default = 0)] T labelSmoothing) where T : IFloatingPointIeee754<T>
    {
        T y = target * (T.One - labelSmoothing) + T.CreateChecked(0.5) * labelSmoothing;
        T p = Sigmoid(logit);
        T miss = p * (T.One - y) + (T.One - p) * y; // 1 - pₜ, written so it is visibly ≥ 0
        T modulation = miss > T.CreateChecked(1e-30) ? Pow(miss, gamma) : T.Zero;
        return modulation * BceWithLogits(logit, y, T.One);
    }

    /// <summary>
    /// Keras' <c>BinaryFocalCrossentropy</c> with <c>apply_class_balancing=True</c>: (y'α + (1 - y')(1 - α))·
    /// <see cref="BinaryFocalCrossentropy"/>, y' the smoothed label.
    /// </summary>
    [Loss]
    public static T BalancedBinaryFocalCrossentropy<T>(T logit, [Domain(Min = 0, Max = 1)] T target,
        [Hyper(Min = 0, Max = 1, Default = 0.25)] T alpha, [Hyper(Min = 1, Default = 2)] T gamma, [Hyper(Min = 0, Max = 1, Default = 0)] T labelSmoothing) where T : IFloatingPointIeee754<T>
    {
        T y = target * (T.One - labelSmoothing) + T.CreateChecked(0.5) * labelSmoothing;
        return (y * alpha + (T.One - y) * (T.One - alpha)) * BinaryFocalCrossentropy(logit, target, gamma, labelSmoothing);
    }

    /// <summary>optax's <c>perceptron_loss</c> for labels ±1: max(0, -y·x), the hinge with margin 0.</summary>
    [Loss]
    public static T Perceptron<T>(T prediction, T target) where T : IFloatingPointIeee754<T> => Max(-target * prediction, T.Zero);

    /// <summary>
    /// optax's <c>generalized_kl_divergence</c> (formerly <c>convex_kl_divergence</c>), per element: y·(log y - x) +
    /// exp(x) - y for a log-prediction x and a non-negative target y (0·log 0 = 0): the Bregman divergence of x log x - x,
    /// for unnormalized distributions. optax sums over the last axis: <c>Reduction.Sum</c> over one example's elements.
    /// </summary>
    [Loss]
    public static T GeneralizedKlDivergence<T>([Wrt(Max = 88)] T logPrediction, [Domain(Min = 0)] T target) where T : IFloatingPointIeee754<T> =>
        (target > T.Zero ? target * (Log(target) - logPrediction) : T.Zero) + Exp(logPrediction) - target;

    /// <summary>
    /// optax's <c>sparsemax_loss</c> (binary sparsemax, Blondel et al.): sparse_plus(z) with z = -x for a label 1 and x for 0,
    /// sparse_plus(z) = 0 for z ≤ -1, (z + 1)²/4 for |z| &lt; 1, z for z ≥ 1 — zero exactly where sparse_sigmoid(x) is the label.
    /// </summary>
    [Loss]
    public static T BinarySparsemax<T>(T logit, T target) where T : IFloatingPointIeee754<T>
    {
        T z = target != T.Zero ? -logit : logit;
        return z <= -T.One ? T.Zero : z >= T.One ? z : T.CreateChecked(0.25) * Square(z + T.One);
    }
}
