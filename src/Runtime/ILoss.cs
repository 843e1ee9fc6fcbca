using System;

namespace LossDsl;

/// <summary>
/// A loss of one prediction against one target per element — the common shape (MSE, Huber, BCE with logits,
/// focal, …) — so a training loop can be written once for any of them. The generated <c>{Method}Loss</c> class
/// implements it when its [Loss] method has exactly two per-element inputs, the first differentiated
/// (plus any hyperparameters). Write loops generic over <c>TLoss : ILoss&lt;T&gt;</c> so calls are not virtual.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>, the [Loss] method's type.</typeparam>
/// <remarks>
/// Arrays convert to the span parameters implicitly; <see cref="LossExtensions"/> adds <see cref="ReadOnlyMemory{T}"/>
/// overloads. Lengths must match (an <see cref="ArgumentException"/> naming the parameter otherwise, with
/// nothing written); an output may be the very memory of an input but must not partially overlap one.
/// </remarks>
public interface ILoss<T> where T : unmanaged
{
    /// <summary>How <see cref="Forward(ReadOnlySpan{T}, ReadOnlySpan{T})"/>, <see cref="Backward"/> and <see cref="ForwardBackward"/> reduce over elements.</summary>
    Reduction Reduction { get; }

    /// <summary>The loss reduced over all elements: the mean is NaN over zero elements, the sum 0.</summary>
    T Forward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target);

    /// <summary>The loss of every element, unreduced.</summary>
    void Forward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> losses);

    /// <summary>The gradient of the reduced loss with respect to each prediction (for a mean, including 1/N).</summary>
    void Backward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> gradient);

    /// <summary>The reduced loss and its gradient, in one pass over memory.</summary>
    T ForwardBackward(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> gradient);

    /// <summary>Per element, unreduced: the first and second derivative with respect to the prediction (what boosting needs).</summary>
    void GradientHessian(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> gradient, Span<T> hessian);
}
