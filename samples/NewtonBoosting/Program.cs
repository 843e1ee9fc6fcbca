using LossDsl.Samples;
using LossDsl.Samples.Plotting;

namespace NewtonBoosting;

/// <summary>
/// A Tweedie GLM fitted by Newton–IRLS on GradientHessian of a custom [Loss] — the second-order step gradient
/// boosting libraries take per leaf — against plain gradient descent on the same loss.
/// </summary>
public static class Program
{
    public static readonly double[] TrueBeta = { 0.5, 1.2, -0.3 };

    public sealed record Outcome(double[] NewtonBeta, int NewtonSteps, double[] NewtonGap, double[] GradientGap, int GradientStepsToMatch, double GradientRate);

    public static int Main(string[] args)
    {
        var (o, svg) = Run(args.Length > 0 ? args[0] : "output");
        Console.WriteLine("Tweedie (power 1.5) regression, log link, 3 coefficients, 5,000 counts:");
        Console.WriteLine($"  truth          β = ({string.Join(", ", TrueBeta.Select(b => b.ToString("F3")))})");
        Console.WriteLine($"  Newton (g, h)  β = ({string.Join(", ", o.NewtonBeta.Select(b => b.ToString("F3")))})  after {o.NewtonSteps} steps");
        Console.WriteLine("  loss - optimum per step:   step   Newton        gradient descent");
        foreach (int step in new[] { 0, 1, 2, 3, 4, 5, 6, 10, 50, 200 })
        {
            Console.WriteLine($"  {"",26}{step,5}   {Gap(o.NewtonGap, step),-13} {Gap(o.GradientGap, step)}");
        }
        Console.WriteLine(o.GradientStepsToMatch < int.MaxValue
            ? $"  gradient descent (best of 7 step sizes, η = {o.GradientRate}) needs {o.GradientStepsToMatch} steps to get within 1e-6 of the optimum; Newton needs {Array.FindIndex(o.NewtonGap, g => g <= 1e-6)}."
            : $"  gradient descent is not within 1e-6 of the optimum after {o.GradientGap.Length - 1} steps; Newton took {o.NewtonSteps}.");
        Console.WriteLine($"Plot: {svg}");
        return 0;
    }

    private static string Gap(double[] gaps, int step) =>
        step >= gaps.Length ? "converged" : gaps[step] <= 1e-15 ? "< 1e-15" : gaps[step].ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture);

    public static (Outcome Outcome, string SvgPath) Run(string outputDirectory)
    {
        var random = new Random(3);
        int n = 5000;
        var features = new double[n][];
        var targets = new double[n];
        for (int i = 0; i < n; i++)
        {
            features[i] = new[] { 1, random.NextDouble() * 2 - 1, random.NextDouble() * 5 }; // unscaled, as real features are
            double mean = Math.Exp(features[i].Zip(TrueBeta, (x, b) => x * b).Sum());
            targets[i] = random.Poisson(mean);
        }
        var glm = new Glm(features, targets);

        var newton = new double[3];
        var newtonLoss = new List<double> { glm.Loss(newton) };
        while (newtonLoss.Count < 50)
        {
            glm.NewtonStep(newton);
            newtonLoss.Add(glm.Loss(newton));
            if (Math.Abs(newtonLoss[^2] - newtonLoss[^1]) <= 1e-13 * Math.Abs(newtonLoss[^1])) break;
        }
        double optimum = newtonLoss[^1];

        // Gradient descent with the best fixed step of a grid: the fairest first-order comparison.
        const int GradientSteps = 400;
        List<double>? gradientLoss = null;
        double bestRate = 0;
        foreach (double rate in new[] { 0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2 })
        {
            var descent = new double[3];
            var losses = new List<double> { glm.Loss(descent) };
            for (int step = 0; step < GradientSteps; step++)
            {
                glm.GradientStep(descent, rate);
                losses.Add(glm.Loss(descent));
            }
            if (double.IsFinite(losses[^1]) && (gradientLoss is null || StepsTo(losses, optimum) < StepsTo(gradientLoss, optimum)))
            {
                (gradientLoss, bestRate) = (losses, rate);
            }
        }

        double[] Gap(List<double> losses) => losses.Select(l => Math.Max(l - optimum, 1e-16)).ToArray();
        double[] newtonGap = Gap(newtonLoss), gradientGap = Gap(gradientLoss!);
        var outcome = new Outcome(newton, newtonLoss.Count - 1, newtonGap, gradientGap, StepsTo(gradientLoss!, optimum), bestRate);

        const int Plotted = 120;
        var figure = new Figure("Newton steps (GradientHessian) against gradient descent");
        figure.AddPanel("Tweedie GLM: loss above the optimum (log10)", "step", "log10(loss - optimum)")
            .Line("Newton–IRLS on GradientHessian", Steps(newtonGap.Length), newtonGap.Select(Math.Log10).ToArray(), "#d62728")
            .Line($"gradient descent on Backward (η = {bestRate})", Steps(Plotted), gradientGap.Take(Plotted).Select(Math.Log10).ToArray(), "#1f77b4")
            .YRange(-16, 1);
        return (outcome, figure.Save(Path.Combine(outputDirectory, "newton-boosting.svg")));
    }

    // The first step within 1e-6 of the optimum (int.MaxValue if never).
    private static int StepsTo(List<double> losses, double optimum)
    {
        int index = losses.FindIndex(l => l - optimum <= 1e-6);
        return index < 0 ? int.MaxValue : index;
    }

    private static double[] Steps(int count) => Enumerable.Range(0, count).Select(i => (double)i).ToArray();
}
