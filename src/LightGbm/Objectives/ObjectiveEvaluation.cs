using System;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// Weighted sums over rows at given scores: what the initial score search, the Hessian floor and the reported
/// losses need. The sums are taken by an <see cref="IRowSums"/>: over this machine's rows, or over every
/// machine's in distributed training.
/// </summary>
internal sealed class ObjectiveEvaluation
{
    private readonly IObjective _objective;
    private readonly int _rows;
    private readonly float[]? _weights;
    private readonly IRowSums _sums;
    private readonly float[] _scores;
    private readonly float[] _gradient;
    private readonly float[] _hessian;
    private readonly float[] _losses;
    private readonly float[] _field;

    public ObjectiveEvaluation(IObjective objective, int rows, float[]? weights, IRowSums? sums = null)
    {
        _objective = objective;
        _rows = rows;
        _weights = weights;
        _sums = sums ?? new LocalSums(rows, objective.Outputs);
        int n = rows * objective.Outputs;
        _scores = new float[n];
        _gradient = new float[n];
        _hessian = new float[n];
        _losses = new float[rows];
        _field = new float[n];
        for (int i = 0; i < rows; i++) _field[i * Outputs] = Weight(i);
        TotalWeight = _sums.Sum(_field)[0];
    }

    public int Outputs => _objective.Outputs;

    /// <summary>Σ weights (rows when unweighted).</summary>
    public double TotalWeight { get; }

    /// <summary>The same evaluation with sums taken another way (over every machine).</summary>
    public ObjectiveEvaluation With(IRowSums sums) => new(_objective, _rows, _weights, sums);

    /// <summary>
    /// The weighted mean over all rows of a value each machine gives for its own rows (per output): with local sums,
    /// the value itself.
    /// </summary>
    public double[] Mean(ReadOnlySpan<double> value)
    {
        for (int i = 0; i < _rows; i++)
        {
            for (int j = 0; j < Outputs; j++) _field[i * Outputs + j] = (float)value[j] * Weight(i);
        }
        double[] sums = _sums.Sum(_field);
        for (int j = 0; j < Outputs; j++) sums[j] /= TotalWeight;
        return sums;
    }

    /// <summary>Weighted mean loss when every row has the scores <paramref name="constant"/>.</summary>
    public double MeanLoss(ReadOnlySpan<double> constant)
    {
        _objective.Losses(0, Fill(constant), _losses);
        Array.Clear(_field);
        for (int i = 0; i < _rows; i++) _field[i * Outputs] = _losses[i] * Weight(i);
        return _sums.Sum(_field)[0] / TotalWeight;
    }

    /// <summary>
    /// Per output, the weighted sums of gradient and Hessian when every row has the scores <paramref name="constant"/>,
    /// and the mean of this machine's positive Hessians (0 when none is positive).
    /// </summary>
    public void Derivatives(ReadOnlySpan<double> constant, Span<double> gradient, Span<double> hessian, out double meanPositiveHessian)
    {
        _objective.GradientHessian(0, Fill(constant), _gradient, _hessian);
        double positive = 0;
        long positiveCount = 0;
        foreach (float h in _hessian)
        {
            if (h > 0)
            {
                positive += h;
                positiveCount++;
            }
        }
        meanPositiveHessian = positiveCount == 0 ? 0 : positive / positiveCount;
        Weighted(_gradient);
        _sums.Sum(_field).CopyTo(gradient);
        Weighted(_hessian);
        _sums.Sum(_field).CopyTo(hessian);
    }

    private void Weighted(float[] values)
    {
        for (int i = 0; i < _rows; i++)
        {
            for (int j = 0; j < Outputs; j++) _field[i * Outputs + j] = values[i * Outputs + j] * Weight(i);
        }
    }

    private float Weight(int row) => _weights is null ? 1f : _weights[row];

    private float[] Fill(ReadOnlySpan<double> constant)
    {
        for (int i = 0; i < _rows; i++)
        {
            for (int j = 0; j < Outputs; j++) _scores[i * Outputs + j] = (float)constant[j];
        }
        return _scores;
    }
}
