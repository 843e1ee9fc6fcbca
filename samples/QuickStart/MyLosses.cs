using System;
using LossDsl;
using static LossDsl.LossMath;

namespace QuickStart;

public static partial class MyLosses
{
    /// <summary>Cauchy (Lorentzian) loss: log(1 + (r/c)²). Grows like log|r|, so outliers barely pull.</summary>
    [Loss]
    public static float Cauchy(float prediction, float target, [Hyper(Min = 1e-12)] float scale = 1f) // Min: scale > 0 (LD2007)
    {
        float r = (prediction - target) / scale;
        return Log1p(r * r);
    }

    /// <summary>A weighted mix of two catalogue losses: inlined, differentiated and fused into one kernel.</summary>
    [Loss]
    public static float RobustMix(float prediction, float target, [Hyper] float weight = 0.8f) =>
        weight * Losses.Huber(prediction, target, 1f) + (1 - weight) * Losses.LogCosh(prediction, target);

    /// <summary>Softmax cross-entropy with label smoothing, over a row of class scores: a row loss.</summary>
    [Loss]
    public static float SmoothedCrossEntropy(ReadOnlySpan<float> scores, int label, [Hyper] float smoothing = 0.1f) =>
        LogSumExp(scores) - (1 - smoothing) * scores[label] - smoothing * Mean(scores);
}
