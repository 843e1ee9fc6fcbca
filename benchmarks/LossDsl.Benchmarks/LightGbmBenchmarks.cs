using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LossDsl.LightGbm;
using LossDsl.LightGbm.Objectives;

namespace LossDsl.Benchmarks;

/// <summary>
/// Training LightGBM on 1M rows × 20 features for 100 iterations: with a LossDsl loss as custom objective against
/// LightGBM's built-in objective with the same math (BCE with logits ↔ binary), and the per-iteration objective step
/// alone (<see cref="ObjectiveStep"/>: gradient and Hessian, floor and layout, the reported training loss), to give its share of an iteration.
/// <c>dotnet run -c Release --project benchmarks/LossDsl.Benchmarks -- --filter '*LightGbm*'</c>
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser(displayGenColumns: false)]
public class LightGbmBenchmarks
{
    private const int Rows = 1_000_000, Columns = 20, Iterations = 100;
    private float[] _features = [];
    private float[] _labels = [];
    private readonly LightGbmOptions _options = new() { Iterations = Iterations, LearningRate = 0.1, NumLeaves = 31, Threads = 2, Seed = 1 };

    private readonly Losses.BceWithLogitsLoss _loss = new();
    private double[] _raw = [];
    private ObjectiveStep? _step;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _features = new float[Rows * Columns];
        for (int i = 0; i < _features.Length; i++) _features[i] = (float)(random.NextDouble() * 2 - 1);
        _labels = new float[Rows];
        for (int i = 0; i < Rows; i++)
        {
            double logit = 2 * _features[i * Columns] - _features[i * Columns + 1] * _features[i * Columns + 2] + Math.Sin(3 * _features[i * Columns + 3]);
            _labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }
        _raw = Enumerable.Range(0, Rows).Select(i => (random.NextDouble() - 0.5) * 4).ToArray();
        _step = new ObjectiveStep(new ElementObjective(_loss, _labels), Rows, weights: null, floor: 0.2, threads: 2);
    }

    [Benchmark(Baseline = true, Description = "built-in binary, 100 iterations")]
    public int BuiltInBinary()
    {
        using var data = LightGbmDataset.FromRows(_features, Columns, _labels);
        using var booster = LightGbmTrainer.TrainBuiltIn(data, "binary", _options);
        return booster.Iterations;
    }

    [Benchmark(Description = "LossDsl BceWithLogits, 100 iterations")]
    public int LossDslBce()
    {
        using var data = LightGbmDataset.FromRows(_features, Columns, _labels);
        using var booster = LightGbmTrainer.Train(data, _loss, _options);
        return booster.Iterations;
    }

    // What the trainer does per iteration besides growing the tree and copying LightGBM's scores: the loss at the
    // scores (reported) and the floored gradient and Hessian in LightGBM's layout, on 2 threads as the runs above.
    [Benchmark(Description = "objective step × 100 (no trees)")]
    public double ObjectiveSteps()
    {
        double sink = 0;
        for (int iteration = 0; iteration < Iterations; iteration++) sink += _step!.Run(_raw);
        return sink;
    }
}
