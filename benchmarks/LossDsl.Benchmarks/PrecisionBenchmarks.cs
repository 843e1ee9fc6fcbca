using BenchmarkDotNet.Attributes;

namespace LossDsl.Benchmarks;

/// <summary>
/// Double against float at 1M elements (mean loss and gradient, ForwardBackward): the generated double kernel against
/// the generated float one (the baseline: twice the bytes and half the lanes put the limit near 2×) and against the
/// same TensorPrimitives composition in double.
/// </summary>
[MemoryDiagnoser]
public class PrecisionBenchmarks
{
    private float[] _x = [], _t = [], _g = [];
    private double[] _xd = [], _td = [], _gd = [], _a = [], _b = [], _c = [], _d = [], _e = [];

    [Params("BceWithLogits", "SigmoidFocal")]
    public string Loss { get; set; } = "BceWithLogits";

    [Params(1_048_576)]
    public int N { get; set; }

    private readonly Losses.BceWithLogitsLoss _bce = new();
    private readonly Losses.SigmoidFocalLoss _focal = new();
    private readonly Losses.BceWithLogitsLossDouble _bceDouble = new();
    private readonly Losses.SigmoidFocalLossDouble _focalDouble = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _xd = Enumerable.Range(0, N).Select(_ => random.NextDouble() * 8 - 4).ToArray();
        _td = Enumerable.Range(0, N).Select(_ => (double)random.Next(2)).ToArray();
        _x = _xd.Select(v => (float)v).ToArray();
        _t = _td.Select(v => (float)v).ToArray();
        _g = new float[N];
        _gd = new double[N];
        (_a, _b, _c, _d, _e) = (new double[N], new double[N], new double[N], new double[N], new double[N]);
    }

    [Benchmark(Baseline = true)]
    public double Float() => Loss == "BceWithLogits" ? _bce.ForwardBackward(_x, _t, _g) : _focal.ForwardBackward(_x, _t, _g);

    [Benchmark]
    public double Double() => Loss == "BceWithLogits" ? _bceDouble.ForwardBackward(_xd, _td, _gd) : _focalDouble.ForwardBackward(_xd, _td, _gd);

    [Benchmark]
    public double DoubleTensorPrimitivesComposed() => Loss == "BceWithLogits"
        ? TensorPrimitivesCompositions.BceWithLogits<double>(_xd, _td, _gd, _a, _b)
        : TensorPrimitivesCompositions.SigmoidFocal<double>(_xd, _td, _gd, _a, _b, _c, _d, _e);
}
