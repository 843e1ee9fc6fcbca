using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace LossDsl.Benchmarks;

/// <summary>
/// Mean loss and its gradient over float spans: the generated ForwardBackward against a scalar loop over the
/// [Loss] method, the best TensorPrimitives composition we could write, and a bandwidth reference that
/// reads the two inputs and writes one span. Ratios are against the generated kernel (the baseline).
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private float[] _x = [], _t = [], _g = [], _a = [], _b = [], _c = [], _d = [], _e = [];

    [Params("Mse", "Huber", "BceWithLogits", "SigmoidFocal")]
    public string Loss { get; set; } = "Mse";

    [Params(65_536, 1_048_576, 16_777_216)]
    public int N { get; set; }

    private readonly Losses.MseLoss _mse = new();
    private readonly Losses.HuberLoss _huber = new();
    private readonly Losses.BceWithLogitsLoss _bce = new();
    private readonly Losses.SigmoidFocalLoss _focal = new();
    private readonly Losses.BceWithLogitsLoss _bce2 = new() { DegreeOfParallelism = 2 };
    private readonly Losses.SigmoidFocalLoss _focal2 = new() { DegreeOfParallelism = 2 };
    private readonly Losses.MseLoss _mse2 = new() { DegreeOfParallelism = 2 };
    private readonly Losses.HuberLoss _huber2 = new() { DegreeOfParallelism = 2 };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        bool logits = Loss is "BceWithLogits" or "SigmoidFocal";
        _x = Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        _t = Enumerable.Range(0, N).Select(_ => logits ? random.Next(2) : (float)(random.NextDouble() * 8 - 4)).ToArray();
        _g = new float[N];
        _a = new float[N];
        _b = new float[N];
        _c = new float[N];
        _d = new float[N];
        _e = new float[N];
    }

    [Benchmark(Baseline = true)]
    public float Generated() => Loss switch
    {
        "Mse" => _mse.ForwardBackward(_x, _t, _g),
        "Huber" => _huber.ForwardBackward(_x, _t, _g),
        "BceWithLogits" => _bce.ForwardBackward(_x, _t, _g),
        _ => _focal.ForwardBackward(_x, _t, _g),
    };

    [Benchmark]
    public float GeneratedTwoThreads() => Loss switch
    {
        "Mse" => _mse2.ForwardBackward(_x, _t, _g),
        "Huber" => _huber2.ForwardBackward(_x, _t, _g),
        "BceWithLogits" => _bce2.ForwardBackward(_x, _t, _g),
        _ => _focal2.ForwardBackward(_x, _t, _g),
    };

    /// <summary>The [Loss] method per element, and its gradient written by hand (what users do today).</summary>
    [Benchmark]
    public float ScalarLoop()
    {
        float[] x = _x, t = _t, g = _g;
        double total = 0;
        float scale = 1f / x.Length;
        switch (Loss)
        {
            case "Mse":
                for (int i = 0; i < x.Length; i++) { total += Losses.Mse(x[i], t[i]); g[i] = 2 * (x[i] - t[i]) * scale; }
                break;
            case "Huber":
                for (int i = 0; i < x.Length; i++)
                {
                    total += Losses.Huber(x[i], t[i], 1f);
                    float r = x[i] - t[i];
                    g[i] = (MathF.Abs(r) < 1 ? r : MathF.Sign(r)) * scale;
                }
                break;
            case "BceWithLogits":
                for (int i = 0; i < x.Length; i++) { total += Losses.BceWithLogits(x[i], t[i], 1f); g[i] = (LossMath.Sigmoid(x[i]) - t[i]) * scale; }
                break;
            default:
                for (int i = 0; i < x.Length; i++)
                {
                    total += Losses.SigmoidFocal(x[i], t[i], 0.25f, 2f);
                    g[i] = FocalGradient(x[i], t[i]) * scale;
                }
                break;
        }
        return (float)(total / x.Length);
    }

    // d/dx of αₜ(1-pₜ)²·ce, written out: what a user hand-derives (γ = 2, α = 0.25).
    private static float FocalGradient(float x, float t)
    {
        float p = LossMath.Sigmoid(x);
        float pt = p * t + (1 - p) * (1 - t);
        float at = 0.25f * t + 0.75f * (1 - t);
        float ce = LossMath.Softplus(x) - x * t;
        float dpt = p * (1 - p) * (2 * t - 1);
        return at * (-2 * (1 - pt) * dpt * ce + (1 - pt) * (1 - pt) * (p - t));
    }

    /// <summary>Whole-span TensorPrimitives calls: each a vectorized pass over memory.</summary>
    [Benchmark]
    public float TensorPrimitivesComposed()
    {
        ReadOnlySpan<float> x = _x, t = _t;
        Span<float> g = _g, a = _a, b = _b, c = _c;
        float n = x.Length;
        switch (Loss)
        {
            case "Mse":
            {
                TensorPrimitives.Subtract(x, t, a);
                float loss = TensorPrimitives.SumOfSquares(a) / n;
                TensorPrimitives.Multiply(a, 2 / n, g);
                return loss;
            }
            case "Huber":
            {
                TensorPrimitives.Subtract(x, t, a);            // r
                TensorPrimitives.Abs(a, b);                    // |r|
                TensorPrimitives.Min(b, 1f, c);                // m = min(|r|, δ)
                TensorPrimitives.MultiplyAdd(c, -0.5f, b, b);  // |r| - m/2
                float loss = TensorPrimitives.Dot(c, b) / n;   // Σ m(|r| - m/2)
                TensorPrimitives.Min(a, 1f, g);
                TensorPrimitives.Max(g, -1f, g);               // clamp(r, -δ, δ)
                TensorPrimitives.Multiply(g, 1 / n, g);
                return loss;
            }
            case "BceWithLogits":
                return TensorPrimitivesCompositions.BceWithLogits(x, t, g, a, b);
            default:
                return TensorPrimitivesCompositions.SigmoidFocal(x, t, g, a, b, c, _d, _e);
        }
    }

    /// <summary>Bandwidth reference: read prediction and target, write one span (g = p - t), vectorized.</summary>
    [Benchmark]
    public float Bandwidth()
    {
        TensorPrimitives.Subtract(_x, _t, _g);
        return _g[0];
    }
}
