using System;
using Microsoft.ML.Trainers;

namespace LossDsl.MLNet;

/// <summary>How ML.NET's binary label reaches the loss's target.</summary>
public enum BinaryLabels
{
    /// <summary>0 or 1, as ML.NET passes it: for BCE with logits, the sigmoid focal loss.</summary>
    ZeroOne,

    /// <summary>−1 or +1 (a label above 0 is +1): for hinge, squared hinge and soft margin losses.</summary>
    MinusOnePlusOne,
}

/// <summary>
/// A generated loss of one prediction against one target as ML.NET's per-example loss: <c>Loss</c> is the loss at
/// (output, label), <c>Derivative</c> its derivative in the output, both through the loss's own kernels (Forward and
/// Backward on one element). ML.NET's
/// online trainers call these once per example.
/// </summary>
public abstract class MLNetLoss : IScalarLoss
{
    private readonly ILoss<float> _loss;

    private protected MLNetLoss(ILoss<float> loss) => _loss = loss ?? throw new ArgumentNullException(nameof(loss));

    /// <summary>The LossDsl loss behind this ML.NET loss.</summary>
    public ILoss<float> Source => _loss;

    /// <summary>The target the loss sees for ML.NET's label.</summary>
    private protected virtual float Target(float label) => label;

    /// <summary>The loss at the output for this label (as ML.NET's <see cref="ILossFunction{TOutput, TLabel}"/>).</summary>
    public double Loss(float output, float label)
    {
        float target = Target(label), loss = 0;
        _loss.Forward(new ReadOnlySpan<float>(in output), new ReadOnlySpan<float>(in target), new Span<float>(ref loss));
        return loss;
    }

    /// <summary>∂loss/∂output at the output for this label (as ML.NET's <see cref="IScalarLoss"/>).</summary>
    public float Derivative(float output, float label)
    {
        // The gradient of a one-element reduction is the element's own, for Mean (1/1) and Sum alike.
        float target = Target(label), gradient = 0;
        _loss.Backward(new ReadOnlySpan<float>(in output), new ReadOnlySpan<float>(in target), new Span<float>(ref gradient));
        return gradient;
    }
}

/// <summary>A LossDsl loss as ML.NET's <see cref="IRegressionLoss"/> (OnlineGradientDescent): the label is the target.</summary>
public sealed class RegressionLoss(ILoss<float> loss) : MLNetLoss(loss), IRegressionLoss;

/// <summary>A LossDsl loss as ML.NET's <see cref="IClassificationLoss"/> (AveragedPerceptron): the output is the margin.</summary>
public sealed class ClassificationLoss(ILoss<float> loss, BinaryLabels labels = BinaryLabels.ZeroOne) : MLNetLoss(loss), IClassificationLoss
{
    /// <summary>How ML.NET's label maps to the loss's target.</summary>
    public BinaryLabels Labels { get; } = Enum.IsDefined(labels) ? labels : throw new ArgumentOutOfRangeException(nameof(labels), labels, "ZeroOne or MinusOnePlusOne.");

    private protected override float Target(float label) => Labels == BinaryLabels.ZeroOne ? label : label > 0 ? 1f : -1f;
}

/// <summary>The conversions, as extension methods on any generated loss.</summary>
public static class MLNetLossExtensions
{
    /// <summary>This loss as ML.NET's <see cref="IRegressionLoss"/>, e.g. for <c>mlContext.Regression.Trainers.OnlineGradientDescent(lossFunction: …)</c>.</summary>
    public static RegressionLoss AsRegressionLoss(this ILoss<float> loss) => new(loss);

    /// <summary>This loss as ML.NET's <see cref="IClassificationLoss"/>, e.g. for <c>mlContext.BinaryClassification.Trainers.AveragedPerceptron(lossFunction: …)</c>.</summary>
    public static ClassificationLoss AsClassificationLoss(this ILoss<float> loss, BinaryLabels labels = BinaryLabels.ZeroOne) => new(loss, labels);
}
