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

public class StreamingTests
{
    [Theory]
    [InlineData(0, 0)] // aligned alike: outputs stream after a peel
    [InlineData(3, 3)]
    [InlineData(1, 6)] // outputs at different offsets: no streaming
    public void Long_calls_that_stream_their_outputs_match_short_calls(int gradientOffset, int hessianOffset)
    {
        int n = KernelParallel.StreamingElements + 1003;
        float[] x = Numeric.Random(n, 31, 8), t = Numeric.Random(n, 32, 1).Select(v => v > 0 ? 1f : 0f).ToArray();
        float[] gradientBuffer = new float[n + 16], hessianBuffer = new float[n + 16];
        Span<float> gradient = gradientBuffer.AsSpan(gradientOffset, n), hessian = hessianBuffer.AsSpan(hessianOffset, n);
        var loss = new Losses.SigmoidFocalLoss();
        loss.GradientHessian(x, t, gradient, hessian);

        foreach (int start in new[] { 0, 65_530, n / 2, n - 200 })
        {
            int length = Math.Min(200, n - start);
            float[] g = new float[length], h = new float[length];
            loss.GradientHessian(x.AsSpan(start, length), t.AsSpan(start, length), g, h);
            for (int i = 0; i < length; i++)
            {
                Numeric.Close(g[i], gradient[start + i], 1e-6, $"gradient {start + i}");
                Numeric.Close(h[i], hessian[start + i], 1e-6, $"hessian {start + i}");
            }
        }
        float serial = new Losses.BceWithLogitsLoss().ForwardBackward(x, t, gradient);
        float parallel = new Losses.BceWithLogitsLoss { DegreeOfParallelism = 2 }.ForwardBackward(x, t, gradient);
        Assert.Equal(BitConverter.SingleToInt32Bits(serial), BitConverter.SingleToInt32Bits(parallel));
    }
}
