using System;

namespace LossDsl;

/// <summary>
/// The functions of the loss language, for <see cref="float"/> and <see cref="double"/>. Calling a [Loss]
/// method directly runs these: they are the scalar reference the generated kernels are tested against.
/// Each is implemented in its numerically stable form (no overflow or cancellation for |x| up to 1e4).
/// </summary>
public static partial class LossMath
{
    public static float Abs(float x) => MathF.Abs(x);
    public static double Abs(double x) => Math.Abs(x);

    /// <summary>-1, 0 or 1 as a floating value (NaN stays NaN; unlike <see cref="Math.Sign(float)"/> it never throws).</summary>
    public static float Sign(float x) => (float)StableMath.Sign(x);
    public static double Sign(double x) => StableMath.Sign(x);

    public static float Exp(float x) => MathF.Exp(x);
    public static double Exp(double x) => Math.Exp(x);

    public static float Log(float x) => MathF.Log(x);
    public static double Log(double x) => Math.Log(x);

    /// <summary>log(1 + x), exact near 0.</summary>
    public static float Log1p(float x) => (float)StableMath.Log1p(x);
    public static double Log1p(double x) => StableMath.Log1p(x);

    /// <summary>exp(x) - 1, exact near 0.</summary>
    public static float Expm1(float x) => (float)StableMath.Expm1(x);
    public static double Expm1(double x) => StableMath.Expm1(x);

    public static float Sqrt(float x) => MathF.Sqrt(x);
    public static double Sqrt(double x) => Math.Sqrt(x);

    public static float Square(float x) => x * x;
    public static double Square(double x) => x * x;

    public static float Pow(float x, float y) => MathF.Pow(x, y);
    public static double Pow(double x, double y) => Math.Pow(x, y);

    /// <summary>The larger value; NaN if either is NaN.</summary>
    public static float Max(float a, float b) => (float)StableMath.Max(a, b);
    public static double Max(double a, double b) => StableMath.Max(a, b);

    /// <summary>The smaller value; NaN if either is NaN.</summary>
    public static float Min(float a, float b) => (float)StableMath.Min(a, b);
    public static double Min(double a, double b) => StableMath.Min(a, b);

    /// <summary><c>Min(Max(x, low), high)</c>; never throws (if low &gt; high the result is high, as PyTorch's clamp).</summary>
    public static float Clamp(float x, float low, float high) => (float)StableMath.Clamp(x, low, high);
    public static double Clamp(double x, double low, double high) => StableMath.Clamp(x, low, high);

    /// <summary>1 / (1 + exp(-x)), stable for either sign.</summary>
    public static float Sigmoid(float x) => (float)StableMath.Sigmoid(x);
    public static double Sigmoid(double x) => StableMath.Sigmoid(x);

    /// <summary>log(1 + exp(x)), stable for either sign.</summary>
    public static float Softplus(float x) => (float)StableMath.Softplus(x);
    public static double Softplus(double x) => StableMath.Softplus(x);

    /// <summary>log(sigmoid(x)) = -softplus(-x).</summary>
    public static float LogSigmoid(float x) => (float)StableMath.LogSigmoid(x);
    public static double LogSigmoid(double x) => StableMath.LogSigmoid(x);

    public static float Tanh(float x) => MathF.Tanh(x);
    public static double Tanh(double x) => Math.Tanh(x);

    /// <summary>log(cosh(x)), without overflow for large |x| and exact near 0.</summary>
    public static float LogCosh(float x) => (float)StableMath.LogCosh(x);
    public static double LogCosh(double x) => StableMath.LogCosh(x);
}
