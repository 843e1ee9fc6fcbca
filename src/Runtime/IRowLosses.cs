using System;

namespace LossDsl;

/// <summary>
/// A row loss of class scores against one class label per row (cross-entropy, NLL, multi-margin), so a
/// classification training loop can be written once for any of them. The generated <c>{Method}Loss</c> class
/// implements it when its [Loss] method's inputs are exactly one differentiated row and one <c>int</c> label
/// (plus any hyperparameters). Scores are a flattened [rows × width] span; labels one per row.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the [Loss] method's type.</typeparam>
public interface IClassificationLoss<T> where T : unmanaged
{
    /// <summary>How the reduced members combine per-row losses.</summary>
    Reduction Reduction { get; }

    /// <summary>The loss reduced over the counted rows.</summary>
    T Forward(ReadOnlySpan<T> scores, ReadOnlySpan<int> labels, int width);

    /// <summary>The loss of every row, unreduced.</summary>
    void Forward(ReadOnlySpan<T> scores, ReadOnlySpan<int> labels, int width, Span<T> losses);

    /// <summary>The gradient of the reduced loss with respect to every score.</summary>
    void Backward(ReadOnlySpan<T> scores, ReadOnlySpan<int> labels, int width, Span<T> gradient);

    /// <summary>The reduced loss and its gradient, fused.</summary>
    T ForwardBackward(ReadOnlySpan<T> scores, ReadOnlySpan<int> labels, int width, Span<T> gradient);
}

/// <summary>
/// A row loss of a predicted row against a target row (cross-entropy with probabilities, KL divergence, Dice,
/// Tversky). The generated class implements it when its [Loss] method's inputs are exactly two rows, the first
/// differentiated (plus any hyperparameters). Both are flattened [rows × width] spans.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the [Loss] method's type.</typeparam>
public interface IRowLoss<T> where T : unmanaged
{
    /// <summary>How the reduced members combine per-row losses.</summary>
    Reduction Reduction { get; }

    /// <summary>The loss reduced over rows.</summary>
    T Forward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, int width);

    /// <summary>The loss of every row, unreduced.</summary>
    void Forward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, int width, Span<T> losses);

    /// <summary>The gradient of the reduced loss with respect to every predicted value.</summary>
    void Backward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, int width, Span<T> gradient);

    /// <summary>The reduced loss and its gradient, fused.</summary>
    T ForwardBackward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, int width, Span<T> gradient);
}
