using System;

namespace LossDsl;

/// <summary>
/// <see cref="ReadOnlyMemory{T}"/>/<see cref="Memory{T}"/> overloads of <see cref="ILoss{T}"/>, for data held as
/// memory (pooled buffers, slices kept across awaits). Arrays need none: they convert to spans.
/// </summary>
public static class LossExtensions
{
    /// <inheritdoc cref="ILoss{T}.Forward(ReadOnlySpan{T}, ReadOnlySpan{T})"/>
    public static T Forward<T>(this ILoss<T> loss, ReadOnlyMemory<T> prediction, ReadOnlyMemory<T> target) where T : unmanaged =>
        Checked(loss).Forward(prediction.Span, target.Span);

    /// <inheritdoc cref="ILoss{T}.Forward(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/>
    public static void Forward<T>(this ILoss<T> loss, ReadOnlyMemory<T> prediction, ReadOnlyMemory<T> target, Memory<T> losses) where T : unmanaged =>
        Checked(loss).Forward(prediction.Span, target.Span, losses.Span);

    /// <inheritdoc cref="ILoss{T}.Backward"/>
    public static void Backward<T>(this ILoss<T> loss, ReadOnlyMemory<T> prediction, ReadOnlyMemory<T> target, Memory<T> gradient) where T : unmanaged =>
        Checked(loss).Backward(prediction.Span, target.Span, gradient.Span);

    /// <inheritdoc cref="ILoss{T}.ForwardBackward"/>
    public static T ForwardBackward<T>(this ILoss<T> loss, ReadOnlyMemory<T> prediction, ReadOnlyMemory<T> target, Memory<T> gradient) where T : unmanaged =>
        Checked(loss).ForwardBackward(prediction.Span, target.Span, gradient.Span);

    /// <inheritdoc cref="ILoss{T}.GradientHessian"/>
    public static void GradientHessian<T>(this ILoss<T> loss, ReadOnlyMemory<T> prediction, ReadOnlyMemory<T> target, Memory<T> gradient, Memory<T> hessian) where T : unmanaged =>
        Checked(loss).GradientHessian(prediction.Span, target.Span, gradient.Span, hessian.Span);

    private static ILoss<T> Checked<T>(ILoss<T> loss) where T : unmanaged =>
        loss ?? throw new ArgumentNullException(nameof(loss));
}
