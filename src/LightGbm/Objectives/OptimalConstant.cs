using System;
using System.Linq;

namespace LossDsl.LightGbm.Objectives;

/// <summary>
/// The constant score that minimizes the weighted loss over the training rows: LightGBM's
/// <c>boost_from_average</c>, found for any loss from its gradient and Hessian instead of a formula per objective.
/// </summary>
/// <remarks>
/// One output: safeguarded Newton on the mean gradient. The constant is first bracketed (the mean gradient changes
/// sign between two points), then each step is Newton's when it stays inside the bracket and bisection otherwise, so
/// losses with a zero Hessian (L1, quantile: the weighted median or quantile) converge as surely as smooth ones.
/// When the gradient never changes sign (every label at one edge of a logistic loss) the optimum is at infinity: the
/// search stops where the mean gradient has fallen below 1e-9 of its value at the start.
/// Several outputs (multiclass): diagonal Newton steps with backtracking on the loss, until the mean gradient vanishes.
/// </remarks>
internal static class OptimalConstant
{
    private const int MaxSteps = 200;

    /// <summary>The optimal constant per output, searched from <paramref name="start"/> (zeros when null).</summary>
    public static double[] Find(ObjectiveEvaluation evaluation, double[]? start = null)
    {
        start ??= new double[evaluation.Outputs];
        return evaluation.Outputs == 1 ? [FindOne(evaluation, start[0])] : FindDiagonal(evaluation, start);
    }

    private static double FindOne(ObjectiveEvaluation evaluation, double start)
    {
        double G(double c, out double h)
        {
            Span<double> g = stackalloc double[1];
            Span<double> hs = stackalloc double[1];
            evaluation.Derivatives([c], g, hs, out _);
            if (!double.IsFinite(g[0])) throw NotFinite(c);
            h = hs[0];
            return g[0];
        }

        double g0 = G(start, out double h0);
        if (g0 == 0) return start;
        double negligible = Math.Abs(g0) * 1e-9;

        // Bracket: walk downhill, doubling the step (or taking Newton's, if longer), until the gradient changes sign.
        double direction = -Math.Sign(g0);
        double step = h0 > 0 ? Math.Max(Math.Abs(g0 / h0), 1e-6 * (1 + Math.Abs(start))) : 1;
        double inside = start, gInside = g0, outside = start, gOutside = g0, hOutside = h0;
        for (int i = 0; ; i++)
        {
            outside = inside + direction * step;
            gOutside = G(outside, out hOutside);
            if (Math.Sign(gOutside) != Math.Sign(gInside) || Math.Abs(gOutside) <= negligible) break;
            if (i == MaxSteps || Math.Abs(outside) > 1e15) throw new InvalidOperationException("The loss's gradient does not change sign: it has no minimum over constant scores; set LightGbmOptions.InitialScore.");
            inside = outside;
            gInside = gOutside;
            step *= 2;
        }
        if (Math.Abs(gOutside) <= negligible) return outside;

        double lo = gInside < 0 ? inside : outside, hi = gInside < 0 ? outside : inside; // G(lo) < 0 < G(hi)
        double c = outside, gc = gOutside, hc = hOutside;
        for (int i = 0; i < MaxSteps; i++)
        {
            double next = hc > 0 ? c - gc / hc : double.NaN;
            if (!(next > Math.Min(lo, hi) && next < Math.Max(lo, hi))) next = 0.5 * (lo + hi);
            // The kernels run in float: closer than a few float ulps is as close as the loss can tell.
            if (Math.Abs(next - c) <= 1e-7 * (1 + Math.Abs(c)) || Math.Abs(hi - lo) <= 1e-7 * (1 + Math.Abs(c))) return next;
            c = next;
            gc = G(c, out hc);
            if (gc == 0) return c;
            if (gc < 0) lo = c; else hi = c;
        }
        return c;
    }

    private static double[] FindDiagonal(ObjectiveEvaluation evaluation, double[] start)
    {
        int k = evaluation.Outputs;
        var c = (double[])start.Clone();
        var g = new double[k];
        var h = new double[k];
        var trial = new double[k];
        var candidate = new double[k];
        double loss = evaluation.MeanLoss(c);
        if (!double.IsFinite(loss)) throw NotFinite(0);
        for (int step = 0; step < MaxSteps; step++)
        {
            evaluation.Derivatives(c, g, h, out double scale);
            // Converged when the mean gradient vanishes (the loss itself is float-noisy near the optimum).
            double largestGradient = 0;
            for (int j = 0; j < k; j++) largestGradient = Math.Max(largestGradient, Math.Abs(g[j]) / evaluation.TotalWeight);
            if (largestGradient <= 1e-9) break;
            for (int j = 0; j < k; j++) trial[j] = -g[j] / (h[j] > 0 ? h[j] : Math.Max(scale, 1) * evaluation.TotalWeight);
            // Backtracking: halve the diagonal step while the loss rises by more than the float kernels' noise.
            double t = 1, trialLoss = double.NaN;
            for (int halving = 0; halving < 40; halving++, t *= 0.5)
            {
                for (int j = 0; j < k; j++) candidate[j] = c[j] + t * trial[j];
                trialLoss = evaluation.MeanLoss(candidate);
                if (trialLoss <= loss + 1e-6 * Math.Abs(loss)) break;
            }
            if (!(trialLoss <= loss + 1e-6 * Math.Abs(loss))) break;
            double largestStep = 0;
            for (int j = 0; j < k; j++)
            {
                c[j] += t * trial[j];
                largestStep = Math.Max(largestStep, Math.Abs(t * trial[j]));
            }
            loss = Math.Min(loss, trialLoss);
            // The kernels see float scores: a step below their resolution changes nothing any more.
            if (largestStep <= 1e-7 * (1 + c.Max(Math.Abs))) break;
        }
        return c;
    }

    private static InvalidOperationException NotFinite(double c) =>
        new($"The loss's gradient is not finite at the constant score {c}; set LightGbmOptions.InitialScore to a point where it is.");
}
