using System;
using System.ComponentModel;

namespace LossDsl.Kernels;

/// <summary>Argument checks of generated row-loss kernels ([rows × width] spans): they run before anything is written.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RowGuard
{
    /// <summary>The number of rows of a flattened [rows × width] span; throws unless width ≥ 1 divides the length.</summary>
    public static int Rows(int length, int width, string paramName, string widthName)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(widthName, width, "The row width must be at least 1.");
        if (length % width != 0)
        {
            throw new ArgumentException($"The span has {length} values, not a whole number of rows of width {width}.", paramName);
        }
        return length / width;
    }

    /// <summary>Throws unless a flattened row input has the first one's length.</summary>
    public static void SameRows(int expected, int length, int width, string paramName)
    {
        if (length != expected)
        {
            throw new ArgumentException($"The span has {length} values but the first row input has {expected} ({expected / width} rows of width {width}).", paramName);
        }
    }

    /// <summary>Throws unless a per-row input or output has one value per row.</summary>
    public static void OnePerRow(int rows, int length, string paramName)
    {
        if (length != rows) throw new ArgumentException($"The span has {length} values but there are {rows} rows; it needs one per row.", paramName);
    }

    /// <summary>Throws unless per-class weights have one value per class.</summary>
    public static void OnePerClass(int width, int length, string paramName)
    {
        if (length != width) throw new ArgumentException($"There are {length} class weights but rows have width {width}; give one weight per class.", paramName);
    }

    /// <summary>Throws unless a class label lies in [0, width).</summary>
    public static void Label(int label, int width, int row, string paramName)
    {
        if ((uint)label >= (uint)width)
        {
            throw new ArgumentOutOfRangeException(paramName, label, $"The label of row {row} is {label}, outside the classes [0, {width}).");
        }
    }

    /// <summary>Throws unless a label that may be ignored is the ignore index or lies in [0, width).</summary>
    public static void Label(int label, int width, int row, int ignoreIndex, string paramName)
    {
        if ((uint)label >= (uint)width)
        {
            throw new ArgumentOutOfRangeException(paramName, label, $"The label of row {row} is {label}, outside the classes [0, {width}) and not the ignore index {ignoreIndex}.");
        }
    }

    /// <summary>Copies per-class weights for a loss to keep; throws if there are none.</summary>
    public static T[] ClassWeights<T>(T[] weights, string paramName)
    {
        ArgumentNullException.ThrowIfNull(weights, paramName);
        return (T[])weights.Clone();
    }
}
