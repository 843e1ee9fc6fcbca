using LossDsl.LightGbm.Interop;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// The initial score of a distributed run: the optimal constant of all machines' rows, refined from this machine's
/// own optimum by the same search with sums taken over every machine (<see cref="ProbeTreeSums"/>), so every
/// machine starts from the same score and ends with the same model.
/// </summary>
internal static class DistributedConstant
{
    public static double[] Refine(ObjectiveEvaluation local, DatasetHandle data, int rows, LightGbmNetwork network, int? threads, double[] start)
    {
        using var sums = new ProbeTreeSums(data, rows, local.Outputs, network, threads);
        return OptimalConstant.Find(local.With(sums), start);
    }
}
