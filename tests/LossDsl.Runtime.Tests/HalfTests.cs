using System.Runtime.Intrinsics;
using LossDsl.Kernels;

namespace LossDsl.Runtime.Tests;

/// <summary>Half data: the conversions bit for bit against .NET's, and the float losses' Half overloads against their float ones.</summary>
public class HalfTests
{
    private static readonly Half[] AllHalves = Enumerable.Range(0, 1 << 16).Select(b => BitConverter.UInt16BitsToHalf((ushort)b)).ToArray();

    private static float[] FloatSweep()
    {
        var values = new List<float>();
        for (long bits = 0; bits <= uint.MaxValue; bits += 4099) values.Add(BitConverter.UInt32BitsToSingle((uint)bits));
        // Every Half boundary and the ties between neighbouring Halves (round to nearest even), both signs.
        foreach (Half h in AllHalves.Where(Half.IsFinite))
        {
            float f = (float)h, next = (float)BitConverter.UInt16BitsToHalf((ushort)(BitConverter.HalfToUInt16Bits(h) + 1));
            values.Add(f);
            if (float.IsFinite(next)) values.AddRange([(f + next) / 2, BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits((f + next) / 2) + 1)]);
        }
        values.AddRange([65504f, 65519.99f, 65520f, float.MaxValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 5.96e-8f, 2.98e-8f, 2.99e-8f, 1e-45f]);
        while (values.Count % 16 != 0) values.Add(0);
        return values.ToArray();
    }

    private static void Widen<V, TVec>(Half[] source, float[] result) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
    {
        for (int i = 0; i + V.Count <= source.Length; i += V.Count) V.Store(V.Load(ref source[0], i), ref result[0], i);
    }

    private static void Narrow<V, TVec>(float[] source, Half[] result) where V : struct, ISimdOps<V, TVec, float> where TVec : struct
    {
        for (int i = 0; i + V.Count <= source.Length; i += V.Count) V.Store(V.Load(ref source[0], i), ref result[0], i);
    }

    private static IEnumerable<(string Width, Action<Half[], float[]> Widen, Action<float[], Half[]> Narrow)> Widths()
    {
        yield return ("scalar", Widen<ScalarOps<float>, float>, Narrow<ScalarOps<float>, float>);
        yield return ("128", Widen<Simd128<float>, Vector128<float>>, Narrow<Simd128<float>, Vector128<float>>);
        // Every width, accelerated or not: the conversions use only cross-platform vector operations, which .NET
        // emulates exactly where the hardware lacks the width, so a machine without AVX-512 still checks its bits.
        yield return ("256", Widen<Simd256<float>, Vector256<float>>, Narrow<Simd256<float>, Vector256<float>>);
        yield return ("512", Widen<Simd512<float>, Vector512<float>>, Narrow<Simd512<float>, Vector512<float>>);
    }

    [Fact]
    public void Every_half_widens_to_the_float_dotnet_gives()
    {
        foreach (var (width, widen, _) in Widths())
        {
            float[] result = new float[AllHalves.Length];
            widen(AllHalves, result);
            for (int i = 0; i < AllHalves.Length; i++)
            {
                float expected = (float)AllHalves[i];
                Assert.True(float.IsNaN(expected) ? float.IsNaN(result[i]) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(result[i]),
                    $"{width}: Half 0x{i:X4} → {result[i]:R}, expected {expected:R}");
            }
        }
    }

    [Fact]
    public void Floats_round_to_the_half_dotnet_gives_ties_overflow_subnormals_and_nan_included()
    {
        float[] values = FloatSweep();
        foreach (var (width, _, narrow) in Widths())
        {
            Half[] result = new Half[values.Length];
            narrow(values, result);
            for (int i = 0; i < values.Length; i++)
            {
                Half expected = (Half)values[i];
                Assert.True(Half.IsNaN(expected) ? Half.IsNaN(result[i]) : BitConverter.HalfToUInt16Bits(expected) == BitConverter.HalfToUInt16Bits(result[i]),
                    $"{width}: {values[i]:R} → 0x{BitConverter.HalfToUInt16Bits(result[i]):X4}, expected 0x{BitConverter.HalfToUInt16Bits(expected):X4}");
            }
        }
    }

    // The last length streams its outputs where 512-bit vectors run.
    public static TheoryData<int> Lengths() => new(Enumerable.Range(0, 3 * 16 + 2).Concat([1000, 70_000, (1 << 22) + 17]));

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Half_overloads_equal_the_float_kernels_on_the_same_half_rounded_inputs(int n)
    {
        var random = new Random(n);
        Half[] x = Enumerable.Range(0, n).Select(i => (Half)(i % 11 == 0 ? new[] { 0f, 6e-8f, -65504f, 1e4f, float.NaN, -0f }[i / 11 % 6] : random.NextSingle() * 16 - 8)).ToArray();
        Half[] t = Enumerable.Range(0, n).Select(_ => (Half)(random.Next(2))).ToArray();
        float[] xf = x.Select(h => (float)h).ToArray(), tf = t.Select(h => (float)h).ToArray();
        foreach (var (name, half, single) in Subjects())
        {
            Half[] gradient = new Half[n], hessian = new Half[n];
            float[] gradientF = new float[n], hessianF = new float[n];
            float value = half(x, t, gradient, hessian), valueF = single(xf, tf, gradientF, hessianF);
            Assert.True(value.Equals(valueF), $"{name} n={n}: Half {value:R}, float {valueF:R}");
            for (int i = 0; i < n; i++)
            {
                Assert.True(gradient[i].Equals((Half)gradientF[i]), $"{name} n={n} gradient[{i}]: {gradient[i]} vs {(Half)gradientF[i]}");
                Assert.True(hessian[i].Equals((Half)hessianF[i]), $"{name} n={n} hessian[{i}]: {hessian[i]} vs {(Half)hessianF[i]}");
            }
        }
    }

    private delegate float HalfRun(Half[] x, Half[] t, Half[] gradient, Half[] hessian);
    private delegate float FloatRun(float[] x, float[] t, float[] gradient, float[] hessian);

    // ForwardBackward's value plus the sum of Forward's per-element losses (as written, rounded to Half); the
    // gradient written by ForwardBackward, then overwritten by GradientHessian's (the two agree anyway), and its Hessian.
    private static IEnumerable<(string Name, HalfRun Half, FloatRun Float)> Subjects()
    {
        var mse = new Losses.MseLoss();
        yield return ("Mse",
            (x, t, g, h) => { float v = mse.ForwardBackward(x, t, g); var l = new Half[x.Length]; mse.Forward(x, t, l); mse.GradientHessian(x, t, g, h); return v + Total(l); },
            (x, t, g, h) => { float v = mse.ForwardBackward(x, t, g); var l = new float[x.Length]; mse.Forward(x, t, l); mse.GradientHessian(x, t, g, h); return v + Total(l); });
        var bce = new Losses.BceWithLogitsLoss(posWeight: 2);
        yield return ("BceWithLogits",
            (x, t, g, h) => { float v = bce.ForwardBackward(x, t, g); var l = new Half[x.Length]; bce.Forward(x, t, l); bce.GradientHessian(x, t, g, h); return v + Total(l); },
            (x, t, g, h) => { float v = bce.ForwardBackward(x, t, g); var l = new float[x.Length]; bce.Forward(x, t, l); bce.GradientHessian(x, t, g, h); return v + Total(l); });
        var focal = new Losses.SigmoidFocalLoss(reduction: Reduction.Sum) { DegreeOfParallelism = 2 };
        yield return ("SigmoidFocal, sum, 2 threads",
            (x, t, g, h) => { float v = focal.ForwardBackward(x, t, g) + focal.Forward(x, t); focal.GradientHessian(x, t, g, h); return v; },
            (x, t, g, h) => { float v = focal.ForwardBackward(x, t, g) + focal.Forward(x, t); focal.GradientHessian(x, t, g, h); return v; });
    }

    private static float Total(Half[] losses) => (float)losses.Sum(v => (double)v);

    private static float Total(float[] losses) => (float)losses.Sum(v => (double)(Half)v);

    [Fact]
    public void Half_overloads_check_their_arguments_before_writing()
    {
        Half[] gradient = [Half.One, Half.One];
        var e = Assert.Throws<ArgumentException>(() => new Losses.MseLoss().ForwardBackward(new Half[2], new Half[3], gradient));
        Assert.Equal("target", e.ParamName);
        Assert.All(gradient, g => Assert.Equal(Half.One, g));
    }
}
