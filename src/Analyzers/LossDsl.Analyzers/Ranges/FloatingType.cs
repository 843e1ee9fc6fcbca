using System;

namespace LossDsl.Analyzers.Ranges;

/// <summary>The method's floating type: where a function's result rounds to, and the limits of its inputs.</summary>
internal enum FloatingType { Single, Double }

internal static class FloatingTypeInfo
{
    public static double MaxValue(this FloatingType type) => type == FloatingType.Single ? float.MaxValue : double.MaxValue;

    /// <summary>Rounds a double result to the type, as the method computes it: float saturates to 0, 1 and ∞ early.</summary>
    public static double Round(this FloatingType type, double value) => type == FloatingType.Single ? (float)value : value;

    /// <summary>The next value of the type above <paramref name="value"/> (what <c>x &gt; value</c> leaves).</summary>
    public static double NextUp(this FloatingType type, double value) => Step(type, value, up: true);

    /// <summary>The next value of the type below <paramref name="value"/> (what <c>x &lt; value</c> leaves).</summary>
    public static double NextDown(this FloatingType type, double value) => Step(type, value, up: false);

    private static double Step(FloatingType type, double value, bool up)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return value;
        if (type == FloatingType.Single)
        {
            float f = (float)value;
            if (up ? f > value : f < value) return f; // rounding already moved past it
            if (f == 0) return up ? float.Epsilon : -float.Epsilon;
            int bits = BitConverter.ToInt32(BitConverter.GetBytes(f), 0);
            bits += (f > 0) == up ? 1 : -1;
            return BitConverter.ToSingle(BitConverter.GetBytes(bits), 0);
        }
        if (value == 0) return up ? double.Epsilon : -double.Epsilon;
        long raw = BitConverter.DoubleToInt64Bits(value);
        raw += (value > 0) == up ? 1 : -1;
        return BitConverter.Int64BitsToDouble(raw);
    }
}
