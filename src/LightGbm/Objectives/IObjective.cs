using System;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// A loss as LightGBM's training loop needs it, over scores laid out row-major ([row × <see cref="Outputs"/>]), for a
/// range of rows starting at <c>firstRow</c> (so the trainer can run chunks of rows on several threads).
/// </summary>
internal interface IObjective
{
    /// <summary>Raw scores per row: 1, or the number of classes.</summary>
    int Outputs { get; }

    /// <summary>Per row and output, unreduced: ∂loss/∂score and the diagonal of ∂²loss/∂score².</summary>
    void GradientHessian(int firstRow, ReadOnlySpan<float> scores, Span<float> gradient, Span<float> hessian);

    /// <summary>The loss of each row, unreduced.</summary>
    void Losses(int firstRow, ReadOnlySpan<float> scores, Span<float> losses);

    /// <summary>Σ weight·loss over the rows (weights 1 when null); <paramref name="scratch"/> holds a loss per row.</summary>
    double LossSum(int firstRow, ReadOnlySpan<float> scores, float[]? weights, Span<float> scratch);
}

/// <summary>The weighted sum shared by the objectives: per-row losses, weighted and added in double.</summary>
internal static class WeightedLoss
{
    public static double Sum(IObjective objective, int firstRow, ReadOnlySpan<float> scores, float[]? weights, Span<float> scratch)
    {
        int rows = scores.Length / objective.Outputs;
        Span<float> losses = scratch[..rows];
        objective.Losses(firstRow, scores, losses);
        double total = 0;
        if (weights is null)
        {
            foreach (float loss in losses) total += loss;
        }
        else
        {
            for (int i = 0; i < rows; i++) total += (double)losses[i] * weights[firstRow + i];
        }
        return total;
    }
}
