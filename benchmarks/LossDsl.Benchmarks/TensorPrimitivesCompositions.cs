using System.Numerics;
using System.Numerics.Tensors;

namespace LossDsl.Benchmarks;

/// <summary>
/// The best whole-span TensorPrimitives compositions we wrote for the mean loss and gradient, over float or double:
/// each call a vectorized pass over memory. a, b, c, d, e are scratch spans of the input's length.
/// </summary>
internal static class TensorPrimitivesCompositions
{
    /// <summary>BCE with logits (pos_weight 1): softplus(x) − x·t, gradient σ(x) − t.</summary>
    public static T BceWithLogits<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t, Span<T> g, Span<T> a, Span<T> b)
        where T : IFloatingPointIeee754<T>, IExponentialFunctions<T>, ILogarithmicFunctions<T>
    {
        T n = T.CreateChecked(x.Length);
        TensorPrimitives.Abs(x, a);
        TensorPrimitives.Negate(a, a);
        TensorPrimitives.Exp(a, a);
        TensorPrimitives.Add(a, T.One, a);
        TensorPrimitives.Log(a, a);                    // log(1 + exp(-|x|))
        TensorPrimitives.Max(x, T.Zero, b);
        TensorPrimitives.Add(a, b, a);
        T loss = (TensorPrimitives.Sum<T>(a) - TensorPrimitives.Dot(x, t)) / n;
        TensorPrimitives.Sigmoid(x, g);
        TensorPrimitives.Subtract(g, t, g);
        TensorPrimitives.Multiply(g, T.One / n, g);
        return loss;
    }

    /// <summary>torchvision's sigmoid focal loss at α = 0.25, γ = 2, and its gradient written out.</summary>
    public static T SigmoidFocal<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> t, Span<T> g, Span<T> a, Span<T> b, Span<T> c, Span<T> d, Span<T> e)
        where T : IFloatingPointIeee754<T>, IExponentialFunctions<T>, ILogarithmicFunctions<T>
    {
        T n = T.CreateChecked(x.Length), two = T.CreateChecked(2), half = T.CreateChecked(0.5), threeQuarters = T.CreateChecked(0.75);
        TensorPrimitives.Sigmoid(x, a);                            // p
        TensorPrimitives.Multiply(t, two, b);
        TensorPrimitives.Subtract(b, T.One, b);                    // 2t - 1
        TensorPrimitives.Multiply(a, b, c);
        TensorPrimitives.Add(c, T.One, c);
        TensorPrimitives.Subtract(c, t, c);                        // pt = p(2t-1) + 1 - t
        TensorPrimitives.Subtract(T.One, c, c);                    // 1 - pt
        TensorPrimitives.Abs(x, g);
        TensorPrimitives.Negate(g, g);
        TensorPrimitives.Exp(g, g);
        TensorPrimitives.Add(g, T.One, g);
        TensorPrimitives.Log(g, g);
        TensorPrimitives.Max(x, T.Zero, e);                        // ce = max(x,0) - xt + log1p(e)
        TensorPrimitives.Add(g, e, g);
        TensorPrimitives.Multiply(x, t, e);
        TensorPrimitives.Subtract(g, e, g);                        // ce
        TensorPrimitives.Multiply(t, -half, e);
        TensorPrimitives.Add(e, threeQuarters, e);                 // αt = 0.25t + 0.75(1-t)
        TensorPrimitives.Multiply(c, c, b);                        // (1-pt)²
        TensorPrimitives.Multiply(b, e, b);                        // αt(1-pt)²
        T loss = TensorPrimitives.Dot<T>(b, g) / n;
        // gradient: αt[-2(1-pt)·p(1-p)(2t-1)·ce + (1-pt)²(p - t)]
        TensorPrimitives.Subtract(a, t, d);                        // p - t
        TensorPrimitives.Multiply(b, d, d);                        // αt(1-pt)²(p-t)
        TensorPrimitives.Subtract(T.One, a, b);
        TensorPrimitives.Multiply(a, b, b);                        // p(1-p)
        TensorPrimitives.Multiply(t, two, a);
        TensorPrimitives.Subtract(a, T.One, a);
        TensorPrimitives.Multiply(b, a, b);                        // dpt
        TensorPrimitives.Multiply(b, c, b);
        TensorPrimitives.Multiply(b, g, b);
        TensorPrimitives.Multiply(t, -half, a);
        TensorPrimitives.Add(a, threeQuarters, a);
        TensorPrimitives.Multiply(b, a, b);
        TensorPrimitives.MultiplyAdd(b, -two, d, g);
        TensorPrimitives.Multiply(g, T.One / n, g);
        return loss;
    }
}
