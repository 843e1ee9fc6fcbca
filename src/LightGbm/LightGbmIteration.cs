using System;

namespace LossDsl.LightGbm;

/// <summary>One finished boosting iteration, as reported to an <see cref="IProgress{T}"/> and kept in <see cref="LightGbmBooster.History"/>.</summary>
/// <param name="Iteration">1 for the first tree (per class).</param>
/// <param name="TrainLoss">The loss over the training rows after this iteration (this machine's, in distributed training): weighted mean through <c>Forward</c>.</param>
/// <param name="ValidationLoss">The same over the validation rows; null without validation data.</param>
/// <param name="Elapsed">Time since training started, initial score included.</param>
public readonly record struct LightGbmIteration(int Iteration, double TrainLoss, double? ValidationLoss, TimeSpan Elapsed);
