using System;

namespace LossDsl.LightGbm.Objectives;

/// <summary>A loss of one raw score against each row's label (regression, binary, Poisson, Tweedie, …).</summary>
internal sealed class ElementObjective(ILoss<float> loss, float[] labels) : IObjective
{
    public int Outputs => 1;

    public void GradientHessian(ReadOnlySpan<float> scores, Span<float> gradient, Span<float> hessian) =>
        loss.GradientHessian(scores, labels, gradient, hessian);

    public void Losses(ReadOnlySpan<float> scores, Span<float> losses) => loss.Forward(scores, labels, losses);
}
