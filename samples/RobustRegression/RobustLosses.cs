using LossDsl;
using static LossDsl.LossMath;

namespace RobustRegression;

public static partial class RobustLosses
{
    /// <summary>
    /// Welsch (Leclerc) loss: c²/2·(1 - exp(-(r/c)²)). Redescending: a residual far beyond c stops pulling at all.
    /// Written with Expm1 because 1 - Exp(x) cancels near r = 0 (the analyzers' LD2004).
    /// </summary>
    [Loss]
    public static float Welsch(float prediction, float target, [Hyper(Min = 1e-6)] float c = 1f)
    {
        float r = (prediction - target) / c;
        return -0.5f * c * c * Expm1(-r * r);
    }
}
