using LossDsl.LightGbm.Interop;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// The initial score of a distributed run: the optimal constant of all machines' rows, found by the same search
/// with sums taken over every machine (<see cref="ProbeTreeSums"/>), so every machine starts from the same score and
/// ends with the same model. The search starts from the weighted mean of the machines' own optima (LightGBM's
/// choice for its built-in objectives), which every machine computes alike, and usually needs a few Newton steps.
/// </summary>
internal static class DistributedConstant
{
    public static double[] Refine(ObjectiveEvaluation local, DatasetHandle data, int rows, LightGbmNetwork network, int? threads, double[] localOptimum)
    {
        using var sums = new ProbeTreeSums(data, rows, local.Outputs, network, threads);
        ObjectiveEvaluation global = local.With(sums);
        return OptimalConstant.Find(global, global.Mean(localOptimum));
    }
}
