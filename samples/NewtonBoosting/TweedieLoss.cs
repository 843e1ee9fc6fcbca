using LossDsl;
using static LossDsl.LossMath;

namespace NewtonBoosting;

public static partial class Objectives
{
    /// <summary>
    /// Tweedie deviance (1 &lt; power &lt; 2) on the log link, as XGBoost's <c>reg:tweedie</c> and LightGBM's
    /// <c>tweedie</c> objectives: -y·μ^(1-p)/(1-p) + μ^(2-p)/(2-p) with μ = exp(logMean). The stated ranges let the
    /// analyzers prove both exponentials and both divisions safe.
    /// </summary>
    [Loss]
    public static double Tweedie([Wrt(Min = -30, Max = 30)] double logMean, [Domain(Min = 0)] double y, [Hyper(Min = 1.01, Max = 1.99)] double power = 1.5) =>
        -y * Exp((1 - power) * logMean) / (1 - power) + Exp((2 - power) * logMean) / (2 - power);
}
