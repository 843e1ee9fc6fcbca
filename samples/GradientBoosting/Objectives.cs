using LossDsl;
using static LossDsl.LossMath;

namespace GradientBoosting;

public static partial class Objectives
{
    /// <summary>
    /// Tweedie deviance (1 &lt; power &lt; 2) on the log link, LightGBM's <c>tweedie</c> objective written as a loss:
    /// -y·μ^(1-p)/(1-p) + μ^(2-p)/(2-p) with μ = exp(logMean). The stated ranges let the analyzers prove both
    /// exponentials safe; boosting's raw scores stay far inside them.
    /// </summary>
    [Loss]
    public static float Tweedie([Wrt(Min = -30, Max = 30)] float logMean, [Domain(Min = 0)] float claim, [Hyper(Min = 1.01, Max = 1.99)] float power = 1.5f) =>
        -claim * Exp((1 - power) * logMean) / (1 - power) + Exp((2 - power) * logMean) / (2 - power);
}
