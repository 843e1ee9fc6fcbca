using LossDsl;
using static LossDsl.LossMath;

namespace LossDsl.LightGbm.Tests;

/// <summary>Losses LightGBM has as built-in objectives and the catalogue has not, written as a user would.</summary>
public static partial class BoostingLosses
{
    /// <summary>Tweedie deviance with a log link (LightGBM's <c>tweedie</c>, variance power ρ in (1, 2)).</summary>
    [Loss]
    public static float Tweedie([Wrt(Max = 40)] float logMean, [Domain(Min = 0)] float target, [Hyper(Min = 1.01, Max = 1.99)] float power = 1.5f) =>
        -target * Exp((1 - power) * logMean) / (1 - power) + Exp((2 - power) * logMean) / (2 - power);

    /// <summary>Fair loss c²(|r|/c − log(1 + |r|/c)) (LightGBM's <c>fair</c>).</summary>
    [Loss]
    public static float Fair(float prediction, float target, [Hyper(Min = 1e-6)] float c = 1f)
    {
        float a = Abs(prediction - target) / c;
        return c * c * (a - Log1p(a));
    }
}

/// <summary>A log-space error without a guard: NaN wherever the raw score is not positive (what the trainer must catch).</summary>
public static partial class UnguardedLosses
{
    [Loss]
    public static float LogError(float prediction, float target) => Square(Log(prediction) - Log(target));
}

/// <summary>A double loss: not an <see cref="ILoss{T}"/> of float, so LightGbmTrainer does not accept it (a compile-time error).</summary>
public static partial class DoubleLosses
{
    [Loss]
    public static double Mse(double prediction, double target) => Square(prediction - target);
}
