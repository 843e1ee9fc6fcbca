using System;
using System.Linq;
using System.Threading;
using LossDsl.LightGbm.Objectives;

namespace LossDsl.LightGbm;

/// <summary>
/// Trains LightGBM with a LossDsl loss as its objective: the generated <c>GradientHessian</c> as LightGBM's custom
/// objective, the loss's optimal constant as initial score, and the same loss as the validation metric.
/// </summary>
public static class LightGbmTrainer
{
    /// <summary>Trains a model of one raw score per row against the rows' labels (regression, binary, Poisson, Tweedie, …).</summary>
    /// <param name="train">The training rows; the labels are the loss's target, weights multiply gradient and Hessian.</param>
    /// <param name="loss">Any generated loss of one prediction against one target (<see cref="ILoss{T}"/> of <see cref="float"/>); its prediction is the raw score.</param>
    /// <param name="options">LightGBM's settings.</param>
    /// <param name="valid">Validation rows, built with <c>reference: train</c>: the loss over them picks the best iteration and drives early stopping.</param>
    /// <param name="progress">Told after every iteration.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    /// <exception cref="ArgumentException">Null or disposed arguments, bad options, a label outside the loss's stated domain, a bounded prediction.</exception>
    /// <exception cref="LightGbmException">LightGBM failed; the message is its own.</exception>
    public static LightGbmBooster Train(LightGbmDataset train, ILoss<float> loss, LightGbmOptions options, LightGbmDataset? valid = null,
        IProgress<LightGbmIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckCommon(train, loss, options, valid);
        LossSignature.CheckElementLoss(loss, train.Labels, nameof(loss), nameof(train));
        if (valid is not null) LossSignature.CheckElementLoss(loss, valid.Labels, nameof(loss), nameof(valid));
        return new TrainingRun(train, valid, options, new ElementObjective(loss, train.Labels),
            valid is null ? null : new ElementObjective(loss, valid.Labels), progress, cancellationToken).Run();
    }

    /// <summary>
    /// Trains a multiclass model: one raw score per class and row (LightGBM grows one tree per class each iteration),
    /// with a row loss of class scores against a class label as objective, through its generated gradient and Hessian
    /// diagonal.
    /// </summary>
    /// <param name="train">The training rows; each label is a class index in [0, <paramref name="classes"/>).</param>
    /// <param name="loss">Any generated row loss of the scores-and-label shape (<see cref="IClassificationLoss{T}"/> of <see cref="float"/>).</param>
    /// <param name="classes">The number of classes, at least 2.</param>
    /// <param name="options">LightGBM's settings.</param>
    /// <param name="valid">Validation rows, built with <c>reference: train</c>.</param>
    /// <param name="progress">Told after every iteration.</param>
    /// <param name="cancellationToken">Checked between iterations.</param>
    /// <exception cref="ArgumentException">Fewer than 2 classes, a label that is not a class index, or the other misuse of <see cref="Train(LightGbmDataset, ILoss{float}, LightGbmOptions, LightGbmDataset?, IProgress{LightGbmIteration}?, CancellationToken)"/>.</exception>
    /// <exception cref="LightGbmException">LightGBM failed; the message is its own.</exception>
    public static LightGbmBooster Train(LightGbmDataset train, IClassificationLoss<float> loss, int classes, LightGbmOptions options,
        LightGbmDataset? valid = null, IProgress<LightGbmIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckCommon(train, loss, options, valid);
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "Multiclass training needs at least 2 classes.");
        var objective = new ClassificationObjective(loss, ClassificationObjective.ClassLabels(train.Labels, classes, nameof(train)), classes);
        var validObjective = valid is null ? null : new ClassificationObjective(loss, ClassificationObjective.ClassLabels(valid.Labels, classes, nameof(valid)), classes);
        return new TrainingRun(train, valid, options, objective, validObjective, progress, cancellationToken).Run();
    }

    /// <summary>
    /// Trains with one of LightGBM's own objectives (<c>binary</c>, <c>tweedie</c>, <c>multiclass</c>, …) and the same
    /// options: the baseline to compare a loss against. Its parameters (<c>tweedie_variance_power</c>, …) go in
    /// <see cref="LightGbmOptions.Extra"/>; LightGBM chooses the initial score (<c>boost_from_average</c>). Trains all
    /// <see cref="LightGbmOptions.Iterations"/>: early stopping needs a loss to measure.
    /// </summary>
    /// <exception cref="ArgumentException">An empty objective, early stopping, a given initial score or Hessian floor, or bad options.</exception>
    /// <exception cref="LightGbmException">LightGBM rejected the objective or its parameters; the message is its own.</exception>
    public static LightGbmBooster TrainBuiltIn(LightGbmDataset train, string objective, LightGbmOptions options, int classes = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentException.ThrowIfNullOrWhiteSpace(objective);
        ArgumentNullException.ThrowIfNull(options);
        if (train.IsDisposed) throw new ObjectDisposedException(nameof(train));
        if (objective.Any(c => char.IsWhiteSpace(c) || c == '=')) throw new ArgumentException($"'{objective}' is not an objective name.", nameof(objective));
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), classes, "At least 1.");
        if (options.EarlyStoppingRounds > 0 || options.InitialScore is not null || options.HessianFloor is not null)
        {
            throw new ArgumentException("EarlyStoppingRounds, InitialScore and HessianFloor apply to a loss, not to LightGBM's own objectives.", nameof(options));
        }
        string parameters = options.ToParameters(classes, nameof(options), objective);
        return TrainingRun.BuiltIn(train, options, parameters, cancellationToken);
    }

    private static void CheckCommon(LightGbmDataset train, object loss, LightGbmOptions options, LightGbmDataset? valid)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(options);
        if (train.IsDisposed) throw new ObjectDisposedException(nameof(train));
        if (valid is not null)
        {
            if (valid.IsDisposed) throw new ObjectDisposedException(nameof(valid));
            if (!ReferenceEquals(valid.Reference, train))
            {
                throw new ArgumentException("Validation data must be built with reference: train, so it is binned as the training data is.", nameof(valid));
            }
        }
        if (options.EarlyStoppingRounds > 0 && valid is null)
        {
            throw new ArgumentException("EarlyStoppingRounds needs validation data (valid).", nameof(options));
        }
    }
}
