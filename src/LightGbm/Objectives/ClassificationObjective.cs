using System;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// A row loss of class scores against a class label (softmax cross-entropy, focal, multi-margin): one raw score per
/// class and row, the Hessian's diagonal as LightGBM's multiclass custom objective takes it.
/// </summary>
internal sealed class ClassificationObjective(IClassificationLoss<float> loss, int[] labels, int classes) : IObjective
{
    public int Outputs => classes;

    public void GradientHessian(int firstRow, ReadOnlySpan<float> scores, Span<float> gradient, Span<float> hessian) =>
        loss.GradientHessian(scores, labels.AsSpan(firstRow, scores.Length / classes), classes, gradient, hessian);

    public void Losses(int firstRow, ReadOnlySpan<float> scores, Span<float> losses) =>
        loss.Forward(scores, labels.AsSpan(firstRow, scores.Length / classes), classes, losses);

    public double LossSum(int firstRow, ReadOnlySpan<float> scores, float[]? weights, Span<float> scratch) =>
        WeightedLoss.Sum(this, firstRow, scores, weights, scratch);

    /// <summary>The dataset's labels as class indices.</summary>
    /// <exception cref="ArgumentException">A label that is not an integer in [0, <paramref name="classes"/>).</exception>
    public static int[] ClassLabels(float[] labels, int classes, string paramName)
    {
        var result = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            float label = labels[i];
            if (!(label >= 0 && label < classes && label == MathF.Floor(label)))
            {
                throw new ArgumentException($"Label {label} of row {i} is not a class index in [0, {classes}).", paramName);
            }
            result[i] = (int)label;
        }
        return result;
    }
}
