using LossDsl;
using LossDsl.Samples;
using LossDsl.Samples.Plotting;

namespace RobustRegression;

/// <summary>
/// y = 2x + 1 with 15% gross outliers, fitted with MSE, Huber and a custom Welsch loss through one generic
/// training loop; prints each fit's parameter error and writes robust-regression.svg.
/// </summary>
public static class Program
{
    public const double TrueA = 2, TrueB = 1;

    public sealed record FitResult(string Loss, double A, double B)
    {
        public double Error => Math.Sqrt((A - TrueA) * (A - TrueA) + (B - TrueB) * (B - TrueB));
    }

    public static int Main(string[] args)
    {
        string output = args.Length > 0 ? args[0] : "output";
        var (fits, svg) = Run(output);
        Console.WriteLine($"Fitting y = a·x + b (truth: a = {TrueA}, b = {TrueB}) on 200 points, 15% of them outliers:");
        foreach (FitResult fit in fits) Console.WriteLine($"  {fit.Loss,-12} a = {fit.A,6:F3}  b = {fit.B,6:F3}   |error| = {fit.Error:F3}");
        Console.WriteLine($"Plot: {svg}");
        return 0;
    }

    public static (IReadOnlyList<FitResult> Fits, string SvgPath) Run(string outputDirectory)
    {
        var random = new Random(7);
        int n = 200;
        var x = new float[n];
        var y = new float[n];
        var outlier = new bool[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)(random.NextDouble() * 6 - 3);
            y[i] = (float)(TrueA * x[i] + TrueB + 0.3 * random.NextGaussian());
            outlier[i] = random.NextDouble() < 0.15;
            if (outlier[i]) y[i] += (float)(8 + 12 * random.NextDouble()); // gross errors, all on one side
        }

        var (ma, mb) = LineFit.Fit(new Losses.MseLoss(), x, y, (0, 0));
        var (ha, hb) = LineFit.Fit(new Losses.HuberLoss(delta: 1f), x, y, (0, 0));
        // A redescending loss is not convex: start it from the Huber fit, as robust statistics does.
        var (wa, wb) = LineFit.Fit(new RobustLosses.WelschLoss(c: 1f), x, y, (ha, hb));
        FitResult[] fits = { new("MSE", ma, mb), new("Huber", ha, hb), new("Welsch", wa, wb) };

        var figure = new Figure("Robust regression: y = 2x + 1 with 15% outliers", panelWidth: 800, panelHeight: 420);
        Panel panel = figure.AddPanel("Fits by loss (one generic training loop)", "x", "y").LegendOutside(); // outliers everywhere above the line
        panel.Scatter("inliers", Select(x, outlier, false), Select(y, outlier, false), "#7f7f7f");
        panel.Scatter("outliers", Select(x, outlier, true), Select(y, outlier, true), "#e377c2");
        double[] ends = { -3, 3 };
        panel.Line("truth", ends, ends.Select(v => TrueA * v + TrueB).ToArray(), "#000000", dashed: true);
        foreach (var (fit, color) in fits.Zip(new[] { "#d62728", "#1f77b4", "#2ca02c" }))
        {
            panel.Line($"{fit.Loss} (error {fit.Error:F2})", ends, ends.Select(v => fit.A * v + fit.B).ToArray(), color);
        }
        return (fits, figure.Save(Path.Combine(outputDirectory, "robust-regression.svg")));
    }

    private static double[] Select(float[] values, bool[] mask, bool keep) =>
        values.Where((_, i) => mask[i] == keep).Select(v => (double)v).ToArray();
}
