namespace LossDsl.LightGbm.Tests;

/// <summary>
/// A LossDsl loss as custom objective against LightGBM's built-in objective with the same math: after 50
/// iterations the raw predictions agree to 1e-5 relative, initial score included.
/// </summary>
public class BuiltInObjectiveTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Rows = 3000;
    private static readonly LightGbmOptions s_options = new() { Iterations = 50, LearningRate = 0.1, NumLeaves = 15, Threads = 1, Seed = 1 };

    private void AssertSameModel(float[] labels, ILoss<float> loss, string objective, LightGbmOptions? options = null, string extra = "", float[]? weights = null)
    {
        options ??= s_options;
        float[] x = Data.Features(Rows, seed: 11);
        float[] test = Data.Features(500, seed: 12);
        using var ours = LightGbmDataset.FromRows(x, Data.Columns, labels, weights);
        using var theirs = LightGbmDataset.FromRows(x, Data.Columns, labels, weights);
        using LightGbmBooster custom = LightGbmTrainer.Train(ours, loss, options with { Extra = extra.Length == 0 ? null : extra });
        using LightGbmBooster builtIn = BuiltIn.Train(theirs, objective, options, extra: extra);
        Assert.Equal(50, custom.Iterations);
        double[] a = custom.PredictRaw(test, Data.Columns), b = builtIn.PredictRaw(test, Data.Columns);
        double worst = 0;
        for (int i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]) / Math.Max(1, Math.Abs(b[i])));
        output.WriteLine($"{objective}: worst relative difference in raw score {worst:E2}");
        Assert.True(worst <= 1e-5, $"{objective}: worst relative difference {worst:E2}");
    }

    [Fact]
    public void Binary_is_BceWithLogits() =>
        AssertSameModel(Data.Binary(Data.Features(Rows, 11), 5), new Losses.BceWithLogitsLoss(), "binary");

    [Fact]
    public void Weighted_binary_is_weighted_BceWithLogits()
    {
        float[] weights = Enumerable.Range(0, Rows).Select(i => 0.5f + i % 4).ToArray();
        AssertSameModel(Data.Binary(Data.Features(Rows, 11), 5), new Losses.BceWithLogitsLoss(), "binary", weights: weights);
    }

    [Fact]
    public void Regression_is_Mse() =>
        AssertSameModel(Data.Regression(Data.Features(Rows, 11), 5), new Losses.MseLoss(), "regression");

    [Fact]
    public void Cross_entropy_is_BceWithLogits_on_soft_labels() =>
        AssertSameModel(Data.Probabilities(Data.Features(Rows, 11)), new Losses.BceWithLogitsLoss(), "cross_entropy");

    // LightGBM's Poisson Hessian is exp(score + poisson_max_delta_step), and 4.7 rejects a step of 0: 1e-12 is
    // exp(score) to 1e-12, the same math as PoissonNll's.
    [Fact]
    public void Poisson_is_PoissonNll() =>
        AssertSameModel(Data.Counts(Data.Features(Rows, 11), 5), new Losses.PoissonNllLoss(), "poisson", extra: "poisson_max_delta_step=1e-12");

    [Fact]
    public void Tweedie_is_a_Tweedie_loss() =>
        AssertSameModel(Data.Claims(Data.Features(Rows, 11), 5), new BoostingLosses.TweedieLoss(power: 1.5f), "tweedie", extra: "tweedie_variance_power=1.5");

    [Fact]
    public void Fair_is_a_fair_loss_from_the_mean_label()
    {
        // LightGBM starts fair regression from the mean label, not from the fair loss's optimum: start there too.
        float[] labels = Data.Regression(Data.Features(Rows, 11), 5);
        AssertSameModel(labels, new BoostingLosses.FairLoss(c: 1f), "fair", s_options with { InitialScore = labels.Average(v => (double)v) }, "fair_c=1");
    }
}
