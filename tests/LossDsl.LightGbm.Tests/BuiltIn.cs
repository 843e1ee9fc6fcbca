namespace LossDsl.LightGbm.Tests;

/// <summary>LightGBM trained with one of its own objectives: the reference, with the tests' fixed seed and one thread.</summary>
internal static class BuiltIn
{
    public static LightGbmBooster Train(LightGbmDataset data, string objective, LightGbmOptions options, int classes = 1, string extra = "") =>
        LightGbmTrainer.TrainBuiltIn(data, objective,
            options with { Threads = 1, Seed = 1, Extra = string.IsNullOrEmpty(extra) ? options.Extra : extra, InitialScore = null, HessianFloor = null, EarlyStoppingRounds = 0 },
            classes);
}
