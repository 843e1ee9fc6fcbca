using System;
using System.ComponentModel;

namespace LossDsl.Kernels;

/// <summary>Argument checks shared by every generated kernel: they run before anything is written.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelGuard
{
    /// <summary>Throws unless <paramref name="length"/> equals the first input's length.</summary>
    public static void SameLength(int expected, int length, string paramName)
    {
        if (length != expected)
        {
            throw new ArgumentException(
                $"The span has {length} elements but the first input has {expected}; every span of one call must have the same length.",
                paramName);
        }
    }

    /// <summary>
    /// Throws if <paramref name="output"/> partially overlaps <paramref name="input"/>. The very same memory
    /// (in place) is allowed: each element is read before it is written.
    /// </summary>
    public static void NoPartialOverlap<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> input, string outputName, string inputName)
    {
        if (output.Overlaps(input, out int offset) && (offset != 0 || output.Length != input.Length))
        {
            throw new ArgumentException(
                $"'{outputName}' partially overlaps '{inputName}'; an output may be the very same memory as an input, or disjoint from it.",
                outputName);
        }
    }

    /// <summary>Throws if two outputs share any memory: each must receive its own values.</summary>
    public static void Disjoint<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> other, string outputName, string otherName)
    {
        if (output.Overlaps(other))
        {
            throw new ArgumentException($"'{outputName}' overlaps the output '{otherName}'; outputs must not share memory.", outputName);
        }
    }

    /// <summary>Throws unless <paramref name="reduction"/> is a defined value.</summary>
    public static Reduction DefinedReduction(Reduction reduction, string paramName) =>
        reduction is Reduction.Mean or Reduction.Sum
            ? reduction
            : throw new ArgumentOutOfRangeException(paramName, reduction, "Reduction must be Mean or Sum.");

    /// <summary>
    /// Throws unless a hyperparameter lies in the range its [Hyper] states (NaN never does): the range the
    /// stability analyzers assumed when they checked the loss.
    /// </summary>
    public static float InRange(float value, double min, double max, string paramName) =>
        value >= min && value <= max ? value : throw OutOfRange(value, min, max, paramName);

    /// <inheritdoc cref="InRange(float, double, double, string)"/>
    public static double InRange(double value, double min, double max, string paramName) =>
        value >= min && value <= max ? value : throw OutOfRange(value, min, max, paramName);

    private static ArgumentOutOfRangeException OutOfRange(double value, double min, double max, string paramName) =>
        new(paramName, value, $"'{paramName}' must be in [{Bound(min)}, {Bound(max)}], the range its [Hyper] states (the loss's derivatives are checked for that range only).");

    private static string Bound(double value) => double.IsPositiveInfinity(value) ? "∞"
        : double.IsNegativeInfinity(value) ? "-∞"
        : value.ToString("G9", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Vectors per accumulation block: each lane sums at most this many values in T before the block is added in double.</summary>
    public const int BlockVectors = 64;

    /// <summary>
    /// The factor applied to per-element gradients: 1/N for <see cref="Reduction.Mean"/>, else 1. Row losses pass
    /// the counted rows (or their summed class weights) as N.
    /// </summary>
    public static double GradientScale(Reduction reduction, double length) =>
        reduction == Reduction.Mean ? 1.0 / length : 1.0;

    /// <summary>The reduced loss from the double total: the mean is NaN over zero elements, as PyTorch.</summary>
    public static double Reduce(Reduction reduction, double total, double length) =>
        reduction == Reduction.Mean ? total / length : total;
}
