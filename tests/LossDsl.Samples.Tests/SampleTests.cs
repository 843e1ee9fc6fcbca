using System.Xml.Linq;
using LossDsl.Samples.Plotting;

namespace LossDsl.Samples.Tests;

/// <summary>Each sample does what its README says, and its picture is a well-formed SVG with the promised parts and a PNG beside it.</summary>
public sealed class SampleTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("lossdsl-samples-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static XDocument Svg(string path)
    {
        XDocument svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        // The PNG of the same drawing, at the SVG's size (IHDR: width and height, big-endian, after the signature).
        byte[] png = File.ReadAllBytes(Path.ChangeExtension(path, ".png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal((string?)svg.Root.Attribute("width"), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)).ToString());
        Assert.Equal((string?)svg.Root.Attribute("height"), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)).ToString());
        return svg;
    }

    private static string[] Texts(XDocument svg) => svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToArray();

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
        string[] texts = Texts(Svg(path));
        Assert.All(outcomes, o => Assert.Contains(o.Loss, texts)); // each panel's legend
        Assert.Contains(texts, t => t.StartsWith("BCE with logits: recall", StringComparison.Ordinal));
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
        Assert.Equal(26, curves.Count);
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
        string[] texts = Texts(Svg(path));
        Assert.All(curves, c => Assert.Contains(c.Name, texts));
        Assert.Equal(26, texts.Count(t => t == "∂loss/∂input"));
    }

    [Fact]
    public void Non_finite_points_break_lines_and_a_lone_point_draws_nothing()
    {
        var runs = Panel.FiniteRuns(new double[] { 0, 1, 2, 3, 4, 5 }, new[] { 0, double.NaN, 1, 2, double.PositiveInfinity, 3 }).ToList();
        var run = Assert.Single(runs);
        Assert.Equal(new double[] { 2, 3 }, run.X);
        Assert.Equal(new double[] { 1, 2 }, run.Y);
    }

    [Fact]
    public void Titles_are_written_as_text_and_the_legend_avoids_the_data()
    {
        var figure = new Figure("a < b & c");
        Panel panel = figure.AddPanel("p", "x", "y").Line("rising", new double[] { 0, 1, 2, 3 }, new double[] { 0, 1, 2, 3 });
        string path = figure.Save(Path.Combine(_output, "escaped.svg"));
        Assert.Contains("a < b & c", Texts(Svg(path)));
        // A line from the lower left to the upper right leaves the upper left free.
        Assert.Equal(ScottPlot.Alignment.UpperLeft, panel.Plot.Legend.Alignment);
    }
}
