using System.Xml.Linq;
using LossDsl.Samples.Plotting;

namespace LossDsl.Samples.Tests;

/// <summary>Each sample does what its README says, and its picture is a well-formed SVG with the promised parts.</summary>
public sealed class SampleTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("lossdsl-samples-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static XDocument Svg(string path)
    {
        XDocument svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        return svg;
    }

    private static string[] Texts(XDocument svg) => svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();

    [Fact]
    public void RobustRegression_robust_losses_ignore_the_outliers_MSE_does_not()
    {
        var (fits, path) = RobustRegression.Program.Run(_output);
        var byLoss = fits.ToDictionary(f => f.Loss);
        Assert.True(byLoss["MSE"].Error > 1, $"MSE error {byLoss["MSE"].Error}");
        Assert.True(byLoss["Huber"].Error < 0.3, $"Huber error {byLoss["Huber"].Error}");
        Assert.True(byLoss["Welsch"].Error < 0.05, $"Welsch error {byLoss["Welsch"].Error}");
        string[] texts = Texts(Svg(path));
        Assert.Contains("inliers", texts);
        Assert.Contains("truth", texts);
        Assert.Contains(texts, t => t.StartsWith("Welsch (error", StringComparison.Ordinal));
        Assert.Contains("x", texts);
    }

    [Fact]
    public void GradientBoosting_reproduces_LightGBMs_tweedie_and_ranks_fraud_with_the_focal_loss()
    {
        var (claims, fraud, path) = GradientBoosting.Program.Run(_output);
        Assert.Equal(claims.BuiltInDeviance, claims.LossDslDeviance, 1e-5 * claims.BuiltInDeviance);
        Assert.True(claims.LargestRelativeDifference < 1e-5, $"premiums differ by {claims.LargestRelativeDifference}");
        Assert.InRange(claims.ZeroShare, 0.7, 0.9);
        var byModel = fraud.ToDictionary(f => f.Model);
        Assert.InRange(fraud[0].FraudRate, 0.007, 0.014);
        // BCE with logits is LightGBM's binary objective: the same ranking, the same alerts.
        Assert.Equal(byModel["LightGBM built-in binary"].Recall, byModel["BCE with logits (= built-in binary)"].Recall);
        Assert.True(byModel["focal, α = 0.25, γ = 2"].Recall > 0.3, $"focal recall {byModel["focal, α = 0.25, γ = 2"].Recall}");
        string[] texts = Texts(Svg(path));
        Assert.Contains("built-in tweedie", texts);
        Assert.Contains("perfect", texts);
        Assert.Contains(texts, t => t.StartsWith("Fraud: calibration", StringComparison.Ordinal));
    }

    [Fact]
    public void ImbalancedClassification_shows_the_recall_precision_trade_off()
    {
        var (outcomes, path) = ImbalancedClassification.Program.Run(_output);
        var o = outcomes.ToDictionary(x => x.Loss);
        Assert.True(o["BCE, pos_weight = 50"].Recall > o["BCE with logits"].Recall);
        Assert.True(o["BCE with logits"].Precision > o["BCE, pos_weight = 50"].Precision);
        Assert.True(o["focal, α = 0.9, γ = 2"].Recall > o["focal, α = 0.25, γ = 2"].Recall);
        Assert.All(outcomes, x => Assert.True(x.Curve[^1] < x.Curve[0], $"{x.Loss} did not train"));
        Assert.Equal(4, Svg(path).Descendants().Count(e => e.Name.LocalName == "polyline"));
    }

    [Fact]
    public void NewtonBoosting_converges_in_a_handful_of_steps()
    {
        var (outcome, path) = NewtonBoosting.Program.Run(_output);
        int newton = Array.FindIndex(outcome.NewtonGap, g => g <= 1e-6);
        Assert.InRange(newton, 1, 5);
        Assert.True(outcome.GradientStepsToMatch > 10 * newton, $"gradient descent needed only {outcome.GradientStepsToMatch} steps");
        for (int i = 0; i < 3; i++) Assert.Equal(NewtonBoosting.Program.TrueBeta[i], outcome.NewtonBeta[i], 0.05);
        Assert.Contains(Texts(Svg(path)), t => t.StartsWith("Newton", StringComparison.Ordinal));
    }

    [Fact]
    public void LossGallery_draws_every_catalogue_loss_with_a_gradient_that_matches_its_curve()
    {
        var (curves, path) = LossGallery.Program.Run(_output);
        Assert.Equal(17, curves.Count);
        foreach (var c in curves)
        {
            Assert.All(c.Loss.Concat(c.Gradient), v => Assert.True(double.IsFinite(v), $"{c.Name}: {v}"));
            // The drawn gradient is the slope of the drawn loss (central differences on the grid, away from kinks).
            for (int i = 1; i < c.X.Length - 1; i++)
            {
                double slope = (c.Loss[i + 1] - c.Loss[i - 1]) / (c.X[i + 1] - c.X[i - 1]);
                bool smooth = Math.Abs(c.Gradient[i + 1] - c.Gradient[i - 1]) < 0.2 * (1 + Math.Abs(c.Gradient[i]));
                if (smooth) Assert.True(Math.Abs(slope - c.Gradient[i]) < 2e-2 * (1 + Math.Abs(slope)), $"{c.Name} at {c.X[i]}: slope {slope}, gradient {c.Gradient[i]}");
            }
        }
        XDocument svg = Svg(path);
        Assert.Equal(17, svg.Descendants().Count(e => e.Name.LocalName == "clipPath"));
        Assert.Equal(17, Texts(svg).Count(t => t == "∂loss/∂input"));
    }

    [Fact]
    public void Ticks_are_round_and_cover_the_range()
    {
        Assert.Equal(new[] { -4.0, -2, 0, 2, 4 }, Ticks.Nice(-3, 3));
        Assert.Equal(new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 }, Ticks.Nice(0.02, 1));
        Assert.Equal((0.0, 1.0), Ticks.Extent(Array.Empty<double>()));
        Assert.Equal("0", Ticks.Label(1e-17));
    }

    [Fact]
    public void Labels_are_escaped_and_non_finite_points_break_lines()
    {
        var figure = new Figure("a < b & c");
        figure.AddPanel("p", "x", "y").Line("l", new double[] { 0, 1, 2, 3 }, new[] { 0, double.NaN, 1, 2 });
        XDocument svg = XDocument.Parse(figure.ToSvg());
        Assert.Contains("a < b & c", Texts(svg));
        Assert.Single(svg.Descendants(), e => e.Name.LocalName == "polyline"); // the single point before NaN draws nothing
    }
}
