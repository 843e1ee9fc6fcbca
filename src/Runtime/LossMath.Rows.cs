using System;
using System.Numerics;

namespace LossDsl;

/// <summary>
/// Row aggregates, for row losses (a [Loss] over <c>ReadOnlySpan&lt;T&gt;</c> rows of C values). The generator
/// compiles them into fused vectorized passes; these scalar forms make the method callable as written and are
/// the reference the kernels are tested against. Sums accumulate in double; rows of one call must have equal lengths.
/// </summary>
public static partial class LossMath
{
    /// <summary>log Σⱼ exp(rowⱼ), shifted by the row's maximum so it never overflows; -∞ for an empty row.</summary>
    public static T LogSumExp<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double max = double.CreateTruncating(Max(row));
        double shift = double.IsFinite(max) ? max : 0; // all -∞ gives -∞, any +∞ gives +∞, as PyTorch
        double sum = 0;
        foreach (T value in row) sum += Math.Exp(double.CreateTruncating(value) - shift);
        return T.CreateTruncating(shift + Math.Log(sum));
    }

    /// <summary>Σⱼ rowⱼ.</summary>
    public static T Sum<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T value in row) sum += double.CreateTruncating(value);
        return T.CreateTruncating(sum);
    }

    /// <summary>Σⱼ rowⱼ / C; NaN for an empty row.</summary>
    public static T Mean<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(double.CreateTruncating(Sum(row)) / row.Length);

    /// <summary>The largest element; NaN if any is NaN; -∞ for an empty row. Its gradient goes to every maximal element.</summary>
    public static T Max<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity;
        foreach (T value in row) max = StableMath.Max(max, double.CreateTruncating(value));
        return T.CreateTruncating(max);
    }

    /// <summary>Σⱼ aⱼ·bⱼ.</summary>
    public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        SameLength(a.Length, b.Length, nameof(b));
        double sum = 0;
        for (int j = 0; j < a.Length; j++) sum += double.CreateTruncating(a[j]) * double.CreateTruncating(b[j]);
        return T.CreateTruncating(sum);
    }

    /// <summary>Σⱼ rowⱼ².</summary>
    public static T SquaredNorm<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T> => Dot(row, row);

    /// <summary>√(Σⱼ rowⱼ²), the Euclidean norm.</summary>
    public static T Norm<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(Math.Sqrt(double.CreateTruncating(SquaredNorm(row))));

    /// <summary>Σⱼ element(aⱼ): in a [Loss] body the lambda is inlined and differentiated.</summary>
    public static T Sum<T>(ReadOnlySpan<T> a, Func<T, T> element) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(element);
        double sum = 0;
        foreach (T value in a) sum += double.CreateTruncating(element(value));
        return T.CreateTruncating(sum);
    }

    /// <summary>Σⱼ element(aⱼ, bⱼ): in a [Loss] body the lambda is inlined and differentiated.</summary>
    public static T Sum<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Func<T, T, T> element) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(element);
        SameLength(a.Length, b.Length, nameof(b));
        double sum = 0;
        for (int j = 0; j < a.Length; j++) sum += double.CreateTruncating(element(a[j], b[j]));
        return T.CreateTruncating(sum);
    }

    /// <summary>Σⱼ element(aⱼ, bⱼ, cⱼ): in a [Loss] body the lambda is inlined and differentiated.</summary>
    public static T Sum<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, Func<T, T, T, T> element) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(element);
        SameLength(a.Length, b.Length, nameof(b));
        SameLength(a.Length, c.Length, nameof(c));
        double sum = 0;
        for (int j = 0; j < a.Length; j++) sum += double.CreateTruncating(element(a[j], b[j], c[j]));
        return T.CreateTruncating(sum);
    }

    private static void SameLength(int expected, int length, string paramName)
    {
        if (length != expected) throw new ArgumentException($"The row has {length} elements but the first has {expected}; rows must have equal lengths.", paramName);
    }
}
