using System;
using System.Numerics;

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
    /// Rows [<paramref name="firstRow"/>, + gradient.Length / outputs) of the row-major gradient and Hessian, floored and
    /// weighted, into LightGBM's class-major layout ([output × <paramref name="totalRows"/>]).
    /// </summary>
    /// <returns>The first row (absolute) whose gradient or Hessian is not finite, or −1.</returns>
    public static int Prepare(ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian, float[]? weights, double floor,
        int firstRow, int totalRows, int outputs, float[] classMajorGradient, float[] classMajorHessian)
    {
        if (outputs == 1)
        {
            ReadOnlySpan<float> w = weights is null ? default : weights.AsSpan(firstRow, gradient.Length);
            int bad = Contiguous(gradient, hessian, w, floor, classMajorGradient.AsSpan(firstRow, gradient.Length), classMajorHessian.AsSpan(firstRow, gradient.Length));
            return bad < 0 ? -1 : firstRow + bad;
        }
        int rows = gradient.Length / outputs;
        float zeroOrNegative = (float)floor, tiny = (float)(floor * TinyFraction);
        for (int i = 0; i < rows; i++)
        {
            float weight = weights is null ? 1f : weights[firstRow + i];
            for (int j = 0; j < outputs; j++)
            {
                float g = gradient[i * outputs + j], h = hessian[i * outputs + j];
                if (!float.IsFinite(g) || !float.IsFinite(h)) return firstRow + i;
                classMajorGradient[j * totalRows + firstRow + i] = weight * g;
                classMajorHessian[j * totalRows + firstRow + i] = weight * Floored(h, floor, zeroOrNegative, tiny);
            }
        }
        return -1;
    }

    private static float Floored(float h, double floor, float zeroOrNegative, float tiny) =>
        floor <= 0 ? h : h <= 0 ? zeroOrNegative : h < tiny ? tiny : h;

    // One output: vectorized (the trainer's per-iteration cost next to LightGBM's own objectives).
    private static int Contiguous(ReadOnlySpan<float> gradient, ReadOnlySpan<float> hessian, ReadOnlySpan<float> weights, double floor,
        Span<float> outGradient, Span<float> outHessian)
    {
        int n = gradient.Length, i = 0;
        float zeroOrNegative = (float)floor, tiny = (float)(floor * TinyFraction);
        bool floored = floor > 0, weighted = !weights.IsEmpty;
        var vFloor = new Vector<float>(zeroOrNegative);
        var vTiny = new Vector<float>(tiny);
        Vector<int> finite = Vector<int>.AllBitsSet;
        for (; i <= n - Vector<float>.Count; i += Vector<float>.Count)
        {
            var g = new Vector<float>(gradient[i..]);
            var h = new Vector<float>(hessian[i..]);
            // x − x is 0 for finite x and NaN for ±∞ and NaN.
            finite &= Vector.Equals(g - g, Vector<float>.Zero) & Vector.Equals(h - h, Vector<float>.Zero);
            if (floored) h = Vector.ConditionalSelect(Vector.LessThanOrEqual(h, Vector<float>.Zero), vFloor, Vector.ConditionalSelect(Vector.LessThan(h, vTiny), vTiny, h));
            if (weighted)
            {
                var w = new Vector<float>(weights[i..]);
                g *= w;
                h *= w;
            }
            g.CopyTo(outGradient[i..]);
            h.CopyTo(outHessian[i..]);
        }
        bool tailFinite = true;
        for (; i < n; i++)
        {
            float g = gradient[i], h = hessian[i], w = weighted ? weights[i] : 1f;
            tailFinite &= float.IsFinite(g) && float.IsFinite(h);
            outGradient[i] = w * g;
            outHessian[i] = w * Floored(h, floor, zeroOrNegative, tiny);
        }
        if (finite == Vector<int>.AllBitsSet && tailFinite) return -1;
        for (int k = 0; k < n; k++) // the first bad row, for the message
        {
            if (!float.IsFinite(gradient[k]) || !float.IsFinite(hessian[k])) return k;
        }
        return -1;
    }
}
