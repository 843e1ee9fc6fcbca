using static LossDsl.LossMath;

namespace LossDsl;

/// <summary>
/// The standard elementwise losses, written in the loss DSL and compiled by the LossDsl generator: each
/// method is the scalar reference, and its nested <c>{Name}Loss</c> class holds the vectorized kernels
/// (for example <c>new Losses.HuberLoss(delta: 0.5f).ForwardBackward(prediction, target, gradient)</c>).
/// Semantics and defaults follow PyTorch (torchvision, Keras where PyTorch has none); docs/catalogue.md
/// lists each formula and where a gradient deliberately differs.
/// </summary>
public static partial class Losses
{
    /// <summary>Squared error, PyTorch's <c>MSELoss</c>: (prediction - target)².</summary>
    [Loss]
    public static float Mse(float prediction, float target) => Square(prediction - target);

    /// <summary>Absolute error, PyTorch's <c>L1Loss</c>: |prediction - target| (subgradient 0 at 0).</summary>
    [Loss]
    public static float L1(float prediction, float target) => Abs(prediction - target);

    /// <summary>PyTorch's <c>HuberLoss</c>: ½r² for |r| &lt; delta, else delta·(|r| - ½delta).</summary>
    [Loss]
    public static float Huber(float prediction, float target, [Hyper] float delta = 1f)
    {
        float r = prediction - target;
        return Abs(r) < delta ? 0.5f * r * r : delta * (Abs(r) - 0.5f * delta);
    }

    /// <summary>PyTorch's <c>SmoothL1Loss</c>: ½r²/beta for |r| &lt; beta, else |r| - ½beta.</summary>
    [Loss]
    public static float SmoothL1(float prediction, float target, [Hyper] float beta = 1f)
    {
        float r = Abs(prediction - target);
        return r < beta ? 0.5f * r * r / beta : r - 0.5f * beta;
    }

    /// <summary>
    /// PyTorch's <c>BCELoss</c> on probabilities: -(y·log p + (1-y)·log(1-p)), each log clamped at -100.
    /// The gradient is that of this clamped function (0 where a log is clamped), not PyTorch's ε-guarded formula.
    /// </summary>
    [Loss]
    public static float Bce([Wrt(Min = 0, Max = 1)] float probability, [Domain(Min = 0, Max = 1)] float target) =>
        -(target * Max(Log(probability), -100f) + (1 - target) * Max(Log1p(-probability), -100f));

    /// <summary>
    /// PyTorch's <c>BCEWithLogitsLoss</c> with <c>pos_weight</c>: (1-y)·x + (1 + (w-1)·y)·softplus(-x).
    /// Stable for any logit; gradient σ(x)·(1 + (w-1)y) - w·y.
    /// </summary>
    [Loss]
    public static float BceWithLogits(float logit, float target, [Hyper] float posWeight = 1f) =>
        (1 - target) * logit + (1 + (posWeight - 1) * target) * Softplus(-logit);

    /// <summary>
    /// torchvision's <c>sigmoid_focal_loss</c>: αₜ·(1 - pₜ)^γ·BCE(x, y), with pₜ = p·y + (1-p)(1-y);
    /// a negative alpha disables the class weighting, as in torchvision. γ ≥ 1: below 1 the gradient of
    /// (1 - pₜ)^γ is infinite where pₜ rounds to 1, which float reaches for |x| &gt; 17 (LD2008). Where 1 - pₜ is
    /// below 1e-30 the factor is taken as 0 (it is below 1e-30 anyway): (1 - pₜ)^(γ-2) in the Hessian would be ∞
    /// there for γ &lt; 2, and ∞·0 made the Hessian NaN (found by LD2008).
    /// </summary>
    [Loss]
    public static float SigmoidFocal(float logit, [Domain(Min = 0, Max = 1)] float target, [Hyper] float alpha = 0.25f, [Hyper(Min = 1)] float gamma = 2f)
    {
        float p = Sigmoid(logit);
        float miss = p * (1 - target) + (1 - p) * target; // 1 - pₜ, written so it is visibly ≥ 0
        float at = alpha >= 0 ? alpha * target + (1 - alpha) * (1 - target) : 1f;
        float modulation = miss > 1e-30f ? Pow(miss, gamma) : 0f;
        return at * modulation * BceWithLogits(logit, target, 1f);
    }

    /// <summary>PyTorch's <c>SoftMarginLoss</c> for labels ±1: log(1 + exp(-y·x)).</summary>
    [Loss]
    public static float SoftMargin(float prediction, float target) => Softplus(-target * prediction);

    /// <summary>Keras' <c>hinge</c> for labels ±1: max(margin - y·x, 0).</summary>
    [Loss]
    public static float Hinge(float prediction, float target, [Hyper] float margin = 1f) => Max(margin - target * prediction, 0f);

    /// <summary>Keras' <c>squared_hinge</c> for labels ±1: max(margin - y·x, 0)².</summary>
    [Loss]
    public static float SquaredHinge(float prediction, float target, [Hyper] float margin = 1f) =>
        Square(Max(margin - target * prediction, 0f));

    /// <summary>Keras' <c>log_cosh</c>: log(cosh(prediction - target)), stable for large residuals.</summary>
    [Loss]
    public static float LogCosh(float prediction, float target) => LossMath.LogCosh(prediction - target);

    /// <summary>
    /// PyTorch's <c>PoissonNLLLoss</c> with <c>log_input=True</c>, <c>full=False</c>: exp(x) - y·x. Log-rates
    /// above 88 overflow float (e^88.72 is float.MaxValue), so they are outside the domain.
    /// </summary>
    [Loss]
    public static float PoissonNll([Wrt(Max = 88)] float logRate, float target) => Exp(logRate) - target * logRate;

    /// <summary>
    /// PyTorch's <c>GaussianNLLLoss</c> (<c>full=False</c>): ½(log max(v, eps) + (μ - y)² / max(v, eps)), both mean
    /// and variance differentiated. Where v &lt; eps the variance gradient is 0 (PyTorch passes it through the clamp).
    /// </summary>
    [Loss]
    public static float GaussianNll([Wrt] float mean, float target, [Wrt] float variance, [Hyper(Min = float.Epsilon)] float eps = 1e-6f)
    {
        float v = Max(variance, eps);
        return 0.5f * (Log(v) + Square(mean - target) / v);
    }

    /// <summary>Quantile (pinball) loss: max(q·r, (q - 1)·r) with r = target - prediction.</summary>
    [Loss]
    public static float Quantile(float prediction, float target, [Hyper] float quantile = 0.5f)
    {
        float r = target - prediction;
        return Max(quantile * r, (quantile - 1) * r);
    }

    /// <summary>
    /// PyTorch's pointwise <c>KLDivLoss</c> (<c>log_target=False</c>): y·(log y - x) for log-probability x,
    /// and 0 where y = 0.
    /// </summary>
    [Loss]
    public static float KlDivergence(float logProbability, float target) =>
        target > 0 ? target * (Log(target) - logProbability) : 0f;

    /// <summary>PyTorch's pointwise <c>KLDivLoss</c> with <c>log_target=True</c>: exp(t)·(t - x), for a log-probability t ≤ 0.</summary>
    [Loss]
    public static float KlDivergenceLogTarget(float logProbability, [Domain(Max = 0)] float logTarget) =>
        Exp(logTarget) * (logTarget - logProbability);

    /// <summary>Keras' <c>mean_squared_logarithmic_error</c>: (log(1 + max(x, ε)) - log(1 + max(y, ε)))², ε = 1e-7.</summary>
    [Loss]
    public static float SquaredLogError(float prediction, float target) =>
        Square(Log1p(Max(prediction, 1e-7f)) - Log1p(Max(target, 1e-7f)));

    /// <summary>
    /// PyTorch's <c>BCELoss(weight=…)</c> with a per-element weight: weight·<see cref="Bce"/>. The weight is an input,
    /// not differentiated (PyTorch's <c>weight</c> broadcasts to the elements; pass it expanded).
    /// </summary>
    [Loss]
    public static float WeightedBce([Wrt(Min = 0, Max = 1)] float probability, [Domain(Min = 0, Max = 1)] float target, float weight) =>
        weight * Bce(probability, target);

    /// <summary>
    /// PyTorch's <c>BCEWithLogitsLoss(weight=…, pos_weight=…)</c> with a per-element weight:
    /// weight·<see cref="BceWithLogits"/>. The weight is an input, not differentiated.
    /// </summary>
    [Loss]
    public static float WeightedBceWithLogits(float logit, float target, float weight, [Hyper] float posWeight = 1f) =>
        weight * BceWithLogits(logit, target, posWeight);

    /// <summary>
    /// PyTorch's <c>PoissonNLLLoss</c> with <c>log_input=True</c>, <c>full=True</c>: exp(x) - y·x plus Stirling's
    /// approximation of log(y!), y·log y - y + ½·log(2πy), where y &gt; 1 (0 elsewhere, as PyTorch). The added term does
    /// not depend on x: the derivatives are <see cref="PoissonNll"/>'s.
    /// </summary>
    [Loss]
    public static float PoissonNllFull([Wrt(Max = 88)] float logRate, float target) =>
        PoissonNll(logRate, target) + (target > 1 ? target * Log(target) - target + 0.5f * Log(6.2831853f * target) : 0f);

    /// <summary>
    /// PyTorch's <c>PoissonNLLLoss</c> with <c>log_input=False</c> (<c>full=False</c>): λ - y·log(λ + eps) for a rate
    /// λ ≥ 0, eps = 1e-8 as PyTorch's default.
    /// </summary>
    [Loss]
    public static float PoissonNllRate([Wrt(Min = 0)] float rate, float target, [Hyper(Min = float.Epsilon)] float eps = 1e-8f) =>
        rate - target * Log(rate + eps);

    /// <summary>
    /// PyTorch's <c>GaussianNLLLoss</c> with <c>full=True</c>: <see cref="GaussianNll"/> + ½·log(2π). The constant does
    /// not change the derivatives.
    /// </summary>
    [Loss]
    public static float GaussianNllFull([Wrt] float mean, float target, [Wrt] float variance, [Hyper(Min = float.Epsilon)] float eps = 1e-6f) =>
        GaussianNll(mean, target, variance, eps) + 0.9189385f;

    /// <summary>
    /// PyTorch's <c>MarginRankingLoss</c>: max(0, -y·(x1 - x2) + margin) for y = ±1 (y = 1: x1 should rank higher).
    /// Both inputs are differentiated.
    /// </summary>
    [Loss]
    public static float MarginRanking([Wrt] float input1, [Wrt] float input2, float target, [Hyper] float margin = 0f) =>
        Max(margin - target * (input1 - input2), 0f);

    /// <summary>
    /// PyTorch's <c>HingeEmbeddingLoss</c>: x where y = 1, max(0, margin - x) where y = -1 (for another y, both terms, as
    /// PyTorch computes it). x is typically a distance.
    /// </summary>
    [Loss]
    public static float HingeEmbedding(float input, float target, [Hyper] float margin = 1f) =>
        (target != 1 ? Max(margin - input, 0f) : 0f) + (target != -1 ? input : 0f);

    /// <summary>
    /// Keras' <c>MeanAbsolutePercentageError</c>: 100·|y - x| / max(|y|, ε), ε = 1e-7 (Keras' <c>epsilon()</c>).
    /// </summary>
    [Loss]
    public static float MeanAbsolutePercentageError(float prediction, float target) =>
        100f * Abs(target - prediction) / Max(Abs(target), 1e-7f);

    /// <summary>
    /// Keras' <c>BinaryFocalCrossentropy</c> (<c>apply_class_balancing=False</c>, <c>from_logits=True</c>):
    /// (1 - pₜ)^γ·BCE(x, y') with labels smoothed towards ½, y' = y(1 - s) + s/2, and pₜ = y'σ(x) + (1 - y')σ(-x).
    /// The BCE is computed from the logit, exactly (Keras clips probabilities at 1e-7); γ ≥ 1 as for
    /// <see cref="SigmoidFocal"/>.
    /// </summary>
    [Loss]
    public static float BinaryFocalCrossentropy(float logit, [Domain(Min = 0, Max = 1)] float target,
        [Hyper(Min = 1)] float gamma = 2f, [Hyper(Min = 0, Max = 1)] float labelSmoothing = 0f)
    {
        float y = target * (1 - labelSmoothing) + 0.5f * labelSmoothing;
        float p = Sigmoid(logit);
        float miss = p * (1 - y) + (1 - p) * y; // 1 - pₜ, written so it is visibly ≥ 0
        float modulation = miss > 1e-30f ? Pow(miss, gamma) : 0f;
        return modulation * BceWithLogits(logit, y, 1f);
    }

    /// <summary>
    /// Keras' <c>BinaryFocalCrossentropy</c> with <c>apply_class_balancing=True</c>: (y'α + (1 - y')(1 - α))·
    /// <see cref="BinaryFocalCrossentropy"/>, y' the smoothed label.
    /// </summary>
    [Loss]
    public static float BalancedBinaryFocalCrossentropy(float logit, [Domain(Min = 0, Max = 1)] float target,
        [Hyper(Min = 0, Max = 1)] float alpha = 0.25f, [Hyper(Min = 1)] float gamma = 2f, [Hyper(Min = 0, Max = 1)] float labelSmoothing = 0f)
    {
        float y = target * (1 - labelSmoothing) + 0.5f * labelSmoothing;
        return (y * alpha + (1 - y) * (1 - alpha)) * BinaryFocalCrossentropy(logit, target, gamma, labelSmoothing);
    }

    /// <summary>optax's <c>perceptron_loss</c> for labels ±1: max(0, -y·x), the hinge with margin 0.</summary>
    [Loss]
    public static float Perceptron(float prediction, float target) => Max(-target * prediction, 0f);

    /// <summary>
    /// optax's <c>generalized_kl_divergence</c> (formerly <c>convex_kl_divergence</c>), per element: y·(log y - x) +
    /// exp(x) - y for a log-prediction x and a non-negative target y (0·log 0 = 0): the Bregman divergence of x log x - x,
    /// for unnormalized distributions. optax sums over the last axis: <c>Reduction.Sum</c> over one example's elements.
    /// </summary>
    [Loss]
    public static float GeneralizedKlDivergence([Wrt(Max = 88)] float logPrediction, [Domain(Min = 0)] float target) =>
        (target > 0 ? target * (Log(target) - logPrediction) : 0f) + Exp(logPrediction) - target;

    /// <summary>
    /// optax's <c>sparsemax_loss</c> (binary sparsemax, Blondel et al.): sparse_plus(z) with z = -x for a label 1 and x for 0,
    /// sparse_plus(z) = 0 for z ≤ -1, (z + 1)²/4 for |z| &lt; 1, z for z ≥ 1 — zero exactly where sparse_sigmoid(x) is the label.
    /// </summary>
    [Loss]
    public static float BinarySparsemax(float logit, float target)
    {
        float z = target != 0 ? -logit : logit;
        return z <= -1 ? 0f : z >= 1 ? z : 0.25f * Square(z + 1);
    }
}
