using LossDsl;

namespace LossDsl.Runtime.Tests;

/// <summary>Kernels under hostile use: huge lengths (no int overflow in offsets), many threads at once.</summary>
public class HostilityTests
{
    [Fact]
    public void Two_to_the_28_elements_reduce_without_offset_overflow()
    {
        const int n = (1 << 28) + 5; // 1 GiB per span
        float[] x = GC.AllocateUninitializedArray<float>(n), t = GC.AllocateUninitializedArray<float>(n);
        x.AsSpan().Fill(1.5f);
        t.AsSpan().Fill(0.5f);
        x[n - 1] = 2.5f; // the scalar tail counts too: (2.5 - 0.5)² = 4
        double expectedSum = (n - 1) * 1.0 + 4.0;
        Assert.Equal((float)expectedSum, new Losses.MseLoss(Reduction.Sum).Forward(x, t)); // the float the double total rounds to
        Assert.Equal((float)expectedSum, new Losses.MseLoss(Reduction.Sum) { DegreeOfParallelism = 2 }.Forward(x, t));
        Assert.Equal(expectedSum / n, new Losses.MseLoss().Forward(x, t), 6);
    }

    [Fact]
    public void One_instance_is_safe_to_use_from_many_threads()
    {
        var loss = new Losses.SigmoidFocalLoss(alpha: 0.3f, gamma: 1.5f);
        var inputs = Enumerable.Range(0, 16).Select(k => (X: Numeric.Random(1000 + k * 37, k, 6), T: Numeric.Random(1000 + k * 37, k + 50, 1).Select(v => v > 0 ? 1f : 0f).ToArray())).ToList();
        var expected = inputs.Select(p => { var g = new float[p.X.Length]; float l = loss.ForwardBackward(p.X, p.T, g); return (l, g); }).ToList();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var (x, t) = inputs[k % inputs.Count];
            var g = new float[x.Length];
            float l = loss.ForwardBackward(x, t, g);
            Assert.Equal(expected[k % inputs.Count].l, l);
            Assert.True(expected[k % inputs.Count].g.AsSpan().SequenceEqual(g));
        });
    }
}
