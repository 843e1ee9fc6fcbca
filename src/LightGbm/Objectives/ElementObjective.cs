using System;

namespace LossDsl.LightGbm.Objectives;

/// <summary>A loss of one raw score against each row's label (regression, binary, Poisson, Tweedie, …).</summary>
internal sealed class ElementObjective(ILoss<float> loss, float[] labels) : IObjective
{
    public int Outputs => 1;

    public void GradientHessian(int firstRow, ReadOnlySpan<float> scores, Span<float> gradient, Span<float> hessian) =>
        loss.GradientHessian(scores, labels.AsSpan(firstRow, scores.Length), gradient, hessian);

    public void Losses(int firstRow, ReadOnlySpan<float> scores, Span<float> losses) =>
        loss.Forward(scores, labels.AsSpan(firstRow, scores.Length), losses);

    public double LossSum(int firstRow, ReadOnlySpan<float> scores, float[]? weights, Span<float> scratch)
    {
        if (weights is not null || scores.IsEmpty) return WeightedLoss.Sum(this, firstRow, scores, weights, scratch);
        // Unweighted: the fused reduced kernel (blocked accumulation), one pass instead of per-row losses and a sum.
        double reduced = loss.Forward(scores, labels.AsSpan(firstRow, scores.Length));
        return loss.Reduction == Reduction.Mean ? reduced * scores.Length : reduced;
    }
}
