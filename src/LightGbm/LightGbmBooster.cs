using System;
using System.Collections.Generic;
using LossDsl.LightGbm.Interop;

namespace LossDsl.LightGbm;

/// <summary>
/// A trained LightGBM model: raw-score predictions, its training history, and LightGBM's text model format.
/// The initial score is part of the model (added to the first tree of each class), so a saved model predicts the
/// same raw scores anywhere LightGBM loads it (Python, the CLI, ML.NET).
/// </summary>
/// <remarks>Predictions may run on several threads at once; <see cref="Dispose"/> must not race them.</remarks>
public sealed class LightGbmBooster : IDisposable
{
    private readonly BoosterHandle _handle;

    private LightGbmBooster(BoosterHandle handle, int bestIteration, IReadOnlyList<double> initialScores, IReadOnlyList<LightGbmIteration> history)
    {
        _handle = handle;
        Classes = Booster.Classes(handle);
        Features = Booster.Features(handle);
        Iterations = Booster.Iterations(handle);
        BestIteration = bestIteration;
        InitialScores = initialScores;
        History = history;
    }

    /// <summary>Raw scores per row: 1, or the number of classes.</summary>
    public int Classes { get; }

    /// <summary>Features per row the model reads.</summary>
    public int Features { get; }

    /// <summary>Boosting iterations in the model (trees per class).</summary>
    public int Iterations { get; }

    /// <summary>
    /// The iteration with the lowest validation loss, which the model ends at (early stopping keeps it); the last
    /// iteration when trained without validation data or loaded from text.
    /// </summary>
    public int BestIteration { get; }

    /// <summary>The raw score training started from, per class (already inside the model); zeros for a loaded model.</summary>
    public IReadOnlyList<double> InitialScores { get; }

    /// <summary>Train and validation loss after each iteration, including those after the best; empty for a loaded model.</summary>
    public IReadOnlyList<LightGbmIteration> History { get; }

    /// <summary>
    /// Raw scores for row-major features: rows values, or rows × <see cref="Classes"/> (row by row) for several classes.
    /// </summary>
    /// <param name="features">rows × <paramref name="columns"/> values, row-major; NaN means missing.</param>
    /// <param name="columns">Features per row: the model's <see cref="Features"/>.</param>
    /// <param name="iterations">Use only the first this many iterations (1 … <see cref="Iterations"/>); null: all.</param>
    /// <exception cref="ArgumentException"><paramref name="columns"/> is not the model's feature count, or the length is not rows × columns.</exception>
    public unsafe double[] PredictRaw(ReadOnlySpan<float> features, int columns, int? iterations = null)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (columns != Features) throw new ArgumentException($"The model reads {Features} features per row, not {columns}.", nameof(columns));
        if (iterations is < 1 || iterations > Iterations)
        {
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, $"The model has {Iterations} iterations.");
        }
        if (features.Length % columns != 0)
        {
            throw new ArgumentException($"features has {features.Length} values, not a multiple of {columns} columns.", nameof(features));
        }
        int rows = features.Length / columns;
        var result = new double[(long)rows * Classes];
        if (rows == 0) return result;
        fixed (float* data = features)
        fixed (double* output = result)
        {
            Native.Check(NativeMethods.LGBM_BoosterPredictForMat(_handle, data, NativeMethods.DTypeFloat32, rows, columns, 1,
                NativeMethods.PredictRawScore, 0, iterations ?? -1, "", out long length, output));
            if (length != result.Length) throw new LightGbmException($"LightGBM returned {length} scores, {result.Length} were expected.");
        }
        return result;
    }

    /// <summary>
    /// How much each feature contributes to the model: the number of splits on it, or the total loss reduction
    /// (gain) of those splits — LightGBM's <c>feature_importance</c>. One value per feature.
    /// </summary>
    public unsafe double[] FeatureImportance(LightGbmImportance kind = LightGbmImportance.Gain)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Splits or Gain.");
        var result = new double[Features];
        fixed (double* output = result) Native.Check(NativeMethods.LGBM_BoosterFeatureImportance(_handle, 0, (int)kind, output));
        return result;
    }

    /// <summary>The model in LightGBM's text format (what <c>lgb.Booster(model_str=…)</c> and <see cref="LoadModel"/> read).</summary>
    public string SaveModel()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return Booster.Save(_handle, -1);
    }

    /// <summary>A model from LightGBM's text format, saved here or by any LightGBM.</summary>
    /// <exception cref="LightGbmException">LightGBM cannot read the text.</exception>
    public static LightGbmBooster LoadModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        Native.EnsureLoaded();
        BoosterHandle handle = Booster.Load(model, out int iterations);
        return new LightGbmBooster(handle, iterations, new double[Math.Max(1, Booster.Classes(handle))], []);
    }

    /// <summary>
    /// The final model of a training run: its first <paramref name="iterations"/> iterations, detached from the
    /// training data, with the initial score added to the leaves of the first tree of each class.
    /// </summary>
    internal static LightGbmBooster FromTraining(BoosterHandle training, int iterations, double[] initialScores, IReadOnlyList<LightGbmIteration> history)
    {
        string model = Booster.Save(training, iterations);
        BoosterHandle handle = Booster.Load(model, out _);
        try
        {
            for (int tree = 0; tree < initialScores.Length; tree++)
            {
                if (initialScores[tree] == 0) continue;
                int leaves = (int)ModelText.TreeField(model, tree, "num_leaves")[0];
                Booster.AddBias(handle, tree, leaves, initialScores[tree]);
            }
            return new LightGbmBooster(handle, iterations, initialScores, history);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Frees the native model.</summary>
    public void Dispose() => _handle.Dispose();
}
