using LossDsl;
using LossDsl.Kernels;

namespace LossDsl.Runtime.Tests;

public class ParallelTests
{
    [Fact]
    public void Results_are_bitwise_identical_for_any_thread_count()
    {
        int n = 5 * KernelParallel.ChunkElements + 123; // several chunks and a ragged tail
        float[] x = Numeric.Random(n, 11, 8), t = Numeric.Random(n, 12, 1).Select(v => v > 0 ? 1f : 0f).ToArray();
        float Reduced(int threads, float[] gradient) => new Losses.SigmoidFocalLoss(gamma: 1.5f) { DegreeOfParallelism = threads }.ForwardBackward(x, t, gradient);

        var serialGradient = new float[n];
        float serial = Reduced(1, serialGradient);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            var gradient = new float[n];
            float parallel = Reduced(threads, gradient);
            Assert.Equal(BitConverter.SingleToInt32Bits(serial), BitConverter.SingleToInt32Bits(parallel));
            Assert.True(serialGradient.AsSpan().SequenceEqual(gradient), $"{threads} threads: gradients differ");
        }

        var mse = new Losses.MseLoss(Reduction.Sum);
        float serialSum = mse.Forward(x, t);
        Assert.Equal(serialSum, new Losses.MseLoss(Reduction.Sum) { DegreeOfParallelism = 2 }.Forward(x, t));
        var h1 = new float[n];
        var h2 = new float[n];
        new Losses.BceWithLogitsLoss().GradientHessian(x, t, new float[n], h1);
        new Losses.BceWithLogitsLoss { DegreeOfParallelism = 4 }.GradientHessian(x, t, new float[n], h2);
        Assert.True(h1.AsSpan().SequenceEqual(h2));
    }

    [Fact]
    public void Degree_of_parallelism_must_be_positive()
    {
        Assert.Equal("DegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new Losses.MseLoss { DegreeOfParallelism = 0 }).ParamName);
        Assert.Equal(1, new Losses.MseLoss().DegreeOfParallelism);
    }

    [Fact]
    public void Parallel_in_place_output_is_correct()
    {
        int n = 3 * KernelParallel.ChunkElements + 5;
        float[] x = Numeric.Random(n, 21), t = Numeric.Random(n, 22);
        var expected = new float[n];
        new Losses.LogCoshLoss().Forward(x, t, expected);
        new Losses.LogCoshLoss { DegreeOfParallelism = 2 }.Forward(x, t, x);
        Assert.Equal(expected, x);
    }
}
