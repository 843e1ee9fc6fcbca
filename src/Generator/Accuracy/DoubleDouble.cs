using System.Runtime.CompilerServices;
using System;
using System.Linq;

namespace LossDsl.Generator.Accuracy;

/// <summary>
/// An unevaluated sum hi + lo of two doubles (about 106 bits, double's exponent range): the reference the accuracy
/// certificate compares kernels with. Dekker's and Knuth's error-free transformations (no FMA in netstandard2.0);
/// the functions by argument reduction and series, each accurate to about 1e-30 relative, far below what a
/// float or double kernel can resolve. A non-finite hi carries the IEEE result with lo = 0.
/// </summary>
internal readonly struct DoubleDouble
{
    private const double Splitter = 134217729.0; // 2^27 + 1
    private static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    // 1/1!, 1/2!, …, 1/8!, for expm1's series in Horner form.
    private static readonly DoubleDouble[] InverseFactorials = Factorials(8);

    // 1/1, 1/3, 1/5, …, for log1p's atanh series.
    private static readonly DoubleDouble[] InverseOdd = Enumerable.Range(0, 40).Select(k => new DoubleDouble(1) / (2 * k + 1)).ToArray();

    private static DoubleDouble[] Factorials(int count)
    {
        var result = new DoubleDouble[count];
        DoubleDouble factorial = 1;
        for (int n = 1; n <= count; n++)
        {
            factorial *= n;
            result[n - 1] = new DoubleDouble(1) / factorial;
        }
        return result;
    }

    public DoubleDouble(double hi, double lo = 0)
    {
        Hi = hi;
        Lo = lo;
    }

    public double Hi { get; }

    public double Lo { get; }

    public static readonly DoubleDouble Zero = new(0), One = new(1), NaN = new(double.NaN);

    public bool IsFinite => !double.IsNaN(Hi) && !double.IsInfinity(Hi);

    public bool IsNaN => double.IsNaN(Hi);

    public double ToDouble() => Hi + Lo;

    public static implicit operator DoubleDouble(double value) => new(value);

    private static DoubleDouble Normalized(double s, double e)
    {
        if (double.IsNaN(s) || double.IsInfinity(s)) return new DoubleDouble(s);
        double hi = s + e;
        return new DoubleDouble(hi, e - (hi - s));
    }

    private static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b;
        if (double.IsNaN(s) || double.IsInfinity(s)) return new DoubleDouble(s);
        double bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    private static (double Hi, double Lo) Split(double a)
    {
        double t = Splitter * a;
        double hi = t - (t - a);
        return (hi, a - hi);
    }

    private static DoubleDouble TwoProduct(double a, double b)
    {
        double p = a * b;
        if (double.IsNaN(p) || double.IsInfinity(p) || Math.Abs(a) > 1e290 || Math.Abs(b) > 1e290) return new DoubleDouble(p);
        var (ah, al) = Split(a);
        var (bh, bl) = Split(b);
        return new DoubleDouble(p, ((ah * bh - p) + ah * bl + al * bh) + al * bl);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    [MethodImpl(AccuracyCode.Optimized)]
    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        DoubleDouble s = TwoSum(a.Hi, b.Hi);
        if (!s.IsFinite) return s;
        DoubleDouble t = TwoSum(a.Lo, b.Lo);
        DoubleDouble u = Normalized(s.Hi, s.Lo + t.Hi);
        return Normalized(u.Hi, u.Lo + t.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    [MethodImpl(AccuracyCode.Optimized)]
    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        DoubleDouble p = TwoProduct(a.Hi, b.Hi);
        if (!p.IsFinite) return p;
        return Normalized(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
    }

    [MethodImpl(AccuracyCode.Optimized)]
    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        if (double.IsNaN(q1) || double.IsInfinity(q1) || q1 == 0) return new DoubleDouble(q1);
        DoubleDouble r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        return Normalized(q1, q2) + q3;
    }

    public static bool operator <(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo < b.Lo);

    public static bool operator >(DoubleDouble a, DoubleDouble b) => b < a;

    public static bool operator <=(DoubleDouble a, DoubleDouble b) => a.Hi < b.Hi || (a.Hi == b.Hi && a.Lo <= b.Lo);

    public static bool operator >=(DoubleDouble a, DoubleDouble b) => b <= a;

    public static bool operator ==(DoubleDouble a, DoubleDouble b) => a.Hi == b.Hi && a.Lo == b.Lo;

    public static bool operator !=(DoubleDouble a, DoubleDouble b) => !(a == b);

    public override bool Equals(object? obj) => obj is DoubleDouble other && this == other;

    public override int GetHashCode() => Hi.GetHashCode() ^ Lo.GetHashCode();

    public static DoubleDouble Abs(DoubleDouble a) => a.Hi < 0 ? -a : a;

    /// <summary>a·2^k, exactly (k within ±2000; applied in halves so 2^k itself never overflows).</summary>
    private static DoubleDouble Scale(DoubleDouble a, int k)
    {
        double half = Math.Pow(2, k / 2), rest = Math.Pow(2, k - k / 2);
        return new DoubleDouble(a.Hi * half * rest, a.Lo * half * rest);
    }

    /// <summary>e^x = 2^k·(1 + m): k = round(x/ln 2), m = expm1 of the reduced argument.</summary>
    [MethodImpl(AccuracyCode.Optimized)]
    private static (int K, DoubleDouble M) ExpParts(DoubleDouble x)
    {
        int k = (int)Math.Round(x.Hi / Ln2.Hi);
        DoubleDouble r = x - Ln2 * k;
        r = new DoubleDouble(r.Hi / 256, r.Lo / 256); // |r| ≤ 1.4e-3: eight terms of the series reach 1e-27
        DoubleDouble sum = InverseFactorials[InverseFactorials.Length - 1];
        for (int n = InverseFactorials.Length - 2; n >= 0; n--) sum = sum * r + InverseFactorials[n];
        sum *= r; // expm1(r) = r·(1 + r/2! + r²/3! + …)
        for (int i = 0; i < 8; i++) sum = sum * (sum + 2); // expm1(2y) = expm1(y)·(expm1(y) + 2)
        return (k, sum);
    }

    public static DoubleDouble Exp(DoubleDouble x)
    {
        if (x.IsNaN) return NaN;
        if (x.Hi > 709.79) return new DoubleDouble(double.PositiveInfinity);
        if (x.Hi < -745.2) return Zero;
        var (k, m) = ExpParts(x);
        return Scale(m + 1, k);
    }

    public static DoubleDouble Expm1(DoubleDouble x)
    {
        if (x.IsNaN) return NaN;
        var (k, m) = ExpParts(x);
        return k == 0 ? m : Exp(x) - 1;
    }

    /// <summary>log1p(a) = 2·atanh(a/(2 + a)) for |a| &lt; ½ (no cancellation however small a is), else log(1 + a).</summary>
    [MethodImpl(AccuracyCode.Optimized)]
    public static DoubleDouble Log1p(DoubleDouble a)
    {
        if (a.IsNaN || !(Math.Abs(a.Hi) < 0.5)) return Log(a + 1);
        DoubleDouble t = a / (a + 2), t2 = t * t, power = t, sum = t;
        for (int n = 3; n < 2 * InverseOdd.Length; n += 2)
        {
            power *= t2;
            DoubleDouble term = power * InverseOdd[n / 2];
            sum += term;
            if (Math.Abs(term.Hi) < 1e-34 * Math.Abs(sum.Hi)) break;
        }
        return sum * 2;
    }

    [MethodImpl(AccuracyCode.Optimized)]
    public static DoubleDouble Log(DoubleDouble x)
    {
        if (x.IsNaN || x.Hi < 0) return NaN;
        if (x.Hi == 0) return new DoubleDouble(double.NegativeInfinity);
        if (double.IsPositiveInfinity(x.Hi)) return x;
        if (Math.Abs(x.Hi - 1) < 0.5) return Log1p(x - 1); // x - 1 is exact here
        // log x = log(x·2⁻ᵉ) + e·log 2, with x·2⁻ᵉ near 1: e^-y of a large y would leave the Newton step's low part subnormal.
        int e = (int)Math.Round(Math.Log(x.Hi) / Ln2.Hi);
        DoubleDouble m = Scale(x, -e);
        double y = Math.Log(m.Hi);
        DoubleDouble logM = Math.Abs(m.Hi - 1) < 0.5 ? Log1p(m - 1) : y + m * Exp(-y) - 1; // one Newton step doubles the digits of y
        return logM + Ln2 * e;
    }

    public static DoubleDouble Sqrt(DoubleDouble x)
    {
        if (x.IsNaN || x.Hi < 0) return NaN;
        if (x.Hi == 0 || double.IsPositiveInfinity(x.Hi)) return x;
        double y = Math.Sqrt(x.Hi);
        return y + (x - TwoProduct(y, y)) / (2 * y);
    }

    public static DoubleDouble Pow(DoubleDouble b, DoubleDouble e)
    {
        if (e == Zero || b == One) return One;
        if (b.IsNaN || e.IsNaN) return NaN;
        double ed = e.ToDouble();
        bool integer = Math.Floor(ed) == ed && e.Lo == 0;
        if (integer && Math.Abs(ed) <= 64)
        {
            DoubleDouble result = One, factor = b;
            for (long n = (long)Math.Abs(ed); n > 0; n >>= 1, factor *= factor)
            {
                if ((n & 1) != 0) result *= factor;
            }
            return ed < 0 ? One / result : result;
        }
        if (b.Hi == 0 || double.IsInfinity(b.Hi) || double.IsInfinity(ed)) return new DoubleDouble(Math.Pow(b.Hi, ed)); // IEEE's special cases
        if (b.Hi < 0 && !integer) return NaN;
        DoubleDouble magnitude = Exp(e * Log(Abs(b)));
        return b.Hi < 0 && Math.Abs(ed % 2) == 1 ? -magnitude : magnitude;
    }
}
