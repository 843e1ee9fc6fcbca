using LossDsl;

namespace LossGallery;

/// <summary>A loss and its generated derivative along one input, the other inputs held fixed.</summary>
public sealed record Curve(string Name, string Input, double[] X, double[] Loss, double[] Gradient);

public static class Curves
{
    public static double[] Grid(double from, double to, int points = 241) =>
        Enumerable.Range(0, points).Select(i => from + (to - from) * i / (points - 1)).ToArray();

    /// <summary>Any loss of the common shape: per-element values from Forward, derivatives from GradientHessian (both unreduced).</summary>
    public static Curve Of<TLoss>(string name, string input, TLoss loss, double from, double to, float target) where TLoss : ILoss<float>
    {
        double[] x = Grid(from, to);
        float[] prediction = x.Select(v => (float)v).ToArray(), targets = Enumerable.Repeat(target, x.Length).ToArray();
        var losses = new float[x.Length];
        var gradient = new float[x.Length];
        var hessian = new float[x.Length];
        loss.Forward(prediction, targets, losses);
        loss.GradientHessian(prediction, targets, gradient, hessian);
        return new Curve(name, input, x, ToDouble(losses), ToDouble(gradient));
    }

    /// <summary>Gaussian NLL along the mean, variance 1: two differentiated inputs, so its own API.</summary>
    public static Curve GaussianNll(double from, double to)
    {
        double[] x = Grid(from, to);
        float[] mean = x.Select(v => (float)v).ToArray(), target = new float[x.Length], variance = Enumerable.Repeat(1f, x.Length).ToArray();
        var losses = new float[x.Length];
        var meanGradient = new float[x.Length];
        var varianceGradient = new float[x.Length];
        var loss = new Losses.GaussianNllLoss(reduction: Reduction.Sum);
        loss.Forward(mean, target, variance, losses);
        loss.Backward(mean, target, variance, meanGradient, varianceGradient); // sum reduction: per-element derivatives
        return new Curve("GaussianNll (variance 1)", "mean - target", x, ToDouble(losses), ToDouble(meanGradient));
    }

    private static double[] ToDouble(float[] values) => values.Select(v => (double)v).ToArray();
}
