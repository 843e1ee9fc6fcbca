using System;
using LossDsl.Generator.Model;

namespace LossDsl.Analyzers.Ranges;

/// <summary>
/// What each function of the language does to a range, in the method's floating type: monotone functions are
/// evaluated at the ends (with the language's own stable algorithms) and rounded to the type, so float
/// <c>Sigmoid</c> reaches exactly 0 and 1 and float <c>Exp</c> overflows past 88.72.
/// </summary>
internal static class FunctionRanges
{
    public static Interval Apply(Function function, Interval[] args, FloatingType type)
    {
        foreach (Interval arg in args)
        {
            if (arg.IsEmpty) return Interval.Empty.WithNaN(AnyNaN(args));
        }
        Interval x = args[0];
        return function switch
        {
            Function.Exp or Function.Expm1 or Function.Sigmoid or Function.Softplus or Function.LogSigmoid
                or Function.Tanh or Function.Round => Increasing(function, x, type),
            Function.Log => Domain(function, x, 0, type),
            Function.Log1p => Domain(function, x, -1, type),
            Function.Sqrt => Domain(function, x, 0, type),
            Function.Abs => Even(function, x, type),
            Function.LogCosh => Even(function, x, type),
            Function.Sign => new Interval(Math.Sign(x.Lo), Math.Sign(x.Hi), x.MayBeNaN),
            Function.Max => new Interval(Math.Max(x.Lo, args[1].Lo), Math.Max(x.Hi, args[1].Hi), AnyNaN(args)),
            Function.Min => new Interval(Math.Min(x.Lo, args[1].Lo), Math.Min(x.Hi, args[1].Hi), AnyNaN(args)),
            Function.Clamp => Apply(Function.Min, new[] { Apply(Function.Max, new[] { x, args[1] }, type), args[2] }, type),
            _ => Interval.All, // kernel-only functions never appear in source
        };
    }

    /// <summary>
    /// b^e. A negative base with a non-integer exponent is NaN; 0 to a negative power is ∞. With a varying
    /// exponent the extremes of exp(e·log b) lie at the corners of the box.
    /// </summary>
    public static Interval Power(Interval b, Interval e, FloatingType type)
    {
        if (b.IsEmpty || e.IsEmpty) return Interval.Empty.WithNaN(b.MayBeNaN || e.MayBeNaN);
        bool nan = b.MayBeNaN || e.MayBeNaN;
        if (e.IsPoint(out double n) && IsInteger(n))
        {
            if (n < 0) return Power(b, Interval.Point(-n), type).Reciprocal();
            double lo = Pow(b.Lo, n, type), hi = Pow(b.Hi, n, type);
            bool even = Math.IEEERemainder(n, 2) == 0;
            if (!even) return new Interval(lo, hi, nan);
            if (b.Contains(0)) return new Interval(0, Math.Max(lo, hi), nan);
            return new Interval(Math.Min(lo, hi), Math.Max(lo, hi), nan);
        }
        if (b.Lo < 0)
        {
            nan = true; // a negative base to a non-integer power
            if (b.Hi < 0) return Interval.NaN;
            b = new Interval(0, b.Hi, b.MayBeNaN);
        }
        double c1 = Pow(b.Lo, e.Lo, type), c2 = Pow(b.Lo, e.Hi, type), c3 = Pow(b.Hi, e.Lo, type), c4 = Pow(b.Hi, e.Hi, type);
        var corners = new Interval(Math.Min(Math.Min(c1, c2), Math.Min(c3, c4)), Math.Max(Math.Max(c1, c2), Math.Max(c3, c4)), nan);
        // 0^e jumps from 0 (e > 0) through 1 (e = 0) to ∞ (e < 0): the corners already hold 0 and ∞.
        return e.Contains(0) && b.Contains(0) ? corners.Union(Interval.Point(1)) : corners;
    }

    public static bool IsInteger(double value) => Math.Floor(value) == value && !double.IsInfinity(value);

    private static double Pow(double b, double e, FloatingType type) => type.Round(Math.Pow(b, e));

    private static Interval Increasing(Function function, Interval x, FloatingType type) =>
        new(Eval(function, x.Lo, type), Eval(function, x.Hi, type), x.MayBeNaN);

    // Defined from 'edge' up: below it NaN, at it the function's value there (log 0 = -∞, sqrt 0 = 0).
    private static Interval Domain(Function function, Interval x, double edge, FloatingType type)
    {
        if (x.Hi < edge) return Interval.NaN;
        bool nan = x.MayBeNaN || x.Lo < edge;
        return new Interval(Eval(function, Math.Max(x.Lo, edge), type), Eval(function, x.Hi, type), nan);
    }

    // Even and increasing in |x|.
    private static Interval Even(Function function, Interval x, FloatingType type)
    {
        double near = x.Contains(0) ? 0 : Math.Min(Math.Abs(x.Lo), Math.Abs(x.Hi));
        double far = Math.Max(Math.Abs(x.Lo), Math.Abs(x.Hi));
        return new Interval(Eval(function, near, type), Eval(function, far, type), x.MayBeNaN);
    }

    private static double Eval(Function function, double x, FloatingType type) =>
        type.Round(Evaluator.Apply(function, new[] { x }));

    private static bool AnyNaN(Interval[] args)
    {
        foreach (Interval arg in args)
        {
            if (arg.MayBeNaN) return true;
        }
        return false;
    }
}
