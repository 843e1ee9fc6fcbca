using LossDsl.LightGbm.Interop;

namespace LossDsl.LightGbm.Tests;

/// <summary>Bad input is an ArgumentException naming the argument before LightGBM is called; native failures carry LightGBM's message.</summary>
public class MisuseTests
{
    private static readonly float[] s_x = Data.Features(100, seed: 41);
    private static readonly float[] s_y = Data.Regression(s_x, 1);
    private static readonly LightGbmOptions s_options = new() { Iterations = 3, Threads = 1, MinDataInLeaf = 5 };

    private static float[] With(float[] values, int at, float value)
    {
        var copy = (float[])values.Clone();
        copy[at] = value;
        return copy;
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Non_finite_labels_are_rejected(float label)
    {
        var error = Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows(s_x, Data.Columns, With(s_y, 7, label)));
        Assert.Equal("labels", error.ParamName);
        Assert.Contains("labels[7]", error.Message);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(-1f)]
    public void Bad_weights_are_rejected(float weight)
    {
        float[] weights = Enumerable.Repeat(1f, s_y.Length).ToArray();
        var error = Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows(s_x, Data.Columns, s_y, With(weights, 3, weight)));
        Assert.Equal("weights", error.ParamName);
    }

    [Fact]
    public void Lengths_must_match_rows_times_columns()
    {
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows(s_x.AsSpan(1), Data.Columns, s_y)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows(s_x, Data.Columns, s_y.AsSpan(1))).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows(s_x, Data.Columns, s_y, new float[3])).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows([], Data.Columns, [])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => LightGbmDataset.FromRows(s_x, 0, s_y)).ParamName);
    }

    [Theory]
    [InlineData("a|b")]
    [InlineData("a|b|c|d|a")]
    [InlineData("a|b|c|d|has space")]
    [InlineData("a|b|c|d|")]
    [InlineData("a|b|c|d|x:y")]
    public void Column_names_must_be_one_distinct_plain_name_per_column(string names)
    {
        Assert.Equal("columnNames", Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows(s_x, Data.Columns, s_y, columnNames: names.Split('|'))).ParamName);
    }

    [Fact]
    public void A_reference_must_have_the_same_columns()
    {
        using var train = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => LightGbmDataset.FromRows(new float[s_y.Length * 2], 2, s_y, reference: train)).ParamName);
    }

    [Fact]
    public void Labels_outside_the_losss_stated_domain_are_rejected_before_training()
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, With(Data.Binary(s_x, 1), 5, 2f));
        var error = Assert.Throws<ArgumentException>(() => LightGbmTrainer.Train(data, new Losses.SigmoidFocalLoss(), s_options));
        Assert.Equal("train", error.ParamName);
        Assert.Contains("outside [0, 1]", error.Message);
    }

    [Fact]
    public void A_loss_of_a_bounded_prediction_is_rejected()
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, Data.Binary(s_x, 1));
        var error = Assert.Throws<ArgumentException>(() => LightGbmTrainer.Train(data, new Losses.BceLoss(), s_options));
        Assert.Equal("loss", error.ParamName);
        Assert.Contains("BceWithLogits", error.Message);
    }

    [Fact]
    public void Losses_of_another_shape_or_precision_are_not_objectives_at_compile_time()
    {
        // Train takes ILoss<float>: two differentiated inputs (GaussianNll) or a double loss do not convert (CS1503).
        Assert.False(typeof(ILoss<float>).IsAssignableFrom(typeof(Losses.GaussianNllLoss)));
        Assert.False(typeof(ILoss<float>).IsAssignableFrom(typeof(DoubleLosses.MseLoss)));
    }

    [Theory]
    [InlineData("objective=binary")]
    [InlineData("metric=auc")]
    [InlineData("min_data_in_leaf=5 Loss=l2")]
    [InlineData("num_class=3")]
    [InlineData("num_iterations=10")]
    [InlineData("tree_learner=data")]
    [InlineData("oops")]
    public void Extra_parameters_that_conflict_with_the_loss_are_rejected(string extra)
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        var error = Assert.Throws<ArgumentException>(() => LightGbmTrainer.Train(data, new Losses.MseLoss(), s_options with { Extra = extra }));
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        foreach (var options in new[]
                 {
                     s_options with { Iterations = 0 }, s_options with { LearningRate = double.NaN }, s_options with { NumLeaves = 1 },
                     s_options with { HessianFloor = -1 }, s_options with { InitialScore = double.PositiveInfinity }, s_options with { EarlyStoppingRounds = 5 },
                 })
        {
            Assert.Equal("options", Assert.Throws<ArgumentException>(() => LightGbmTrainer.Train(data, new Losses.MseLoss(), options)).ParamName);
        }
    }

    [Fact]
    public void Validation_data_must_be_built_against_the_training_data()
    {
        using var train = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        using var unrelated = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        Assert.Equal("valid", Assert.Throws<ArgumentException>(() => LightGbmTrainer.Train(train, new Losses.MseLoss(), s_options, unrelated)).ParamName);
    }

    [Fact]
    public void Use_after_Dispose_is_ObjectDisposedException()
    {
        var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        using var booster = LightGbmTrainer.Train(data, new Losses.MseLoss(), s_options);
        data.Dispose();
        Assert.Throws<ObjectDisposedException>(() => LightGbmTrainer.Train(data, new Losses.MseLoss(), s_options));
        Assert.Throws<ObjectDisposedException>(() => LightGbmDataset.FromRows(s_x, Data.Columns, s_y, reference: data));
        // The model no longer needs the data it was trained on.
        Assert.Equal(s_y.Length, booster.PredictRaw(s_x, Data.Columns).Length);
        booster.Dispose();
        Assert.Throws<ObjectDisposedException>(() => booster.PredictRaw(s_x, Data.Columns));
        Assert.Throws<ObjectDisposedException>(() => booster.SaveModel());
        booster.Dispose(); // twice is fine
    }

    [Fact]
    public void Predicting_with_the_wrong_shape_is_rejected()
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        using var booster = LightGbmTrainer.Train(data, new Losses.MseLoss(), s_options);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => booster.PredictRaw(s_x, 4)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => booster.PredictRaw(s_x.AsSpan(1), Data.Columns)).ParamName);
        Assert.Empty(booster.PredictRaw([], Data.Columns));
    }

    [Fact]
    public void Built_in_objectives_are_named_and_take_no_loss_options()
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        Assert.Equal("objective", Assert.Throws<ArgumentException>(() => LightGbmTrainer.TrainBuiltIn(data, "binary metric=auc", s_options)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => LightGbmTrainer.TrainBuiltIn(data, "regression", s_options with { InitialScore = 1 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => LightGbmTrainer.TrainBuiltIn(data, "regression", s_options with { Extra = "metric=l1" })).ParamName);
        Assert.Contains("nonsense", Assert.Throws<LightGbmException>(() => LightGbmTrainer.TrainBuiltIn(data, "nonsense", s_options)).Message);
    }

    [Fact]
    public void Predicting_with_fewer_iterations_is_checked()
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        using var booster = LightGbmTrainer.Train(data, new Losses.MseLoss(), s_options);
        Assert.Equal(booster.PredictRaw(s_x, Data.Columns), booster.PredictRaw(s_x, Data.Columns, iterations: booster.Iterations));
        Assert.NotEqual(booster.PredictRaw(s_x, Data.Columns), booster.PredictRaw(s_x, Data.Columns, iterations: 1));
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => booster.PredictRaw(s_x, Data.Columns, iterations: 0)).ParamName);
        Assert.Equal("iterations", Assert.Throws<ArgumentOutOfRangeException>(() => booster.PredictRaw(s_x, Data.Columns, iterations: booster.Iterations + 1)).ParamName);
    }

    [Fact]
    public void A_native_failure_carries_LightGBMs_message()
    {
        var error = Assert.Throws<LightGbmException>(() => LightGbmBooster.LoadModel("this is not a model"));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.DoesNotContain("without a message", error.Message);
    }

    [Fact]
    public void A_missing_native_library_names_the_package_that_provides_it()
    {
        Exception? failure = Native.LoadFailure("lib_lightgbm_that_is_not_there");
        Assert.IsType<DllNotFoundException>(failure);
        Assert.Contains("NuGet package 'LightGBM'", failure!.Message);
        Assert.Null(Native.LoadFailure(NativeMethods.Library));
    }

    [Fact]
    public void A_dataset_is_binned_once()
    {
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y);
        using (LightGbmTrainer.Train(data, new Losses.MseLoss(), s_options)) { }
        using (LightGbmTrainer.Train(data, new Losses.HuberLoss(), s_options)) { } // same bins: fine
        Assert.Throws<InvalidOperationException>(() => LightGbmTrainer.Train(data, new Losses.MseLoss(), s_options with { MaxBin = 15 }));
    }

    [Theory]
    [InlineData("127.0.0.1:12400", 12400)]
    [InlineData("127.0.0.1:12400,127.0.0.1", 12400)]
    [InlineData("127.0.0.1:12400,127.0.0.1:70000", 12400)]
    [InlineData("127.0.0.1:12400,127.0.0.1:12401", 12402)]
    public void A_malformed_network_is_rejected(string machines, int port)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LightGbmNetwork(machines, port));
    }

    [Fact]
    public void A_loss_whose_gradient_is_not_finite_stops_training_with_the_row()
    {
        // Log of a raw score of −5: NaN from the first row on.
        using var data = LightGbmDataset.FromRows(s_x, Data.Columns, s_y.Select(v => Math.Abs(v) + 1).ToArray());
        var error = Assert.Throws<InvalidOperationException>(() => LightGbmTrainer.Train(data, new UnguardedLosses.LogErrorLoss(), s_options with { InitialScore = -5 }));
        Assert.True(error.Message.Contains("not finite at row 0 (raw score -5)"), error.Message);
    }
}
