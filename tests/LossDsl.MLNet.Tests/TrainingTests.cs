using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LossDsl.MLNet.Tests;

/// <summary>ML.NET's online trainers really trained with LossDsl losses, against ML.NET's own losses of the same math.</summary>
public class TrainingTests
{
    private const int Width = 4;

    public sealed class Row
    {
        [VectorType(Width)]
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    public sealed class BinaryRow
    {
        [VectorType(Width)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private static readonly float[] s_truth = [2f, -1f, 0.5f, 0f];

    private static List<Row> Regression(int rows, int seed, double outliers)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            float[] x = Enumerable.Range(0, Width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            double y = 1 + x.Zip(s_truth, (a, b) => a * b).Sum() + 0.1 * (random.NextDouble() - 0.5);
            if (random.NextDouble() < outliers) y += 40;
            return new Row { Features = x, Label = (float)y };
        }).ToList();
    }

    private static List<BinaryRow> Binary(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            float[] x = Enumerable.Range(0, Width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            double logit = 3 * x.Zip(s_truth, (a, b) => a * b).Sum() - 0.5;
            return new BinaryRow { Features = x, Label = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) };
        }).ToList();
    }

    private static float[] Weights(LinearModelParameters model) => model.Weights.Concat([model.Bias]).ToArray();

    private static float[] TrainRegression(IRegressionLoss loss, List<Row> rows)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.OnlineGradientDescent(lossFunction: loss, learningRate: 0.05f, numberOfIterations: 20);
        return Weights(trainer.Fit(data).Model);
    }

    private static float[] TrainBinary(IClassificationLoss loss, List<BinaryRow> rows)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.BinaryClassification.Trainers.AveragedPerceptron(lossFunction: loss, learningRate: 0.1f, numberOfIterations: 10);
        return Weights(trainer.Fit(data).Model);
    }

    [Fact]
    public void OnlineGradientDescent_with_Mse_is_MLNETs_SquaredLoss()
    {
        List<Row> rows = Regression(2000, seed: 1, outliers: 0);
        float[] ours = TrainRegression(new Losses.MseLoss().AsRegressionLoss(), rows);
        float[] theirs = TrainRegression(new SquaredLoss(), rows);
        for (int i = 0; i < ours.Length; i++) Assert.Equal(theirs[i], ours[i], 1e-4f);
        for (int i = 0; i < Width; i++) Assert.Equal(s_truth[i], ours[i], 0.05f);
    }

    [Fact]
    public void OnlineGradientDescent_with_Huber_ignores_the_outliers_that_pull_squared_loss()
    {
        List<Row> rows = Regression(2000, seed: 2, outliers: 0.1);
        float[] huber = TrainRegression(new Losses.HuberLoss(delta: 1f).AsRegressionLoss(), rows);
        float[] squared = TrainRegression(new SquaredLoss(), rows);
        double Error(float[] w) => Enumerable.Range(0, Width).Sum(i => Math.Abs(w[i] - s_truth[i]));
        Assert.True(Error(huber) < 0.5 * Error(squared), $"Huber error {Error(huber)}, squared {Error(squared)}");
        Assert.True(Math.Abs(huber[^1] - 1) < Math.Abs(squared[^1] - 1), $"intercept: Huber {huber[^1]}, squared {squared[^1]}"); // the outliers lift the mean
    }

    [Fact]
    public void AveragedPerceptron_with_Hinge_on_plus_minus_one_is_MLNETs_HingeLoss()
    {
        List<BinaryRow> rows = Binary(2000, seed: 3);
        float[] ours = TrainBinary(new Losses.HingeLoss(margin: 1f).AsClassificationLoss(BinaryLabels.MinusOnePlusOne), rows);
        float[] theirs = TrainBinary(new HingeLoss(), rows);
        for (int i = 0; i < ours.Length; i++) Assert.Equal(theirs[i], ours[i], 1e-4f);
    }

    [Fact]
    public void AveragedPerceptron_with_BceWithLogits_is_MLNETs_LogLoss()
    {
        List<BinaryRow> rows = Binary(2000, seed: 4);
        float[] ours = TrainBinary(new Losses.BceWithLogitsLoss().AsClassificationLoss(), rows);
        float[] theirs = TrainBinary(new LogLoss(), rows);
        for (int i = 0; i < ours.Length; i++) Assert.Equal(theirs[i], ours[i], 1e-3f);
        // The direction of the true boundary.
        Assert.True(ours[0] > 0 && ours[1] < 0, string.Join(", ", ours));
    }

    [Fact]
    public void Loss_and_Derivative_are_the_losss_own_values()
    {
        var focal = new Losses.SigmoidFocalLoss(alpha: 0.25f, gamma: 2f);
        var adapter = focal.AsClassificationLoss();
        foreach (float output in new[] { -30f, -2f, 0f, 0.5f, 3f, 30f })
        {
            foreach (float label in new[] { 0f, 1f })
            {
                Assert.Equal(Losses.SigmoidFocal(output, label, 0.25f, 2f), adapter.Loss(output, label), 1e-6);
                float[] g = new float[1], h = new float[1];
                focal.GradientHessian([output], [label], g, h);
                Assert.Equal(g[0], adapter.Derivative(output, label));
            }
        }
        var hinge = new Losses.HingeLoss().AsClassificationLoss(BinaryLabels.MinusOnePlusOne);
        Assert.Equal(0, hinge.Loss(2f, 1f));     // label 1 → +1: margin met
        Assert.Equal(3, hinge.Loss(2f, 0f));     // label 0 → −1: max(0, 1 + 2)
        Assert.Equal(1f, hinge.Derivative(2f, 0f));
        Assert.Same(focal, adapter.Source);
    }

    [Fact]
    public void Misuse_is_an_ArgumentException()
    {
        Assert.Equal("loss", Assert.Throws<ArgumentNullException>(() => new RegressionLoss(null!)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentOutOfRangeException>(() => new Losses.HingeLoss().AsClassificationLoss((BinaryLabels)7)).ParamName);
    }
}
