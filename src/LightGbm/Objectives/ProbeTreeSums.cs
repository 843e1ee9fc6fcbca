using System;
using System.Globalization;
using LossDsl.LightGbm.Interop;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// Sums over every machine's rows, through LightGBM's own network: LightGBM's C API has no all-reduce, but in
/// data-parallel training every leaf of a tree is built from the histograms of all machines. A throwaway booster
/// (learning rate 1, no regularization, 2 leaves) given the field as gradient and 1 as Hessian grows a tree whose
/// leaves hold value v = −G/H and weight H over all rows, so the field's global sum is −Σ v·H.
/// </summary>
/// <remarks>
/// A field that is the same on every row gives no split, so an alternating ±m (m: the field's mean magnitude on
/// this machine, summing to exactly 0 over this machine's rows) is added to it: the sum is unchanged and the rows
/// split. One call costs one small tree over the data; every machine must make the same calls in the same order.
/// </remarks>
internal sealed class ProbeTreeSums : IRowSums, IDisposable
{
    private readonly BoosterHandle _probe;
    private readonly int _rows;
    private readonly int _outputs;
    private readonly float[] _gradient;
    private readonly float[] _hessian;
    private int _iterations;

    public ProbeTreeSums(DatasetHandle data, int rows, int outputs, LightGbmNetwork network, int? threads)
    {
        _rows = rows;
        _outputs = outputs;
        string parameters = string.Join(' ',
            "objective=none", "verbosity=-1", "num_class=" + outputs.ToString(CultureInfo.InvariantCulture),
            "learning_rate=1", "num_leaves=2", "lambda_l1=0", "lambda_l2=0", "max_delta_step=0", "path_smooth=0",
            "min_data_in_leaf=1", "min_sum_hessian_in_leaf=0", "min_gain_to_split=0", "feature_fraction=1", "bagging_fraction=1",
            threads is { } t ? "num_threads=" + t.ToString(CultureInfo.InvariantCulture) : "",
            string.Join(' ', network.Parameters()));
        _probe = Booster.Create(data, parameters);
        _gradient = new float[rows * outputs];
        _hessian = new float[rows * outputs];
        Array.Fill(_hessian, 1f);
    }

    public double[] Sum(float[] field)
    {
        int pairs = _rows / 2 * 2; // an odd last row gets no offset: the offsets sum to exactly 0 here
        for (int j = 0; j < _outputs; j++)
        {
            double magnitude = 0;
            for (int i = 0; i < _rows; i++) magnitude += Math.Abs(field[i * _outputs + j]);
            float m = magnitude > 0 ? (float)(magnitude / _rows) : 1f;
            for (int i = 0; i < _rows; i++)
            {
                float offset = i >= pairs ? 0 : (i & 1) == 0 ? m : -m;
                _gradient[j * _rows + i] = field[i * _outputs + j] + offset;
            }
        }
        if (!Booster.Update(_probe, _gradient, _hessian))
        {
            throw new InvalidOperationException(
                "Distributed training could not agree on the initial score (no feature splits the rows); set LightGbmOptions.InitialScore.");
        }
        _iterations++;
        string model = Booster.Save(_probe, 1, _iterations - 1);
        var sums = new double[_outputs];
        for (int j = 0; j < _outputs; j++)
        {
            double[] values = ModelText.TreeField(model, j, "leaf_value");
            double[] weights = ModelText.TreeField(model, j, "leaf_weight");
            for (int leaf = 0; leaf < values.Length; leaf++) sums[j] -= values[leaf] * weights[leaf];
        }
        return sums;
    }

    public void Dispose() => _probe.Dispose();
}
