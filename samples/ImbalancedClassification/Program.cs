using LossDsl;
using LossDsl.Samples.Plotting;

namespace ImbalancedClassification;

/// <summary>
/// A 1:50 imbalanced problem: the same logistic model trained with BCE, BCE with pos_weight and the sigmoid
/// focal loss; prints the minority class's recall and precision on fresh data and writes the loss curves.
/// </summary>
public static class Program
{
    public sealed record Outcome(string Loss, double Recall, double Precision, double[] Curve);

    public static int Main(string[] args)
    {
        var (outcomes, svg) = Run(args.Length > 0 ? args[0] : "output");
        Console.WriteLine("Logistic regression on a 1:50 imbalanced problem; minority class at p > 0.5, on held-out data:");
        Console.WriteLine($"  {"loss",-28} {"recall",7} {"precision",10}");
        foreach (Outcome o in outcomes) Console.WriteLine($"  {o.Loss,-28} {o.Recall,7:P1} {o.Precision,10:P1}");
        Console.WriteLine($"Plot: {svg}");
        return 0;
    }

    public static (IReadOnlyList<Outcome> Outcomes, string SvgPath) Run(string outputDirectory)
    {
        Data train = Data.Generate(positives: 200, seed: 1), test = Data.Generate(positives: 200, seed: 2);
        const int Epochs = 400;
        var runs = new (string Name, Func<(Logistic, double[])> Train)[]
        {
            ("BCE with logits", () => Logistic.Train(new Losses.BceWithLogitsLoss(), train, Epochs, 2.0)),
            ("BCE, pos_weight = 50", () => Logistic.Train(new Losses.BceWithLogitsLoss(posWeight: 50f), train, Epochs, 0.6)),
            ("focal, α = 0.25, γ = 2", () => Logistic.Train(new Losses.SigmoidFocalLoss(alpha: 0.25f, gamma: 2f), train, Epochs, 8.0)),
            ("focal, α = 0.9, γ = 2", () => Logistic.Train(new Losses.SigmoidFocalLoss(alpha: 0.9f, gamma: 2f), train, Epochs, 8.0)),
        };
        var outcomes = new List<Outcome>();
        foreach (var (name, trainModel) in runs)
        {
            var (model, curve) = trainModel();
            var (recall, precision) = model.Evaluate(test);
            outcomes.Add(new Outcome(name, recall, precision, curve));
        }

        var figure = new Figure("1:50 imbalanced classification: training loss per epoch", columns: 2);
        double[] epochs = Enumerable.Range(1, Epochs).Select(e => (double)e).ToArray();
        foreach (Outcome o in outcomes)
        {
            figure.AddPanel($"{o.Loss}: recall {o.Recall:P0}, precision {o.Precision:P0}", "epoch", "mean training loss")
                .Line(o.Loss, epochs, o.Curve);
        }
        return (outcomes, figure.Save(Path.Combine(outputDirectory, "imbalanced-classification.svg")));
    }
}
