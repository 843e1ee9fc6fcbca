using System;

namespace LossDsl;

/// <summary>
/// A row loss of a predicted row against a target per row, over flattened [rows × width] spans: the members the
/// generated <c>{Method}Loss</c> class of such a loss has (when its Hessian diagonal is generated: see
/// docs/dsl-reference.md for the rare losses where it is not). Write training loops against
/// <see cref="IClassificationLoss{T}"/> or <see cref="IRowLoss{T}"/>, which fix the target's type.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the [Loss] method's type.</typeparam>
/// <typeparam name="TTarget"><c>int</c> for a class label per row, <typeparamref name="T"/> for a target row.</typeparam>
public interface IRowLoss<T, TTarget> where T : unmanaged where TTarget : unmanaged
{
    /// <summary>How the reduced members combine per-row losses.</summary>
    Reduction Reduction { get; }

    /// <summary>The loss reduced over the counted rows.</summary>
    T Forward(ReadOnlySpan<T> prediction, ReadOnlySpan<TTarget> target, int width);

    /// <summary>The loss of every row, unreduced.</summary>
    void Forward(ReadOnlySpan<T> prediction, ReadOnlySpan<TTarget> target, int width, Span<T> losses);

    /// <summary>The gradient of the reduced loss with respect to every predicted value.</summary>
    void Backward(ReadOnlySpan<T> prediction, ReadOnlySpan<TTarget> target, int width, Span<T> gradient);

    /// <summary>The reduced loss and its gradient, fused.</summary>
    T ForwardBackward(ReadOnlySpan<T> prediction, ReadOnlySpan<TTarget> target, int width, Span<T> gradient);

    /// <summary>
    /// Per element, unreduced: the derivative of its row's loss and the diagonal of the row's Hessian, ∂²loss/∂x[j]²
    /// (what a multiclass gradient-boosting objective needs). Ignored rows get 0.
    /// </summary>
    void GradientHessian(ReadOnlySpan<T> prediction, ReadOnlySpan<TTarget> target, int width, Span<T> gradient, Span<T> hessianDiagonal);
}

/// <summary>
/// Class scores against one class label per row (cross-entropy, NLL, multi-margin), so a classification training
/// loop can be written once. Implemented by a generated class whose [Loss] method's inputs are exactly one
/// differentiated row and one <c>int</c> label (plus any hyperparameters).
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the [Loss] method's type.</typeparam>
public interface IClassificationLoss<T> : IRowLoss<T, int> where T : unmanaged;

/// <summary>
/// A predicted row against a target row (cross-entropy with probabilities, KL divergence, Dice, Tversky).
/// Implemented by a generated class whose [Loss] method's inputs are exactly two rows, the first differentiated
/// (plus any hyperparameters).
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the [Loss] method's type.</typeparam>
public interface IRowLoss<T> : IRowLoss<T, T> where T : unmanaged;
