using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace LossDsl.Benchmarks;

/// <summary>
/// Softmax cross-entropy, mean loss and gradient over 4,096 rows of 1,000 logits: the generated row kernel against
/// the best TensorPrimitives composition (SoftMax per row into the gradient, then the loss and the one-hot and
/// 1/N arithmetic), a scalar loop over the [Loss] method's math, and one pass that reads the logits and writes the
/// gradient (the memory-traffic floor). Ratios are against the generated kernel (the baseline).
/// </summary>
[MemoryDiagnoser]
public class RowLossBenchmarks
{
    private const int Rows = 4096, Width = 1000;
    private float[] _x = [], _g = [];
    private int[] _y = [];
    private readonly RowLosses.CrossEntropyLoss _loss = new();
    private readonly RowLosses.CrossEntropyLoss _loss2 = new() { DegreeOfParallelism = 2 };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = Enumerable.Range(0, Rows * Width).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        _y = Enumerable.Range(0, Rows).Select(_ => random.Next(Width)).ToArray();
        _g = new float[Rows * Width];
    }

    [Benchmark(Baseline = true)]
    public float Generated() => _loss.ForwardBackward(_x, _y, Width, _g);

    [Benchmark]
    public float GeneratedForward() => _loss.Forward(_x, _y, Width);

    [Benchmark]
    public float GeneratedTwoThreads() => _loss2.ForwardBackward(_x, _y, Width, _g);

    [Benchmark]
    public float TensorPrimitivesSoftMax()
    {
        double total = 0;
        float scale = 1f / Rows;
        for (int r = 0; r < Rows; r++)
        {
            Span<float> gradient = _g.AsSpan(r * Width, Width);
            TensorPrimitives.SoftMax(_x.AsSpan(r * Width, Width), gradient);
            total -= Math.Log(gradient[_y[r]]);
            gradient[_y[r]] -= 1;
            TensorPrimitives.Multiply(gradient, scale, gradient);
        }
        return (float)(total / Rows);
    }

    [Benchmark]
    public float ScalarLoop()
    {
        double total = 0;
        float scale = 1f / Rows;
        for (int r = 0; r < Rows; r++)
        {
            ReadOnlySpan<float> x = _x.AsSpan(r * Width, Width);
            Span<float> gradient = _g.AsSpan(r * Width, Width);
            float lse = LossMath.LogSumExp(x);
            total += lse - x[_y[r]];
            for (int j = 0; j < Width; j++) gradient[j] = MathF.Exp(x[j] - lse) * scale;
            gradient[_y[r]] -= scale;
        }
        return (float)(total / Rows);
    }

    [Benchmark]
    public float ReadWritePass()
    {
        TensorPrimitives.Multiply(_x, 1f / Rows, _g);
        return _g[0];
    }
}
