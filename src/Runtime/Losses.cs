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
}
