using System;
using static LossDsl.LossMath;

namespace LossDsl;

/// <summary>
/// The row-loss catalogue: losses over a row of C values (class scores, a distribution, an embedding), with
/// PyTorch's semantics (docs/catalogue.md). Each is a [Loss] over ReadOnlySpan rows; the generator adds a nested
/// <c>{Name}Loss</c> class whose members take flattened [rows × width] spans, and the mean reduction averages rows.
/// </summary>
public static partial class RowLosses
{
    /// <summary>
    /// Cross-entropy of logits against a class index with label smoothing ε, PyTorch's
    /// <c>CrossEntropyLoss(ignore_index=-100, label_smoothing=ε)</c>: (1-ε)·(lse - x[y]) + ε·(lse - mean(x)),
    /// lse = log Σⱼ exp(xⱼ). Its gradient is softmax(x) - (1-ε)·onehot(y) - ε/C.
    /// </summary>
    [Loss]
    public static float CrossEntropy(ReadOnlySpan<float> logits, [IgnoreIndex(-100)] int target, [Hyper(Min = 0, Max = 1)] float labelSmoothing = 0f) =>
        LogSumExp(logits) - (1 - labelSmoothing) * logits[target] - labelSmoothing * Mean(logits);

    /// <summary>
    /// Cross-entropy with per-class weights w, PyTorch's <c>CrossEntropyLoss(weight=w, ignore_index=-100, label_smoothing=ε)</c>:
    /// (1-ε)·w[y]·(lse - x[y]) + ε/C·Σⱼ wⱼ·(lse - xⱼ); the mean divides by Σ w[y] over the counted rows.
    /// </summary>
    [Loss]
    public static float WeightedCrossEntropy(ReadOnlySpan<float> logits, [IgnoreIndex(-100)] int target, [Hyper, ClassWeights] ReadOnlySpan<float> weight,
        [Hyper(Min = 0, Max = 1)] float labelSmoothing = 0f)
    {
        float lse = LogSumExp(logits);
        return (1 - labelSmoothing) * weight[target] * (lse - logits[target])
            + labelSmoothing / logits.Length * (lse * Sum(weight) - Dot(weight, logits));
    }

    /// <summary>
    /// Cross-entropy against class probabilities q (PyTorch's <c>CrossEntropyLoss</c> with a probability target):
    /// -Σⱼ q'ⱼ·log softmax(x)ⱼ with q' = (1-ε)·q + ε/C.
    /// </summary>
    [Loss]
    public static float CrossEntropyWithProbabilities(ReadOnlySpan<float> logits, ReadOnlySpan<float> target, [Hyper(Min = 0, Max = 1)] float labelSmoothing = 0f) =>
        LogSumExp(logits) * ((1 - labelSmoothing) * Sum(target) + labelSmoothing) - (1 - labelSmoothing) * Dot(target, logits) - labelSmoothing * Mean(logits);

    /// <summary>Negative log-likelihood of log-probabilities, PyTorch's <c>NLLLoss(ignore_index=-100)</c>: -x[y].</summary>
    [Loss]
    public static float Nll(ReadOnlySpan<float> logProbabilities, [IgnoreIndex(-100)] int target) => -logProbabilities[target];

    /// <summary>
    /// KL divergence of a target distribution t from log-probabilities x, Σⱼ tⱼ·(log tⱼ - xⱼ) with 0·log 0 = 0:
    /// PyTorch's <c>KLDivLoss(reduction="batchmean")</c> (the mean over rows is its batch mean).
    /// </summary>
    [Loss]
    public static float KlDivergence(ReadOnlySpan<float> input, ReadOnlySpan<float> target) =>
        Sum(input, target, (x, t) => (t > 0 ? t * Log(t) : 0) - t * x);

    /// <summary>
    /// KL divergence with a log-space target, PyTorch's <c>KLDivLoss(reduction="batchmean", log_target=True)</c>:
    /// Σⱼ exp(tⱼ)·(tⱼ - xⱼ). The target is a log-probability (≤ 0), which keeps its exp finite.
    /// </summary>
    [Loss]
    public static float KlDivergenceLogTarget(ReadOnlySpan<float> input, [Domain(Max = 0)] ReadOnlySpan<float> target) =>
        Sum(input, target, (x, t) => Exp(t) * (t - x));

    /// <summary>
    /// Soft Dice loss of probabilities p against a (soft) mask t in [0, 1]: 1 - (2·Σ pt + s) / (Σ p + Σ t + s).
    /// The smoothing s must be positive: with s = 0 an empty mask and prediction give 0/0.
    /// </summary>
    [Loss]
    public static float Dice([Wrt(Min = 0, Max = 1)] ReadOnlySpan<float> probabilities, [Domain(Min = 0, Max = 1)] ReadOnlySpan<float> target,
        [Hyper(Min = float.Epsilon)] float smooth = 1f) =>
        1 - (2 * Dot(probabilities, target) + smooth) / (Sum(probabilities) + Sum(target) + smooth);

    /// <summary>
    /// Tversky loss: 1 - (TP + s) / (TP + α·FP + β·FN + s) with TP = Σ pt, FP = Σ p(1-t), FN = Σ (1-p)t, for
    /// probabilities and a mask in [0, 1]; α = β = ½ is the Dice loss. The smoothing s must be positive.
    /// </summary>
    [Loss]
    public static float Tversky([Wrt(Min = 0, Max = 1)] ReadOnlySpan<float> probabilities, [Domain(Min = 0, Max = 1)] ReadOnlySpan<float> target,
        [Hyper(Min = 0)] float alpha = 0.5f, [Hyper(Min = 0)] float beta = 0.5f, [Hyper(Min = float.Epsilon)] float smooth = 1f)
    {
        float truePositive = Dot(probabilities, target);
        float falsePositive = Sum(probabilities, target, (p, t) => p * (1 - t));
        float falseNegative = Sum(probabilities, target, (p, t) => (1 - p) * t);
        return 1 - (truePositive + smooth) / (truePositive + alpha * falsePositive + beta * falseNegative + smooth);
    }

    /// <summary>
    /// PyTorch's <c>CosineEmbeddingLoss(margin)</c>: 1 - cos(x1, x2) where the target is 1, max(0, cos - margin)
    /// where it is -1, 0 otherwise; cos = x1·x2 / √((‖x1‖² + 1e-12)(‖x2‖² + 1e-12)).
    /// </summary>
    [Loss]
    public static float CosineEmbedding([Wrt] ReadOnlySpan<float> x1, [Wrt] ReadOnlySpan<float> x2, float target, [Hyper(Min = -1, Max = 1)] float margin = 0f)
    {
        float cos = Dot(x1, x2) / Sqrt((SquaredNorm(x1) + 1e-12f) * (SquaredNorm(x2) + 1e-12f));
        return target == 1 ? 1 - cos : target == -1 ? Max(0f, cos - margin) : 0f;
    }

    /// <summary>
    /// PyTorch's <c>TripletMarginLoss(margin, p=2, eps)</c>: max(d(a, p) - d(a, n) + margin, 0) with
    /// d(u, v) = ‖u - v + eps‖₂. At a distance of exactly 0 the norm's gradient is taken as 0 (PyTorch's
    /// subgradient), not 0/0: the branch keeps the generated gradient finite (LD2008 found the 0/0).
    /// </summary>
    [Loss]
    public static float TripletMargin([Wrt] ReadOnlySpan<float> anchor, [Wrt] ReadOnlySpan<float> positive, [Wrt] ReadOnlySpan<float> negative,
        [Hyper] float margin = 1f, [Hyper(Min = 0)] float eps = 1e-6f)
    {
        float squaredToPositive = Sum(anchor, positive, (a, p) => Square(a - p + eps));
        float squaredToNegative = Sum(anchor, negative, (a, n) => Square(a - n + eps));
        float toPositive = squaredToPositive > 0 ? Sqrt(squaredToPositive) : 0f;
        float toNegative = squaredToNegative > 0 ? Sqrt(squaredToNegative) : 0f;
        return Max(toPositive - toNegative + margin, 0f);
    }

    /// <summary>
    /// Multi-class hinge loss, PyTorch's <c>MultiMarginLoss(p=1, margin)</c>: Σ_{j≠y} max(0, margin - x[y] + xⱼ) / C.
    /// </summary>
    [Loss]
    public static float MultiMargin(ReadOnlySpan<float> scores, int target, [Hyper] float margin = 1f)
    {
        float correct = scores[target];
        return (Sum(scores, s => Max(0f, margin - correct + s)) - Max(0f, margin)) / scores.Length;
    }

    /// <summary>
    /// PyTorch's <c>MultiMarginLoss(p=2, margin)</c>: Σ_{j≠y} max(0, margin - x[y] + xⱼ)² / C.
    /// </summary>
    [Loss]
    public static float MultiMarginSquared(ReadOnlySpan<float> scores, int target, [Hyper] float margin = 1f)
    {
        float correct = scores[target];
        return (Sum(scores, s => Square(Max(0f, margin - correct + s))) - Square(Max(0f, margin))) / scores.Length;
    }

    /// <summary>
    /// PyTorch's <c>MultiMarginLoss(p=1, margin, weight=w)</c>: w[y]·Σ_{j≠y} max(0, margin - x[y] + xⱼ) / C. The mean is
    /// over rows, as PyTorch's (not divided by Σ w[y]).
    /// </summary>
    [Loss]
    public static float WeightedMultiMargin(ReadOnlySpan<float> scores, int target, [Hyper] ReadOnlySpan<float> weight, [Hyper] float margin = 1f)
    {
        float correct = scores[target];
        return weight[target] * (Sum(scores, s => Max(0f, margin - correct + s)) - Max(0f, margin)) / scores.Length;
    }

    /// <summary>PyTorch's <c>MultiMarginLoss(p=2, margin, weight=w)</c>: w[y]·Σ_{j≠y} max(0, margin - x[y] + xⱼ)² / C.</summary>
    [Loss]
    public static float WeightedMultiMarginSquared(ReadOnlySpan<float> scores, int target, [Hyper] ReadOnlySpan<float> weight, [Hyper] float margin = 1f)
    {
        float correct = scores[target];
        return weight[target] * (Sum(scores, s => Square(Max(0f, margin - correct + s))) - Square(Max(0f, margin))) / scores.Length;
    }

    /// <summary>
    /// PyTorch's <c>MultiLabelSoftMarginLoss</c>: -(1/C)·Σⱼ [yⱼ·log σ(xⱼ) + (1 - yⱼ)·log σ(-xⱼ)], written with softplus so it is
    /// exact for any logit; y a multi-hot (or soft) target row.
    /// </summary>
    [Loss]
    public static float MultiLabelSoftMargin(ReadOnlySpan<float> logits, [Domain(Min = 0, Max = 1)] ReadOnlySpan<float> target) =>
        Sum(logits, target, (x, y) => y * Softplus(-x) + (1 - y) * Softplus(x)) / logits.Length;

    /// <summary>PyTorch's <c>MultiLabelSoftMarginLoss(weight=w)</c>: -(1/C)·Σⱼ wⱼ·[yⱼ·log σ(xⱼ) + (1 - yⱼ)·log σ(-xⱼ)].</summary>
    [Loss]
    public static float WeightedMultiLabelSoftMargin(ReadOnlySpan<float> logits, [Domain(Min = 0, Max = 1)] ReadOnlySpan<float> target, [Hyper] ReadOnlySpan<float> weight) =>
        Sum(logits, target, weight, (x, y, w) => w * (y * Softplus(-x) + (1 - y) * Softplus(x))) / logits.Length;

    /// <summary>
    /// Keras' <c>CosineSimilarity</c> loss: -Σⱼ pⱼtⱼ / (‖p‖·‖t‖), each norm floored at √1e-12 as Keras' l2_normalize does
    /// (1 for opposite rows, -1 for aligned ones). optax's <c>cosine_distance</c> is 1 + this.
    /// </summary>
    [Loss]
    public static float CosineSimilarity(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target) =>
        -Dot(prediction, target) / (Sqrt(Max(SquaredNorm(prediction), 1e-12f)) * Sqrt(Max(SquaredNorm(target), 1e-12f)));

    /// <summary>
    /// optax's <c>poly_loss_cross_entropy</c> (PolyLoss, Leng et al. 2022) for a class index: CE + ε·(1 - pₜ), pₜ = softmax(x)[y];
    /// optax's default ε = 2.
    /// </summary>
    [Loss]
    public static float PolyLossCrossEntropy(ReadOnlySpan<float> logits, [IgnoreIndex(-100)] int target, [Hyper] float epsilon = 2f)
    {
        float logProbability = Min(logits[target] - LogSumExp(logits), 0f); // ≤ 0 always; said so for the analyzers
        return -logProbability - epsilon * Expm1(logProbability);
    }

    /// <summary>
    /// Keras' <c>CategoricalFocalCrossentropy</c> (<c>from_logits=True</c>, no label smoothing) for a class index:
    /// -α·(1 - pₜ)^γ·log pₜ, pₜ = softmax(x)[y]. With one-hot labels Keras' sum over classes is this one term. γ ≥ 1 (below,
    /// the gradient of (1 - pₜ)^γ is ∞ where pₜ rounds to 1).
    /// </summary>
    [Loss]
    public static float CategoricalFocalCrossentropy(ReadOnlySpan<float> logits, [IgnoreIndex(-100)] int target,
        [Hyper] float alpha = 0.25f, [Hyper(Min = 1)] float gamma = 2f)
    {
        float logProbability = Min(logits[target] - LogSumExp(logits), 0f); // ≤ 0 always; said so for the analyzers
        float miss = -Expm1(logProbability); // 1 - pₜ
        return -alpha * (miss > 1e-30F ? Pow(miss, gamma) : 0F) * logProbability;
    }

    /// <summary>optax's <c>multiclass_perceptron_loss</c>: maxⱼ xⱼ - x[y].</summary>
    [Loss]
    public static float MulticlassPerceptron(ReadOnlySpan<float> scores, int target) => Max(scores) - scores[target];

    /// <summary>
    /// optax's <c>ranking_softmax_loss</c> (ListNet-style): -Σᵢ yᵢ·log softmax(s)ᵢ = Σᵢ yᵢ·(lse(s) - sᵢ) for relevance labels y
    /// (not normalized). optax's <c>where</c> and <c>weights</c> are not covered: pass 0 relevance for a masked item, or scale y.
    /// </summary>
    [Loss]
    public static float RankingSoftmax(ReadOnlySpan<float> scores, [Domain(Min = 0)] ReadOnlySpan<float> relevance) =>
        LogSumExp(scores) * Sum(relevance) - Dot(relevance, scores);

    /// <summary>
    /// PyTorch's <c>TripletMarginLoss(margin, p, eps)</c> for a p-norm with p ≥ 2: max(d(a, p) - d(a, n) + margin, 0),
    /// d(u, v) = ‖u - v + eps‖ₚ; at a distance of exactly 0 the norm's gradient is taken as 0, as in <see cref="TripletMargin"/>.
    /// For 1 &lt; p &lt; 2 the Hessian of |r|ᵖ is ∞ at r = 0 (LD2008), so those p are outside the stated range; p = 1 is
    /// <see cref="TripletMarginL1"/>.
    /// </summary>
    [Loss]
    public static float TripletMarginPNorm([Wrt] ReadOnlySpan<float> anchor, [Wrt] ReadOnlySpan<float> positive, [Wrt] ReadOnlySpan<float> negative,
        [Hyper] float margin = 1f, [Hyper(Min = 2)] float norm = 2f, [Hyper(Min = 0)] float eps = 1e-6f)
    {
        float powerToPositive = Sum(anchor, positive, (a, p) => Pow(Abs(a - p + eps), norm));
        float powerToNegative = Sum(anchor, negative, (a, n) => Pow(Abs(a - n + eps), norm));
        float toPositive = powerToPositive > 0 ? Pow(powerToPositive, 1 / norm) : 0f;
        float toNegative = powerToNegative > 0 ? Pow(powerToNegative, 1 / norm) : 0f;
        return Max(toPositive - toNegative + margin, 0f);
    }

    /// <summary>PyTorch's <c>TripletMarginLoss(margin, p=1, eps)</c>: max(‖a - p + eps‖₁ - ‖a - n + eps‖₁ + margin, 0).</summary>
    [Loss]
    public static float TripletMarginL1([Wrt] ReadOnlySpan<float> anchor, [Wrt] ReadOnlySpan<float> positive, [Wrt] ReadOnlySpan<float> negative,
        [Hyper] float margin = 1f, [Hyper(Min = 0)] float eps = 1e-6f) =>
        Max(Sum(anchor, positive, (a, p) => Abs(a - p + eps)) - Sum(anchor, negative, (a, n) => Abs(a - n + eps)) + margin, 0f);

    /// <summary>
    /// PyTorch's <c>TripletMarginLoss(margin, p=2, eps, swap=True)</c>: the distance to the negative is the smaller of d(a, n) and
    /// d(p, n) (Balntas et al.'s distance swap), d(u, v) = ‖u - v + eps‖₂.
    /// </summary>
    [Loss]
    public static float TripletMarginSwap([Wrt] ReadOnlySpan<float> anchor, [Wrt] ReadOnlySpan<float> positive, [Wrt] ReadOnlySpan<float> negative,
        [Hyper] float margin = 1f, [Hyper(Min = 0)] float eps = 1e-6f)
    {
        float squaredToPositive = Sum(anchor, positive, (a, p) => Square(a - p + eps));
        float squaredToNegative = Sum(anchor, negative, (a, n) => Square(a - n + eps));
        float squaredPositiveToNegative = Sum(positive, negative, (p, n) => Square(p - n + eps));
        float toPositive = squaredToPositive > 0 ? Sqrt(squaredToPositive) : 0f;
        float toNegative = squaredToNegative > 0 ? Sqrt(squaredToNegative) : 0f;
        float positiveToNegative = squaredPositiveToNegative > 0 ? Sqrt(squaredPositiveToNegative) : 0f;
        return Max(toPositive - Min(toNegative, positiveToNegative) + margin, 0f);
    }
}
