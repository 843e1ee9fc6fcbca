using LossDsl;
using static LossDsl.LossMath;

namespace LossDsl.Runtime.Tests.Stability;

// The textbook spellings with Rewrite = false: the kernels as written, which LD2011 (an analyzer this project does
// not reference) reports.
public static partial class TextbookSpellings
{
    [Loss(Rewrite = false)]
    public static float BceThroughLogSigmoidLiteral(float logit, float target) =>
        -(target * Log(Sigmoid(logit)) + (1 - target) * Log(1 - Sigmoid(logit)));

    [Loss(Rewrite = false)]
    public static float SoftplusSpelledLiteral(float logit, float target) => Log(1 + Exp(logit)) - logit * target;

    [Loss(Rewrite = false)]
    public static float LogCoshSpelledLiteral(float prediction, float target)
    {
        float r = prediction - target;
        return Log((Exp(r) + Exp(-r)) / 2);
    }

    [Loss(Rewrite = false)]
    public static float AbsThroughSqrtLiteral(float prediction, float target) => Sqrt(Square(prediction - target));

    [Loss(Rewrite = false)]
    public static float LogSumExpSpelledLiteral(float a, float b) => Log(Exp(a) + Exp(b));

    [Loss(Rewrite = false)]
    public static float FocalThroughLogPtLiteral(float logit, [Domain(Min = 0, Max = 1)] float target, [Hyper] float gamma = 2f)
    {
        float p = Sigmoid(logit);
        float pt = target * p + (1 - target) * (1 - p);
        return -Pow(1 - pt, gamma) * Log(pt);
    }

    [Loss(Rewrite = false)]
    public static float FocalPowWeightLiteral(float logit, [Domain(Min = 0, Max = 1)] float target, [Hyper] float gamma = 1.5f)
    {
        float p = Sigmoid(logit);
        float pt = p * target + (1 - p) * (1 - target);
        return Pow(1 - pt, gamma) * (Softplus(logit) - logit * target);
    }
}
