using System;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// Turns the loss's per-row gradient and Hessian into what LightGBM's Newton leaves can use. A leaf's value is
/// −Σg/Σh, so a Hessian that is zero (L1, quantile, hinge, Huber's linear part), negative (non-convex losses) or
/// tiny makes it infinite, of the wrong sign, or huge: such Hessians are raised to a floor, the loss's own
/// curvature scale (as LightGBM's own L1, quantile and Huber objectives use a constant Hessian of 1).
/// </summary>
internal static class HessianFloor
{
    /// <summary>A positive Hessian is kept unless it is below this fraction of the floor.</summary>
    public const double TinyFraction = 1e-6;

    /// <summary>The automatic floor: the mean positive Hessian at the initial score, or 1 when the loss has none there.</summary>
    public static double Automatic(double meanPositiveHessian) => meanPositiveHessian > 0 ? meanPositiveHessian : 1;

    /// <summary>
    /// From row-major gradient and Hessian ([row × outputs]) to LightGBM's class-major layout, floored and weighted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The loss's gradient or Hessian is not finite at some row.</exception>
    public static void Prepare(ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian, float[]? weights, double floor, int rows, int outputs,
        float[] classMajorGradient, float[] classMajorHessian, ReadOnlySpan<float> scores)
    {
        float zeroOrNegative = (float)floor, tiny = (float)(floor * TinyFraction);
        for (int i = 0; i < rows; i++)
        {
            float w = weights is null ? 1f : weights[i];
            for (int j = 0; j < outputs; j++)
            {
                int at = i * outputs + j;
                float g = gradient[at], h = hessian[at];
                if (!float.IsFinite(g) || !float.IsFinite(h))
                {
                    throw new InvalidOperationException(
                        $"The loss's gradient or Hessian is not finite at row {i} (raw score {scores[at]}): gradient {g}, Hessian {h}. " +
                        "Check the loss's analyzer warnings (LD2xxx) and the labels.");
                }
                if (floor > 0)
                {
                    if (h <= 0) h = zeroOrNegative;
                    else if (h < tiny) h = tiny;
                }
                classMajorGradient[j * rows + i] = w * g;
                classMajorHessian[j * rows + i] = w * h;
            }
        }
    }
}
