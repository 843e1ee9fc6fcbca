using System.Globalization;
using LossDsl.LightGbm.Interop;

namespace LossDsl.LightGbm.Tests;

/// <summary>LightGBM trained with one of its own objectives, through the same interop: the reference.</summary>
internal static class BuiltIn
{
    public static LightGbmBooster Train(LightGbmDataset data, string objective, LightGbmOptions options, int classes = 1, string extra = "")
    {
        string parameters = string.Join(' ',
            "objective=" + objective, "verbosity=-1", "num_class=" + classes.ToString(CultureInfo.InvariantCulture),
            "learning_rate=" + options.LearningRate.ToString(CultureInfo.InvariantCulture),
            "num_leaves=" + options.NumLeaves.ToString(CultureInfo.InvariantCulture),
            "num_threads=1", "seed=1", extra);
        DatasetHandle handle = data.Build(parameters);
        using BoosterHandle booster = Booster.Create(handle, parameters);
        for (int i = 0; i < options.Iterations; i++) Native.Check(NativeMethods.LGBM_BoosterUpdateOneIter(booster, out _));
        return LightGbmBooster.LoadModel(Booster.Save(booster, -1));
    }
}
