using System;
using System.Globalization;

namespace LossDsl.Analyzers.Ranges;

/// <summary>
/// The closed set of values an expression can take: <c>[Lo, Hi]</c> over the extended reals (either end may be
/// ±∞), plus whether NaN is possible. Empty (Lo &gt; Hi) where a branch cannot be reached.
/// Endpoints are doubles computed in round-to-nearest, not outward-rounded: this finds hazards for a lint,
/// it does not prove bounds.
/// </summary>
internal readonly struct Interval : IEquatable<Interval>
{
    public Interval(double lo, double hi, bool mayBeNaN = false)
    {
        Lo = lo;
        Hi = hi;
        MayBeNaN = mayBeNaN;
    }

    public double Lo { get; }

    public double Hi { get; }

    public bool MayBeNaN { get; }

    public static Interval All => new(double.NegativeInfinity, double.PositiveInfinity, mayBeNaN: true);

    public static Interval Empty => new(double.PositiveInfinity, double.NegativeInfinity);

    public static Interval NaN => new(double.PositiveInfinity, double.NegativeInfinity, mayBeNaN: true);

    public static Interval Point(double value) =>
        double.IsNaN(value) ? NaN : new Interval(value, value);

    public bool IsEmpty => Lo > Hi;

    /// <summary>Every value is finite and none is NaN (an empty interval is finite).</summary>
    public bool IsFinite => !MayBeNaN && (IsEmpty || (!double.IsInfinity(Lo) && !double.IsInfinity(Hi)));

    public bool Contains(double value) => Lo <= value && value <= Hi;

    public bool IsPoint(out double value)
    {
        value = Lo;
        return Lo == Hi;
    }

    public Interval WithNaN(bool mayBeNaN) => new(Lo, Hi, MayBeNaN || mayBeNaN);

    public Interval Union(Interval other)
    {
        if (IsEmpty) return other.WithNaN(MayBeNaN);
        if (other.IsEmpty) return WithNaN(other.MayBeNaN);
        return new Interval(Math.Min(Lo, other.Lo), Math.Max(Hi, other.Hi), MayBeNaN || other.MayBeNaN);
    }

    /// <summary>Both facts hold: the values in both sets (NaN only if both allow it).</summary>
    public Interval Intersect(Interval other) =>
        new(Math.Max(Lo, other.Lo), Math.Min(Hi, other.Hi), MayBeNaN && other.MayBeNaN);

    public static Interval operator -(Interval a) => a.IsEmpty ? a : new Interval(-a.Hi, -a.Lo, a.MayBeNaN);

    public static Interval operator +(Interval a, Interval b)
    {
        if (a.IsEmpty || b.IsEmpty) return Empty.WithNaN(a.MayBeNaN || b.MayBeNaN);
        // ∞ - ∞ is NaN; the bounds ignore it (the NaN flag records it).
        bool nan = a.MayBeNaN || b.MayBeNaN
            || (a.Hi == double.PositiveInfinity && b.Lo == double.NegativeInfinity)
            || (a.Lo == double.NegativeInfinity && b.Hi == double.PositiveInfinity);
        double lo = a.Lo + b.Lo, hi = a.Hi + b.Hi;
        return new Interval(double.IsNaN(lo) ? double.NegativeInfinity : lo, double.IsNaN(hi) ? double.PositiveInfinity : hi, nan);
    }

    public static Interval operator *(Interval a, Interval b)
    {
        if (a.IsEmpty || b.IsEmpty) return Empty.WithNaN(a.MayBeNaN || b.MayBeNaN);
        // 0 · ∞ is NaN; as a bound it counts as 0.
        bool nan = a.MayBeNaN || b.MayBeNaN || (a.Contains(0) && b.HasInfinity) || (b.Contains(0) && a.HasInfinity);
        double p1 = Times(a.Lo, b.Lo), p2 = Times(a.Lo, b.Hi), p3 = Times(a.Hi, b.Lo), p4 = Times(a.Hi, b.Hi);
        return new Interval(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)), nan);
    }

    /// <summary>1/x: both infinities where x can be 0 from both sides, one where it touches 0 from one side.</summary>
    public Interval Reciprocal()
    {
        if (IsEmpty) return this;
        if (Lo > 0 || Hi < 0) return new Interval(1 / Hi, 1 / Lo, MayBeNaN);
        if (Lo == 0 && Hi > 0) return new Interval(1 / Hi, double.PositiveInfinity, MayBeNaN);
        if (Hi == 0 && Lo < 0) return new Interval(double.NegativeInfinity, 1 / Lo, MayBeNaN);
        return new Interval(double.NegativeInfinity, double.PositiveInfinity, MayBeNaN); // 1/±0 = ±∞
    }

    private bool HasInfinity => double.IsInfinity(Lo) || double.IsInfinity(Hi);

    private static double Times(double x, double y) => x == 0 || y == 0 ? 0 : x * y;

    public bool Equals(Interval other) => Lo.Equals(other.Lo) && Hi.Equals(other.Hi) && MayBeNaN == other.MayBeNaN;

    public override bool Equals(object? obj) => obj is Interval other && Equals(other);

    public override int GetHashCode() => unchecked((Lo.GetHashCode() * 397) ^ Hi.GetHashCode() ^ (MayBeNaN ? 1 : 0));

    public override string ToString() => IsEmpty
        ? (MayBeNaN ? "{NaN}" : "∅")
        : string.Format(CultureInfo.InvariantCulture, "[{0:G9}, {1:G9}]{2}", Lo, Hi, MayBeNaN ? " ∪ {NaN}" : "");
}
