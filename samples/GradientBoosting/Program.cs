using LossDsl;
using LossDsl.LightGbm;
using LossDsl.Samples.Plotting;

namespace GradientBoosting;

/// <summary>
/// LightGBM trained with LossDsl losses on two problems where the loss matters, each against LightGBM's built-in
/// objective: insurance claims with a Tweedie [Loss] (vs <c>tweedie</c>), 1:100 fraud with the sigmoid focal loss
/// (vs <c>binary</c>, judged by precision and recall when only the top 1 % of scores can be investigated).
/// </summary>
public static class Program
{
    public sealed record ClaimsOutcome(double LossDslDeviance, double BuiltInDeviance, double LargestRelativeDifference, int Iterations, double ZeroShare);

    public sealed record FraudOutcome(string Model, double Recall, double Precision, int BestIteration, double FraudRate);

    public static int Main(string[] args)
    {
        var (claims, fraud, svg) = Run(args.Length > 0 ? args[0] : "output");
        Console.WriteLine($"Insurance claims ({claims.ZeroShare:P0} without a claim, skewed tail), Tweedie deviance (power 1.5) on held-out policies:");
        Console.WriteLine($"  LossDsl Tweedie [Loss]       {claims.LossDslDeviance:F5}");
        Console.WriteLine($"  LightGBM built-in tweedie    {claims.BuiltInDeviance:F5}");
        Console.WriteLine($"  largest relative difference in predicted premium: {claims.LargestRelativeDifference:E1} ({claims.Iterations} iterations)");
        Console.WriteLine($"Fraud ({fraud[0].FraudRate:P2} of transactions), alerts on the top 1 % of scores, on held-out transactions:");
        Console.WriteLine($"  {"model",-34} {"recall",7} {"precision",10} {"iterations",11}");
        foreach (FraudOutcome o in fraud) Console.WriteLine($"  {o.Model,-34} {o.Recall,7:P1} {o.Precision,10:P1} {o.BestIteration,11}");
        Console.WriteLine($"Plot: {svg}");
        return 0;
    }

    public static (ClaimsOutcome Claims, IReadOnlyList<FraudOutcome> Fraud, string SvgPath) Run(string outputDirectory)
    {
        var figure = new Figure("LightGBM with LossDsl objectives vs its built-in ones", columns: 2);
        ClaimsOutcome claims = RunClaims(figure);
        IReadOnlyList<FraudOutcome> fraud = RunFraud(figure);
        return (claims, fraud, figure.Save(Path.Combine(outputDirectory, "gradient-boosting.svg")));
    }

    private static readonly LightGbmOptions s_options = new() { LearningRate = 0.05, NumLeaves = 15, MinDataInLeaf = 50, Threads = 1, Seed = 7 };

    private static ClaimsOutcome RunClaims(Figure figure)
    {
        Table train = Problems.Claims(20_000, seed: 1), test = Problems.Claims(10_000, seed: 2);
        var loss = new Objectives.TweedieLoss(power: 1.5f);
        LightGbmOptions options = s_options with { Iterations = 300, LearningRate = 0.03, NumLeaves = 7, MinDataInLeaf = 200 };
        using var ours = LightGbmDataset.FromRows(train.Features, train.Columns, train.Labels);
        using var theirs = LightGbmDataset.FromRows(train.Features, train.Columns, train.Labels);
        using LightGbmBooster custom = LightGbmTrainer.Train(ours, loss, options);
        using LightGbmBooster builtIn = LightGbmTrainer.TrainBuiltIn(theirs, "tweedie", options with { Extra = "tweedie_variance_power=1.5" });

        int[] checkpoints = Enumerable.Range(1, 30).Select(k => k * 10).ToArray();
        double Deviance(LightGbmBooster booster, int iterations) => loss.Forward(Floats(booster.PredictRaw(test.Features, test.Columns, iterations)), test.Labels);
        figure.AddPanel("Claims: held-out Tweedie deviance", "iteration", "mean Tweedie loss")
            .Line("LossDsl Tweedie", checkpoints.Select(i => (double)i).ToArray(), checkpoints.Select(i => Deviance(custom, i)).ToArray())
            .Line("built-in tweedie", checkpoints.Select(i => (double)i).ToArray(), checkpoints.Select(i => Deviance(builtIn, i)).ToArray(), dashed: true);

        double[] a = custom.PredictRaw(test.Features, test.Columns), b = builtIn.PredictRaw(test.Features, test.Columns);
        double difference = a.Zip(b, (p, q) => Math.Abs(Math.Exp(p) - Math.Exp(q)) / Math.Exp(q)).Max();
        // Calibration: mean predicted against mean observed claim per decile of the prediction.
        var (predicted, observed) = Deciles(a.Select(Math.Exp).ToArray(), test.Labels);
        figure.AddPanel("Claims: calibration by decile of predicted premium", "mean predicted (thousands)", "mean observed (thousands)")
            .Line("LossDsl Tweedie", predicted, observed)
            .Line("perfect", [0, predicted.Max()], [0, predicted.Max()], dashed: true);
        return new ClaimsOutcome(Deviance(custom, custom.Iterations), Deviance(builtIn, builtIn.Iterations), difference, custom.Iterations,
            train.Labels.Count(v => v == 0) / (double)train.Rows);
    }

    private static IReadOnlyList<FraudOutcome> RunFraud(Figure figure)
    {
        Table train = Problems.Fraud(40_000, seed: 3), valid = Problems.Fraud(10_000, seed: 4), test = Problems.Fraud(40_000, seed: 5);
        LightGbmOptions options = s_options with { Iterations = 600, EarlyStoppingRounds = 50 };
        var runs = new (string Name, ILoss<float> Loss)[]
        {
            ("BCE with logits (= built-in binary)", new Losses.BceWithLogitsLoss()),
            ("focal, α = 0.25, γ = 2", new Losses.SigmoidFocalLoss(alpha: 0.25f, gamma: 2f)),
        };
        var outcomes = new List<FraudOutcome>();
        var curves = figure.AddPanel("Fraud: validation loss per iteration (each model's own loss)", "iteration", "validation loss / first value");
        var calibration = figure.AddPanel("Fraud: calibration of σ(raw score)", "mean predicted probability", "observed fraud rate");
        foreach (var (name, loss) in runs)
        {
            using var data = LightGbmDataset.FromRows(train.Features, train.Columns, train.Labels);
            using var validation = LightGbmDataset.FromRows(valid.Features, valid.Columns, valid.Labels, reference: data);
            using LightGbmBooster booster = LightGbmTrainer.Train(data, loss, options, validation);
            double[] scores = booster.PredictRaw(test.Features, test.Columns);
            var (recall, precision) = AtBudget(scores, test.Labels, budget: 0.01);
            outcomes.Add(new FraudOutcome(name, recall, precision, booster.BestIteration, FraudRate(test)));
            double first = booster.History[0].ValidationLoss!.Value;
            curves.Line(name, booster.History.Select(h => (double)h.Iteration).ToArray(), booster.History.Select(h => h.ValidationLoss!.Value / first).ToArray());
            var (predicted, observed) = Deciles(scores.Select(s => 1 / (1 + Math.Exp(-s))).ToArray(), test.Labels);
            calibration.Line(name, predicted, observed);
        }
        calibration.Line("perfect", [0, 0.25], [0, 0.25], dashed: true);
        using (var data = LightGbmDataset.FromRows(train.Features, train.Columns, train.Labels))
        using (LightGbmBooster builtIn = LightGbmTrainer.TrainBuiltIn(data, "binary", options with { Iterations = outcomes[0].BestIteration, EarlyStoppingRounds = 0 }))
        {
            var (recall, precision) = AtBudget(builtIn.PredictRaw(test.Features, test.Columns), test.Labels, budget: 0.01);
            outcomes.Insert(1, new FraudOutcome("LightGBM built-in binary", recall, precision, builtIn.Iterations, FraudRate(test)));
        }
        return outcomes;
    }

    // Recall and precision when the highest-scoring `budget` share of transactions is investigated.
    private static (double Recall, double Precision) AtBudget(double[] scores, float[] labels, double budget)
    {
        int alerts = (int)(budget * scores.Length);
        int[] flagged = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(alerts).ToArray();
        double caught = flagged.Count(i => labels[i] == 1);
        return (caught / labels.Count(l => l == 1), caught / alerts);
    }

    // Mean prediction and mean label per tenth of the rows, ordered by prediction.
    private static (double[] Predicted, double[] Observed) Deciles(double[] predictions, float[] labels)
    {
        int[] order = Enumerable.Range(0, predictions.Length).OrderBy(i => predictions[i]).ToArray();
        var groups = order.Select((row, rank) => (row, decile: rank * 10 / order.Length)).GroupBy(p => p.decile).ToArray();
        return (groups.Select(g => g.Average(p => predictions[p.row])).ToArray(), groups.Select(g => g.Average(p => (double)labels[p.row])).ToArray());
    }

    private static double FraudRate(Table table) => table.Labels.Average(v => (double)v);

    private static float[] Floats(double[] values) => Array.ConvertAll(values, v => (float)v);
}
