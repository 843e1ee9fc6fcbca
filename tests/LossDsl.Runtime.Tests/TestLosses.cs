using LossDsl;
using static LossDsl.LossMath;

namespace LossDsl.Runtime.Tests;

/// <summary>Losses compiled by the real generator when this project builds: the functional test subjects.</summary>
public static partial class TestLosses
{
    // Every function, through LossMath; u, v keep the arguments in each function's domain.
    [Loss]
    public static double AllFunctions(double x, double y)
    {
        double u = 0.3 * x + 0.1 * y;
        double v = Square(u) + 1;
        return Abs(u) + Sign(y) * u + Exp(0.5 * u) + Log(v) + Log1p(Square(u)) + Expm1(0.25 * u) + Sqrt(v)
            + Pow(v, 1.5) + Max(u, y) + Min(u, -y) + Clamp(u, -0.5, 0.5) + Sigmoid(u) + Softplus(u)
            + LogSigmoid(u) + Tanh(u) + LogCosh(u);
    }

    // One generic definition: GenericAllFunctionsLoss (float) and GenericAllFunctionsLossDouble, the same math as AllFunctions.
    [Loss]
    public static T GenericAllFunctions<T>(T x, T y) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        T u = T.CreateChecked(0.3) * x + T.CreateChecked(0.1) * y;
        T v = Square(u) + T.One;
        T half = T.CreateTruncating(0.5);
        return Abs(u) + Sign(y) * u + Exp(half * u) + Log(v) + Log1p(Square(u)) + Expm1(T.CreateSaturating(0.25) * u) + Sqrt(v)
            + Pow(v, T.CreateChecked(1.5)) + Max(u, y) + Min(u, -y) + Clamp(u, -half, half) + Sigmoid(u) + Softplus(u)
            + LogSigmoid(u) + Tanh(u) + LogCosh(u);
    }

    // Generic math's own spelling, T.F, and an inherited constraint (IBinaryFloatingPointIeee754 extends IFloatingPointIeee754).
    [Loss]
    public static T GenericSpelling<T>(T x, T y) where T : System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        T u = T.CreateChecked(0.3) * x + T.CreateChecked(0.1) * y;
        T v = u * u + T.One;
        return T.Abs(u) + T.Exp(u / T.CreateChecked(2)) + T.Log(v) + T.Sqrt(v) + T.Pow(v, T.CreateChecked(1.5)) + T.Max(u, y)
            + T.Min(u, -y) + T.Clamp(u, -T.One, T.One) + T.Tanh(u) + T.LogP1(u * u) + T.ExpM1(u / T.CreateChecked(4)) + T.Pi * u;
    }

    // A generic hyperparameter's default, which C# cannot write for T, comes from [Hyper(Default = …)].
    [Loss]
    public static T GenericHuber<T>(T prediction, T target, [Hyper(Min = 0, Default = 1.5)] T delta) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        T r = prediction - target;
        T half = T.CreateChecked(0.5);
        return T.Abs(r) < delta ? half * r * r : delta * (T.Abs(r) - half * delta);
    }

    // A runtime exponent, exp(γ·log x) with pow's special cases; the base may be negative.
    [Loss]
    public static float PowerOfHyper(float x, [Hyper] float power = 2.5f) => Pow(x, power);

    // The same with a base the ranges make ≥ 0 (the lowering then drops pow's negative-base cases).
    [Loss]
    public static float PowerOfHyperNonNegative(float x, [Hyper] float power = 2.5f) => Pow(Abs(x), power);

    // The same functions that System.Math has, in its spelling: must compile to the same formula as LossMath's.
    [Loss]
    public static double MathSpelling(double x, double y)
    {
        double u = 0.3 * x + 0.1 * y;
        double v = u * u + 1;
        return Math.Abs(u) + Math.Sign(y) * u + Math.Exp(0.5 * u) + Math.Log(v) + Math.Sqrt(v) + Math.Pow(v, 1.5)
            + Math.Max(u, y) + Math.Min(u, -y) + Math.Clamp(u, -0.5, 0.5) + Math.Tanh(u);
    }

    [Loss]
    public static double LossMathSpelling(double x, double y)
    {
        double u = 0.3 * x + 0.1 * y;
        double v = u * u + 1;
        return LossMath.Abs(u) + LossMath.Sign(y) * u + LossMath.Exp(0.5 * u) + LossMath.Log(v) + LossMath.Sqrt(v) + LossMath.Pow(v, 1.5)
            + LossMath.Max(u, y) + LossMath.Min(u, -y) + LossMath.Clamp(u, -0.5, 0.5) + LossMath.Tanh(u);
    }

    [Loss]
    public static double DoubleSpelling(double x, double y)
    {
        double u = 0.3 * x + 0.1 * y;
        double v = u * u + 1;
        return double.Abs(u) + double.Sign(y) * u + double.Exp(0.5 * u) + double.Log(v) + double.Sqrt(v) + double.Pow(v, 1.5)
            + double.Max(u, y) + double.Min(u, -y) + double.Clamp(u, -0.5, 0.5) + double.Tanh(u);
    }

    [Loss]
    public static float MathFSpelling(float x, float y)
    {
        float u = 0.3f * x + 0.1f * y;
        return MathF.Abs(u) + MathF.Exp(0.5f * u) + MathF.Log(u * u + 1) + MathF.Tanh(u) + float.LogP1(u * u) + float.ExpM1(0.25f * u);
    }

    [Loss]
    public static float LossMathFloatSpelling(float x, float y)
    {
        float u = 0.3f * x + 0.1f * y;
        return Abs(u) + Exp(0.5f * u) + Log(u * u + 1) + Tanh(u) + Log1p(u * u) + Expm1(0.25f * u);
    }

    // if-return chains, var locals, && || !, comparisons of every kind.
    [Loss]
    public static double Branchy(double x, double y)
    {
        var r = x - y;
        if (r > 2) return 2 * r - 2;
        else if (r < -2 && y >= 0) return -r * 3;
        if (!(r == 0) || y != 1)
        {
            double s = r * r;
            return r <= 1 ? 0.5 * s : s;
        }
        return 0;
    }

    [Differentiable]
    public static double Cube(double u) => u * u * u;

    [Loss]
    public static double UsesHelper(double x, double y, [Hyper] double scale = 2) => scale * Cube(x - y) + Cube(y);

    // Inlines catalogue losses from the LossDsl.Runtime assembly (no source: through [LossFormula]).
    [Loss]
    public static float Mix(float logit, float target, [Hyper] float w = 0.7f) =>
        w * Losses.SigmoidFocal(logit, target, 0.25f, 2f) + (1 - w) * Losses.BceWithLogits(logit, target, 1f);

    // Two differentiated inputs, a per-element weight, a hyperparameter without default.
    [Loss]
    public static double Weighted([Wrt] double a, [Wrt] double b, double weight, [Hyper] double k) =>
        weight * (Square(a - b) + k * Softplus(a * b));

    // The DSL.md example, written the way a user would.
    [Loss]
    public static float BceExample(float logit, float target) => Max(logit, 0f) - logit * target + Softplus(-Abs(logit));

#pragma warning disable LD1050 // this build fails (warnings are errors) if the generator's warning ignores #pragma
    [Loss]
    public static float UnusedWrt(float p, [Wrt] float q) => p * p;
#pragma warning restore LD1050
}

/// <summary>Helpers in another type (not partial: [Differentiable] generates nothing).</summary>
public static class Smoothing
{
    [Differentiable]
    public static double SoftAbs(double u, double k = 10) => LossMath.Softplus(k * u) / k + LossMath.Softplus(-k * u) / k;
}

public static partial class MoreLosses
{
    // The omitted k takes the helper's default (10), folded into the constants.
    [Loss]
    public static double SoftL1(double prediction, double target) => Smoothing.SoftAbs(prediction - target);
}

/// <summary>Row losses whose Hessian diagonal has label terms: the loss curves in x[y], or element functions capture it.</summary>
public static partial class LabelCurvedLosses
{
    /// <summary>Softmax focal loss (Keras' CategoricalFocalCrossentropy for one label): −(1 − p_y)^γ·log p_y.</summary>
    [Loss]
    public static double SoftmaxFocal(ReadOnlySpan<double> logits, int target, [Hyper(Min = 1)] double gamma = 2)
    {
        double logP = logits[target] - LogSumExp(logits);
        return -Pow(1 - Exp(logP), gamma) * logP;
    }

    /// <summary>PyTorch's MultiMarginLoss(p=2): Σ_{j≠y} max(0, margin − x[y] + xⱼ)² / C.</summary>
    [Loss]
    public static double SquaredMultiMargin(ReadOnlySpan<double> scores, int target, [Hyper] double margin = 1)
    {
        double correct = scores[target];
        return (Sum(scores, s => Square(Max(0.0, margin - correct + s))) - Square(Max(0.0, margin))) / scores.Length;
    }
}
