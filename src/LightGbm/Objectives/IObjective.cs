using System;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// A loss as LightGBM's training loop needs it, over scores laid out row-major ([row × <see cref="Outputs"/>]).
/// </summary>
internal interface IObjective
{
    /// <summary>Raw scores per row: 1, or the number of classes.</summary>
    int Outputs { get; }

    /// <summary>Per row and output, unreduced: ∂loss/∂score and the diagonal of ∂²loss/∂score².</summary>
    void GradientHessian(ReadOnlySpan<float> scores, Span<float> gradient, Span<float> hessian);

    /// <summary>The loss of each row, unreduced.</summary>
    void Losses(ReadOnlySpan<float> scores, Span<float> losses);
}
