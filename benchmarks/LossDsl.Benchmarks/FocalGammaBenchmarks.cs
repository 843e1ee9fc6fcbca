using BenchmarkDotNet.Attributes;

namespace LossDsl.Benchmarks;

/// <summary>
/// Sigmoid focal ForwardBackward at 1M floats: the kernels compiled for the default γ = 2 (the baseline: (1 − pₜ)² as a
/// product) against the kernels compiled for another small integer (γ = 3) and the general kernels any other γ runs
/// (x^γ through exp(γ·log x)).
/// </summary>
public class FocalGammaBenchmarks
{
    private float[] _x = [], _t = [], _g = [];
    private readonly Losses.SigmoidFocalLoss _default = new();
    private readonly Losses.SigmoidFocalLoss _integer = new(gamma: 3f);
    private readonly Losses.SigmoidFocalLoss _general = new(gamma: 2.5f);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = Enumerable.Range(0, 1 << 20).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        _t = Enumerable.Range(0, 1 << 20).Select(_ => (float)random.Next(2)).ToArray();
        _g = new float[1 << 20];
    }

    [Benchmark(Baseline = true)]
    public float DefaultGamma() => _default.ForwardBackward(_x, _t, _g);

    [Benchmark]
    public float IntegerGamma() => _integer.ForwardBackward(_x, _t, _g);

    [Benchmark]
    public float GeneralGamma() => _general.ForwardBackward(_x, _t, _g);
}
