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

    // The float and double spellings users call (arrays convert to the span parameters; a generic T would not be
    // inferred from an array). Each forwards to the one implementation below.

    /// <summary>log Σⱼ exp(rowⱼ), shifted by the row's maximum so it never overflows; -∞ for an empty row.</summary>
    public static float LogSumExp(ReadOnlySpan<float> row) => LogSumExpOf(row);
    /// <inheritdoc cref="LogSumExp(ReadOnlySpan{float})"/>
    public static double LogSumExp(ReadOnlySpan<double> row) => LogSumExpOf(row);

    /// <summary>Σⱼ rowⱼ, accumulated in double.</summary>
    public static float Sum(ReadOnlySpan<float> row) => SumOf(row);
    /// <inheritdoc cref="Sum(ReadOnlySpan{float})"/>
    public static double Sum(ReadOnlySpan<double> row) => SumOf(row);

    /// <summary>Σⱼ rowⱼ / C; NaN for an empty row.</summary>
    public static float Mean(ReadOnlySpan<float> row) => MeanOf(row);
    /// <inheritdoc cref="Mean(ReadOnlySpan{float})"/>
    public static double Mean(ReadOnlySpan<double> row) => MeanOf(row);

    /// <summary>The largest element; NaN if any is NaN; -∞ for an empty row. Its gradient goes to every maximal element.</summary>
    public static float Max(ReadOnlySpan<float> row) => MaxOf(row);
    /// <inheritdoc cref="Max(ReadOnlySpan{float})"/>
    public static double Max(ReadOnlySpan<double> row) => MaxOf(row);

    /// <summary>Σⱼ aⱼ·bⱼ (rows of equal length, else <see cref="ArgumentException"/>).</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => DotOf(a, b);
    /// <inheritdoc cref="Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => DotOf(a, b);

    /// <summary>Σⱼ rowⱼ².</summary>
    public static float SquaredNorm(ReadOnlySpan<float> row) => SquaredNormOf(row);
    /// <inheritdoc cref="SquaredNorm(ReadOnlySpan{float})"/>
    public static double SquaredNorm(ReadOnlySpan<double> row) => SquaredNormOf(row);

    /// <summary>√(Σⱼ rowⱼ²), the Euclidean norm (in a [Loss], its gradient at a zero row is 0).</summary>
    public static float Norm(ReadOnlySpan<float> row) => NormOf(row);
    /// <inheritdoc cref="Norm(ReadOnlySpan{float})"/>
    public static double Norm(ReadOnlySpan<double> row) => NormOf(row);

    /// <summary>Σⱼ element(aⱼ): in a [Loss] body the lambda is inlined and differentiated.</summary>
    public static float Sum(ReadOnlySpan<float> a, Func<float, float> element) => SumOf(a, element);
    /// <inheritdoc cref="Sum(ReadOnlySpan{float}, Func{float, float})"/>
    public static double Sum(ReadOnlySpan<double> a, Func<double, double> element) => SumOf(a, element);

    /// <summary>Σⱼ element(aⱼ, bⱼ): in a [Loss] body the lambda is inlined and differentiated.</summary>
    public static float Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Func<float, float, float> element) => SumOf(a, b, element);
    /// <inheritdoc cref="Sum(ReadOnlySpan{float}, ReadOnlySpan{float}, Func{float, float, float})"/>
    public static double Sum(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Func<double, double, double> element) => SumOf(a, b, element);

    /// <summary>Σⱼ element(aⱼ, bⱼ, cⱼ): in a [Loss] body the lambda is inlined and differentiated.</summary>
    public static float Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Func<float, float, float, float> element) => SumOf(a, b, c, element);
    /// <inheritdoc cref="Sum(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Func{float, float, float, float})"/>
    public static double Sum(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Func<double, double, double, double> element) => SumOf(a, b, c, element);
    private static T LogSumExpOf<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double max = double.CreateTruncating(MaxOf(row));
        double shift = double.IsFinite(max) ? max : 0; // all -∞ gives -∞, any +∞ gives +∞, as PyTorch
        double sum = 0;
        foreach (T value in row) sum += Math.Exp(double.CreateTruncating(value) - shift);
        return T.CreateTruncating(shift + Math.Log(sum));
    }

    private static T SumOf<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T value in row) sum += double.CreateTruncating(value);
        return T.CreateTruncating(sum);
    }

    private static T MeanOf<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(double.CreateTruncating(SumOf(row)) / row.Length);

    private static T MaxOf<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity;
        foreach (T value in row) max = StableMath.Max(max, double.CreateTruncating(value));
        return T.CreateTruncating(max);
    }

    private static T DotOf<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        SameLength(a.Length, b.Length, nameof(b));
        double sum = 0;
        for (int j = 0; j < a.Length; j++) sum += double.CreateTruncating(a[j]) * double.CreateTruncating(b[j]);
        return T.CreateTruncating(sum);
    }

    private static T SquaredNormOf<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T> => DotOf(row, row);

    private static T NormOf<T>(ReadOnlySpan<T> row) where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        T.CreateTruncating(Math.Sqrt(double.CreateTruncating(SquaredNormOf(row))));

    private static T SumOf<T>(ReadOnlySpan<T> a, Func<T, T> element) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(element);
        double sum = 0;
        foreach (T value in a) sum += double.CreateTruncating(element(value));
        return T.CreateTruncating(sum);
    }

    private static T SumOf<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Func<T, T, T> element) where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(element);
        SameLength(a.Length, b.Length, nameof(b));
        double sum = 0;
        for (int j = 0; j < a.Length; j++) sum += double.CreateTruncating(element(a[j], b[j]));
        return T.CreateTruncating(sum);
    }

    private static T SumOf<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, Func<T, T, T, T> element) where T : unmanaged, IBinaryFloatingPointIeee754<T>
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
