using System;
using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// The loss's side of one boosting iteration, in chunks of rows on up to <c>threads</c> threads (LightGBM computes its
/// own objectives with OpenMP): LightGBM's class-major raw scores → row-major float scores → the loss at them and,
/// for the training rows, the floored, weighted gradient and Hessian in LightGBM's class-major layout for the next
/// tree. For validation rows (<c>floor</c> null) only the loss.
/// </summary>
internal sealed class ObjectiveStep
{
    private const int ChunkValues = 1 << 16;

    private readonly IObjective _objective;
    private readonly int _rows, _outputs, _chunkRows, _chunks, _threads;
    private readonly float[]? _weights;
    private readonly double? _floor;
    private readonly float[] _gradient, _hessian, _losses;
    private readonly double[] _chunkLoss;
    private readonly int[] _chunkFailure;

    /// <param name="objective">The loss over these rows.</param>
    /// <param name="rows">How many rows.</param>
    /// <param name="weights">One weight per row, or null.</param>
    /// <param name="floor">The Hessian floor; null: the loss only (validation rows), no gradient.</param>
    /// <param name="threads">Threads at most.</param>
    public ObjectiveStep(IObjective objective, int rows, float[]? weights, double? floor, int threads)
    {
        _objective = objective;
        _rows = rows;
        _outputs = objective.Outputs;
        _weights = weights;
        _floor = floor;
        _threads = Math.Max(1, threads);
        _chunkRows = Math.Max(1, ChunkValues / _outputs);
        _chunks = (rows + _chunkRows - 1) / _chunkRows;
        int n = rows * _outputs, gradients = floor is null ? 0 : n;
        Scores = new float[n];
        ClassMajorGradient = new float[gradients];
        ClassMajorHessian = new float[gradients];
        _gradient = new float[gradients];
        _hessian = new float[gradients];
        _losses = new float[rows];
        _chunkLoss = new double[_chunks];
        _chunkFailure = new int[_chunks];
        double total = 0;
        if (weights is null) total = rows;
        else foreach (float w in weights) total += w;
        TotalWeight = total;
    }

    /// <summary>Σ weights of these rows (their count when unweighted): <see cref="Run"/> ÷ this is the weighted mean loss.</summary>
    public double TotalWeight { get; }

    /// <summary>Row-major scores of the last <see cref="Run"/>.</summary>
    public float[] Scores { get; }

    /// <summary>The gradient for LightGBM, class-major.</summary>
    public float[] ClassMajorGradient { get; }

    /// <summary>The Hessian for LightGBM, class-major.</summary>
    public float[] ClassMajorHessian { get; }

    /// <summary>Σ weight·loss at <paramref name="classMajorRaw"/>; for training rows, fills the gradient and Hessian for the next tree.</summary>
    /// <exception cref="InvalidOperationException">The loss's gradient or Hessian is not finite at some row.</exception>
    public double Run(double[] classMajorRaw)
    {
        try
        {
            Parallel.For(0, _chunks, new ParallelOptions { MaxDegreeOfParallelism = _threads }, chunk => RunChunk(chunk, classMajorRaw));
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        double total = 0;
        for (int chunk = 0; chunk < _chunks; chunk++)
        {
            if (_chunkFailure[chunk] >= 0) throw NotFinite(_chunkFailure[chunk]);
            total += _chunkLoss[chunk]; // in chunk order: the same total for any thread count
        }
        return total;
    }

    private void RunChunk(int chunk, double[] raw)
    {
        int first = chunk * _chunkRows, rows = Math.Min(_chunkRows, _rows - first);
        Span<float> scores = Scores.AsSpan(first * _outputs, rows * _outputs);
        if (_outputs == 1)
        {
            Narrow(raw.AsSpan(first, rows), scores);
        }
        else
        {
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < _outputs; j++) scores[i * _outputs + j] = (float)raw[j * _rows + first + i];
            }
        }
        _chunkLoss[chunk] = _objective.LossSum(first, scores, _weights, _losses.AsSpan(first, rows));
        _chunkFailure[chunk] = -1;
        if (_floor is not { } floor) return;
        Span<float> gradient = _gradient.AsSpan(first * _outputs, rows * _outputs), hessian = _hessian.AsSpan(first * _outputs, rows * _outputs);
        _objective.GradientHessian(first, scores, gradient, hessian);
        _chunkFailure[chunk] = HessianFloor.Prepare(gradient, hessian, _weights, floor, first, _rows, _outputs, ClassMajorGradient, ClassMajorHessian);
    }

    private InvalidOperationException NotFinite(int row)
    {
        int at = row * _outputs;
        return new InvalidOperationException(
            $"The loss's gradient or Hessian is not finite at row {row} (raw score {Scores[at]}): gradient {_gradient[at]}, Hessian {_hessian[at]}. " +
            "Check the loss's analyzer warnings (LD2xxx) and the labels.");
    }

    // double → float, a vector at a time.
    private static void Narrow(ReadOnlySpan<double> source, Span<float> destination)
    {
        int i = 0, step = Vector<double>.Count;
        for (; i <= source.Length - 2 * step; i += 2 * step)
        {
            Vector.Narrow(new Vector<double>(source[i..]), new Vector<double>(source[(i + step)..])).CopyTo(destination[i..]);
        }
        for (; i < source.Length; i++) destination[i] = (float)source[i];
    }
}
