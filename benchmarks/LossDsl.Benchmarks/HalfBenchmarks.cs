using BenchmarkDotNet.Attributes;

namespace LossDsl.Benchmarks;

/// <summary>
/// MSE's ForwardBackward on Half data (mixed-precision training's 16-bit tensors) against the float kernel on the
/// same values as float: a memory-bound loss reading and writing half the bytes.
/// </summary>
[MemoryDiagnoser]
public class HalfBenchmarks
{
    private float[] _x = [], _t = [], _g = [];
    private Half[] _xh = [], _th = [], _gh = [];

    [Params(1_048_576, 16_777_216)]
    public int N { get; set; }

    private readonly Losses.MseLoss _mse = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _xh = Enumerable.Range(0, N).Select(_ => (Half)(random.NextDouble() * 8 - 4)).ToArray();
        _th = Enumerable.Range(0, N).Select(_ => (Half)(random.NextDouble() * 8 - 4)).ToArray();
        _x = _xh.Select(v => (float)v).ToArray();
        _t = _th.Select(v => (float)v).ToArray();
        _g = new float[N];
        _gh = new Half[N];
    }

    [Benchmark(Baseline = true)]
    public float Float() => _mse.ForwardBackward(_x, _t, _g);

    [Benchmark]
    public float Half() => _mse.ForwardBackward(_xh, _th, _gh);
}
