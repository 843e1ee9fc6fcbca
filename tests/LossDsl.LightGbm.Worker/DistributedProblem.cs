using System.Globalization;
using LossDsl;
using LossDsl.LightGbm;

namespace LossDsl.LightGbm.Tests;

/// <summary>
/// The problems the distributed test trains, on one machine and split across workers: binary (BCE with logits) and
/// three classes (softmax cross-entropy, LightGBM's multiclass custom objective).
/// </summary>
public static class DistributedProblem
{
    public const int Columns = 6;
    public const int Rows = 20000;

    /// <summary>The run's options: for three classes a higher rate and early stopping, so both runs end near their best.</summary>
    public static LightGbmOptions Options(int classes) => classes == 1
        ? new() { Iterations = 80, LearningRate = 0.1, NumLeaves = 7, MinDataInLeaf = 50, Threads = 1, Seed = 3 }
        : new() { Iterations = 200, LearningRate = 0.3, NumLeaves = 7, MinDataInLeaf = 50, Threads = 1, Seed = 3, EarlyStoppingRounds = 10 };

    /// <summary>Training and validation rows; labels are 0/1 for <paramref name="classes"/> = 1, class indices otherwise.</summary>
    public static (float[] Features, float[] Labels, float[] ValidFeatures, float[] ValidLabels) Make(int classes)
    {
        var (x, y) = Sample(Rows, classes, seed: 21);
        var (vx, vy) = Sample(1000, classes, seed: 22);
        return (x, y, vx, vy);
    }

    /// <summary>The run both the workers and the one-machine reference make.</summary>
    public static LightGbmBooster Train(LightGbmDataset train, LightGbmDataset valid, LightGbmOptions options, int classes) =>
        classes == 1
            ? LightGbmTrainer.Train(train, new Losses.BceWithLogitsLoss(), options, valid)
            : LightGbmTrainer.Train(train, new RowLosses.CrossEntropyLoss(), classes, options, valid);

    private static (float[], float[]) Sample(int rows, int classes, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * Columns];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < Columns; j++) x[i * Columns + j] = (float)(random.NextDouble() * 2 - 1);
            double logit = 2 * x[i * Columns] - 1.5 * x[i * Columns + 1] * x[i * Columns + 2] + Math.Sin(3 * x[i * Columns + 3]) - 0.7;
            if (classes == 1)
            {
                y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
            }
            else
            {
                // Class k's score: the binary logit, shifted and bent per class; a softmax draw.
                double[] scores = Enumerable.Range(0, classes).Select(k => Math.Exp((k - 1) * logit + k * x[i * Columns + 4])).ToArray();
                double u = random.NextDouble() * scores.Sum();
                int label = 0;
                while (label < classes - 1 && (u -= scores[label]) > 0) label++;
                y[i] = label;
            }
        }
        return (x, y);
    }

    /// <summary>What a worker reports: its validation loss at the best iteration, its initial scores, its trees.</summary>
    public static string Report(LightGbmBooster booster) => string.Join('\n',
        booster.History[booster.BestIteration - 1].ValidationLoss!.Value.ToString("R", CultureInfo.InvariantCulture),
        string.Join(',', booster.InitialScores.Select(s => s.ToString("R", CultureInfo.InvariantCulture))),
        Trees(booster.SaveModel()));

    /// <summary>The trees of a model's text, without the header (which names this worker's parameters).</summary>
    public static string Trees(string model)
    {
        int start = model.IndexOf("Tree=0", StringComparison.Ordinal);
        int end = model.IndexOf("end of trees", StringComparison.Ordinal);
        return model[start..end];
    }
}
