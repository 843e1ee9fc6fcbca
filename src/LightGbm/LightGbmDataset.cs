using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossDsl.LightGbm.Interop;

namespace LossDsl.LightGbm;

/// <summary>
/// Rows of features with a label (and optionally a weight) per row, for <see cref="LightGbmTrainer"/>. The native
/// LightGBM dataset (the binned features) is built by the first <c>Train</c> that uses it, with that call's
/// parameters and after its network is up, so distributed workers agree on bin boundaries; the copy of the
/// features is released then.
/// </summary>
/// <remarks>
/// Missing feature values are <see cref="float.NaN"/> (LightGBM's own missing-value handling). Labels and weights
/// must be finite, weights non-negative. A dataset is not thread-safe.
/// </remarks>
public sealed class LightGbmDataset : IDisposable
{
    private float[]? _features;
    private DatasetHandle? _handle;
    private string? _builtWith;

    private LightGbmDataset(float[] features, int rows, int columns, float[] labels, float[]? weights, LightGbmDataset? reference, string[]? columnNames)
    {
        ColumnNames = columnNames;
        _features = features;
        Rows = rows;
        Columns = columns;
        Labels = labels;
        Weights = weights;
        Reference = reference;
    }

    /// <summary>
    /// A dataset from row-major features (<paramref name="features"/>[row × <paramref name="columns"/> + column]).
    /// </summary>
    /// <param name="features">rows × columns values, row-major; NaN means missing.</param>
    /// <param name="columns">Features per row, at least 1.</param>
    /// <param name="labels">One finite label per row: the loss's target (a class index for multiclass training).</param>
    /// <param name="weights">One finite, non-negative weight per row, or null for 1: it multiplies gradient, Hessian and loss.</param>
    /// <param name="reference">For validation data: the training dataset whose bin boundaries it must use.</param>
    /// <param name="columnNames">A name per column (kept in the saved model, e.g. for Python's feature importance); null: Column_0, Column_1, ….</param>
    /// <exception cref="ArgumentException">Empty data, lengths that do not match, a non-finite label, a bad weight, or column names that are not one distinct, non-blank name per column without spaces.</exception>
    public static LightGbmDataset FromRows(ReadOnlySpan<float> features, int columns, ReadOnlySpan<float> labels,
        ReadOnlySpan<float> weights = default, LightGbmDataset? reference = null, IReadOnlyList<string>? columnNames = null)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A dataset needs at least one feature column.");
        if (labels.IsEmpty) throw new ArgumentException("A dataset needs at least one row (labels is empty).", nameof(labels));
        if ((long)labels.Length * columns != features.Length)
        {
            throw new ArgumentException(
                $"features has {features.Length} values, but {labels.Length} labels × {columns} columns need {(long)labels.Length * columns}.", nameof(features));
        }
        if (!weights.IsEmpty && weights.Length != labels.Length)
        {
            throw new ArgumentException($"weights has {weights.Length} values for {labels.Length} rows; give one per row, or none.", nameof(weights));
        }
        for (int i = 0; i < labels.Length; i++)
        {
            if (!float.IsFinite(labels[i])) throw new ArgumentException($"labels[{i}] is {labels[i]}; labels must be finite.", nameof(labels));
        }
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(float.IsFinite(weights[i]) && weights[i] >= 0))
            {
                throw new ArgumentException($"weights[{i}] is {weights[i]}; weights must be finite and non-negative.", nameof(weights));
            }
        }
        string[]? names = columnNames is null ? null : CheckedNames(columnNames, columns, nameof(columnNames));
        if (reference is not null)
        {
            reference.ThrowIfDisposed();
            if (reference.Columns != columns)
            {
                throw new ArgumentException($"The reference dataset has {reference.Columns} columns, this one {columns}.", nameof(reference));
            }
        }
        return new LightGbmDataset(features.ToArray(), labels.Length, columns, labels.ToArray(),
            weights.IsEmpty ? null : weights.ToArray(), reference, names);
    }

    // LightGBM writes names space-separated in its model text and rejects JSON's special characters.
    private static string[] CheckedNames(IReadOnlyList<string> names, int columns, string paramName)
    {
        if (names.Count != columns) throw new ArgumentException($"{paramName} has {names.Count} names for {columns} columns.", paramName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? name in names)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => char.IsWhiteSpace(c) || c is '"' or ',' or ':' or '[' or ']' or '{' or '}' or '\\'))
            {
                throw new ArgumentException($"Column name '{name}' is blank or has a space or one of \" , : [ ] {{ }} \\.", paramName);
            }
            if (!seen.Add(name)) throw new ArgumentException($"Column name '{name}' appears twice.", paramName);
        }
        return names.ToArray();
    }

    /// <summary>Rows in this dataset (on this machine, for distributed training).</summary>
    public int Rows { get; }

    /// <summary>Features per row.</summary>
    public int Columns { get; }

    /// <summary>The columns' names, or null for LightGBM's Column_0, Column_1, ….</summary>
    public IReadOnlyList<string>? ColumnNames { get; }

    /// <summary>The training dataset whose bins this one uses, if any.</summary>
    public LightGbmDataset? Reference { get; }

    internal float[] Labels { get; }

    internal float[]? Weights { get; }

    internal bool IsDisposed { get; private set; }

    /// <summary>The native dataset, built on first use with <paramref name="parameters"/>.</summary>
    internal unsafe DatasetHandle Build(string parameters)
    {
        ThrowIfDisposed();
        if (_handle is not null)
        {
            if (_builtWith != parameters)
            {
                throw new InvalidOperationException(
                    "This dataset was built for a training run with other parameters; LightGBM fixes its bins at construction. " +
                    "Create a new dataset for different options.");
            }
            return _handle;
        }
        DatasetHandle? reference = Reference?.Build(parameters);
        // The reference is optional (a null SafeHandle cannot be marshalled): its raw handle, kept alive for the call.
        bool referenced = false;
        try
        {
            reference?.DangerousAddRef(ref referenced);
            fixed (float* data = _features)
            {
                Native.Check(NativeMethods.LGBM_DatasetCreateFromMat(data, NativeMethods.DTypeFloat32, Rows, Columns, 1, parameters,
                    reference?.DangerousGetHandle() ?? IntPtr.Zero, out DatasetHandle handle));
                _handle = handle;
            }
        }
        finally
        {
            if (referenced) reference!.DangerousRelease();
        }
        fixed (float* labels = Labels) Native.Check(NativeMethods.LGBM_DatasetSetField(_handle, "label", labels, Rows, NativeMethods.DTypeFloat32));
        if (Weights is not null)
        {
            fixed (float* weights = Weights) Native.Check(NativeMethods.LGBM_DatasetSetField(_handle, "weight", weights, Rows, NativeMethods.DTypeFloat32));
        }
        if (ColumnNames is string[] names) Native.Check(NativeMethods.LGBM_DatasetSetFeatureNames(_handle, names, names.Length));
        _builtWith = parameters;
        _features = null; // binned now: the raw copy is no longer needed
        return _handle;
    }

    /// <summary>Sets the score each row starts from (class-major for several classes).</summary>
    internal unsafe void SetInitialScores(double[] scores)
    {
        fixed (double* data = scores) Native.Check(NativeMethods.LGBM_DatasetSetField(_handle!, "init_score", data, scores.Length, NativeMethods.DTypeFloat64));
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    /// <summary>Frees the native dataset. A booster already trained on it stays usable.</summary>
    public void Dispose()
    {
        IsDisposed = true;
        _features = null;
        _handle?.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"LightGbmDataset({Rows} rows × {Columns} columns)");
}
