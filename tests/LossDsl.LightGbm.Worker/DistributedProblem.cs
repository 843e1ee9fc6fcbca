using LossDsl;
using LossDsl.LightGbm;

namespace LossDsl.LightGbm.Tests;

/// <summary>The problem the distributed test trains, on one machine and split across workers.</summary>
public static class DistributedProblem
{
    public const int Columns = 6;
    public const int Rows = 20000;

    public static LightGbmOptions Options { get; } = new() { Iterations = 80, LearningRate = 0.1, NumLeaves = 7, MinDataInLeaf = 50, Threads = 1, Seed = 3 };

    public static ILoss<float> Loss => new Losses.BceWithLogitsLoss();

    public static (float[] Features, float[] Labels, float[] ValidFeatures, float[] ValidLabels) Make()
    {
        var (x, y) = Sample(Rows, seed: 21);
        var (vx, vy) = Sample(1000, seed: 22);
        return (x, y, vx, vy);
    }

    private static (float[], float[]) Sample(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * Columns];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < Columns; j++) x[i * Columns + j] = (float)(random.NextDouble() * 2 - 1);
            double logit = 2 * x[i * Columns] - 1.5 * x[i * Columns + 1] * x[i * Columns + 2] + Math.Sin(3 * x[i * Columns + 3]) - 0.7;
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }
        return (x, y);
    }

    /// <summary>The trees of a model's text, without the header (which names this worker's parameters).</summary>
    public static string Trees(string model)
    {
        int start = model.IndexOf("Tree=0", StringComparison.Ordinal);
        int end = model.IndexOf("end of trees", StringComparison.Ordinal);
        return model[start..end];
    }
}
