using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using LossDsl.LightGbm.Interop;
using LossDsl.LightGbm.Objectives;

namespace LossDsl.LightGbm;

/// <summary>
/// One training run: network up, datasets built, initial score, then per iteration the loss's gradient and Hessian
/// at LightGBM's current scores → one tree per output → train and validation loss → early stopping.
/// </summary>
internal sealed class TrainingRun(LightGbmDataset train, LightGbmDataset? valid, LightGbmOptions options, IObjective objective,
    IObjective? validObjective, IProgress<LightGbmIteration>? progress, CancellationToken cancellationToken)
{
    private readonly int _outputs = objective.Outputs;

    /// <summary>LightGBM's own objective, named in <paramref name="parameters"/>: the same network, datasets and model handling.</summary>
    public static LightGbmBooster BuiltIn(LightGbmDataset train, LightGbmOptions options, string parameters, CancellationToken cancellationToken)
    {
        Native.EnsureLoaded();
        using NetworkSession? network = options.Network is null ? null : NetworkSession.Start(options.Network);
        using BoosterHandle booster = Booster.Create(train.Build(parameters), parameters);
        int iterations = 0;
        while (iterations < options.Iterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Native.Check(NativeMethods.LGBM_BoosterUpdateOneIter(booster, out int empty));
            if (empty != 0) break;
            iterations++;
        }
        // LightGBM's own initial score is inside its first trees already.
        return LightGbmBooster.FromTraining(booster, iterations, new double[Booster.Classes(booster)], []);
    }

    public LightGbmBooster Run()
    {
        string parameters = options.ToParameters(_outputs, nameof(options));
        Native.EnsureLoaded();
        var clock = Stopwatch.StartNew();
        using NetworkSession? network = options.Network is null ? null : NetworkSession.Start(options.Network);
        DatasetHandle trainData = train.Build(parameters);
        DatasetHandle? validData = valid?.Build(parameters);

        var trainEvaluation = new ObjectiveEvaluation(objective, train.Rows, train.Weights);
        var (initial, floor) = StartingPoint(trainEvaluation, trainData);
        train.SetInitialScores(ClassMajor(initial, train.Rows));
        valid?.SetInitialScores(ClassMajor(initial, valid.Rows));

        using BoosterHandle booster = Booster.Create(trainData, parameters);
        if (validData is not null) Native.Check(NativeMethods.LGBM_BoosterAddValidData(booster, validData));

        // One objective step per iteration: the loss at LightGBM's current scores (reported for the iteration that
        // produced them) and the gradient and Hessian the next tree is grown from.
        int threads = options.Threads ?? Environment.ProcessorCount;
        var step = new ObjectiveStep(objective, train.Rows, train.Weights, floor, threads);
        var validStep = valid is null ? null : new ObjectiveStep(validObjective!, valid.Rows, valid.Weights, floor: null, threads);
        var raw = new double[train.Rows * _outputs];
        var validRaw = valid is null ? null : new double[valid.Rows * _outputs];

        Booster.Scores(booster, 0, raw);
        step.Run(raw);
        var history = new List<LightGbmIteration>();
        int best = 0;
        double bestLoss = double.PositiveInfinity;
        for (int iteration = 1; iteration <= options.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool grown = Booster.Update(booster, step.ClassMajorGradient, step.ClassMajorHessian);
            // No feature splits the rows: LightGBM drops the empty trees, except at the first iteration, where it keeps a
            // constant tree per class — the model is then the initial score.
            if (!grown && !(iteration == 1 && Booster.Iterations(booster) == 1)) break;

            Booster.Scores(booster, 0, raw);
            double trainLoss = step.Run(raw) / step.TotalWeight;
            double? validLoss = null;
            if (validStep is not null)
            {
                Booster.Scores(booster, 1, validRaw!);
                validLoss = validStep.Run(validRaw!) / validStep.TotalWeight;
            }
            var record = new LightGbmIteration(iteration, trainLoss, validLoss, clock.Elapsed);
            history.Add(record);
            progress?.Report(record);

            if (validLoss is not { } loss)
            {
                best = iteration;
            }
            else if (loss < bestLoss || best == 0)
            {
                best = iteration;
                bestLoss = loss;
            }
            else if (options.EarlyStoppingRounds > 0 && iteration - best >= options.EarlyStoppingRounds)
            {
                break;
            }
            if (!grown) break;
        }
        if (best == 0) throw new InvalidOperationException("LightGBM trained no iteration.");
        return LightGbmBooster.FromTraining(booster, best, initial, history);
    }

    // The initial score, and the Hessian floor from the loss's curvature there.
    private (double[] Initial, double Floor) StartingPoint(ObjectiveEvaluation evaluation, DatasetHandle trainData)
    {
        double[] initial = InitialScores(evaluation, trainData);
        evaluation.Derivatives(initial, new double[_outputs], new double[_outputs], out double meanPositiveHessian);
        return (initial, options.HessianFloor ?? HessianFloor.Automatic(meanPositiveHessian));
    }

    private double[] InitialScores(ObjectiveEvaluation evaluation, DatasetHandle trainData)
    {
        if (options.InitialScore is { } given)
        {
            var same = new double[_outputs];
            Array.Fill(same, given);
            return same;
        }
        double[] local = OptimalConstant.Find(evaluation);
        // Each machine holds only its rows: the constant must be the one of all rows, or the models would differ.
        return options.Network is null ? local : DistributedConstant.Refine(evaluation, trainData, train.Rows, options.Network, options.Threads, local);
    }

    private double[] ClassMajor(double[] perOutput, int rows)
    {
        var scores = new double[rows * _outputs];
        for (int j = 0; j < _outputs; j++) scores.AsSpan(j * rows, rows).Fill(perOutput[j]);
        return scores;
    }
}
