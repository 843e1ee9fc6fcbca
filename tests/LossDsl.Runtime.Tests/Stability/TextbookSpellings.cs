using System;
using LossDsl;
using static LossDsl.LossMath;

namespace LossDsl.Runtime.Tests.Stability;

/// <summary>
/// Losses spelled as a new user would from a textbook (issue 13), whose literal kernels are ∞, NaN or wrong where
/// the exact value is finite, beside the stable spellings the generator's rewrites must reproduce exactly. Each
/// unstable one also exists with <c>Rewrite = false</c>, the kernel as written.
/// </summary>
public static partial class TextbookSpellings
{
    [Loss]
    public static float BceThroughLogSigmoid(float logit, float target) =>
        -(target * Log(Sigmoid(logit)) + (1 - target) * Log(1 - Sigmoid(logit)));

    [Loss]
    public static float BceStable(float logit, float target) =>
        -(target * LogSigmoid(logit) + (1 - target) * LogSigmoid(-logit));

    [Loss]
    public static float SoftplusSpelled(float logit, float target) => Log(1 + Exp(logit)) - logit * target;

    [Loss]
    public static float SoftplusStable(float logit, float target) => Softplus(logit) - logit * target;

    [Loss]
    public static float LogCoshSpelled(float prediction, float target)
    {
        float r = prediction - target;
        return Log((Exp(r) + Exp(-r)) / 2);
    }

    [Loss]
    public static float LogCoshStable(float prediction, float target) => LogCosh(target - prediction);

    [Loss]
    public static float AbsThroughSqrt(float prediction, float target) => Sqrt(Square(prediction - target));

    [Loss]
    public static float AbsStable(float prediction, float target) => Abs(prediction - target);

    [Loss]
    public static float LogSumExpSpelled(float a, float b) => Log(Exp(a) + Exp(b));

    /// <summary>The focal loss through pₜ and log pₜ (a probability target, as a user states it to quiet LD2011).</summary>
    [Loss]
    public static float FocalThroughLogPt(float logit, [Domain(Min = 0, Max = 1)] float target, [Hyper] float gamma = 2f)
    {
        float p = Sigmoid(logit);
        float pt = target * p + (1 - target) * (1 - p);
        return -Pow(1 - pt, gamma) * Log(pt);
    }

    /// <summary>torchvision's focal loss with the weight written Pow(1 - pₜ, γ) and the BCE stable.</summary>
    [Loss]
    public static float FocalPowWeight(float logit, [Domain(Min = 0, Max = 1)] float target, [Hyper] float gamma = 1.5f)
    {
        float p = Sigmoid(logit);
        float pt = p * target + (1 - p) * (1 - target);
        return Pow(1 - pt, gamma) * (Softplus(logit) - logit * target);
    }

    [Loss]
    public static float Log1pSpelled(float prediction, float target) => Log(1 + Square(prediction - target));

    [Loss]
    public static float Log1pStable(float prediction, float target) => Log1p(Square(prediction - target));

    [Loss]
    public static float Expm1Spelled(float prediction, float target) => Square(Exp(prediction - target) - 1);

    [Loss]
    public static float Expm1Stable(float prediction, float target) => Square(Expm1(prediction - target));

    /// <summary>Cross-entropy with the log-sum-exp written out: a LogSumExp aggregate once rewritten.</summary>
    [Loss]
    public static float CrossEntropySpelled(ReadOnlySpan<float> logits, int target) => Log(Sum(logits, v => Exp(v))) - logits[target];

    [Loss]
    public static float CrossEntropyStable(ReadOnlySpan<float> logits, int target) => LogSumExp(logits) - logits[target];
}
