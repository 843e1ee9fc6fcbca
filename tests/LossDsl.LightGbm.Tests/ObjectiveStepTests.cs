using LossDsl.LightGbm.Objectives;

namespace LossDsl.LightGbm.Tests;

/// <summary>The per-iteration loss side: chunks on several threads give the serial result, bit for bit.</summary>
public class ObjectiveStepTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Chunks_on_several_threads_give_the_serial_result(bool weighted)
    {
        const int rows = 200_003; // several chunks and a ragged last one
        var random = new Random(3);
        float[] labels = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.3 ? 1f : 0f).ToArray();
        float[]? weights = weighted ? Enumerable.Range(0, rows).Select(i => (float)(i % 4)).ToArray() : null;
        double[] raw = Enumerable.Range(0, rows).Select(_ => (random.NextDouble() - 0.5) * 30).ToArray();
        var objective = new ElementObjective(new Losses.SigmoidFocalLoss(), labels);
        var serial = new ObjectiveStep(objective, rows, weights, floor: 0.1, threads: 1);
        var parallel = new ObjectiveStep(objective, rows, weights, floor: 0.1, threads: 4);
        Assert.Equal(serial.Run(raw), parallel.Run(raw));
        Assert.Equal(serial.ClassMajorGradient, parallel.ClassMajorGradient);
        Assert.Equal(serial.ClassMajorHessian, parallel.ClassMajorHessian);

        // Against a plain loop in double: the loss total, the floor, the weights.
        var loss = new Losses.SigmoidFocalLoss();
        float[] scores = raw.Select(v => (float)v).ToArray(), perRow = new float[rows], g = new float[rows], h = new float[rows];
        loss.Forward(scores, labels, perRow);
        loss.GradientHessian(scores, labels, g, h);
        double expected = perRow.Select((l, i) => (double)l * (weights?[i] ?? 1)).Sum();
        Assert.Equal(expected, serial.Run(raw), 1e-6 * expected);
        for (int i = 0; i < rows; i++)
        {
            float w = weights?[i] ?? 1;
            float floored = h[i] <= 0 ? 0.1f : h[i] < 1e-7f ? 1e-7f : h[i];
            Assert.Equal(w * g[i], serial.ClassMajorGradient[i]);
            Assert.Equal(w * floored, serial.ClassMajorHessian[i]);
        }
    }

    [Fact]
    public void A_non_finite_gradient_names_the_first_bad_row()
    {
        const int rows = 70_000;
        float[] labels = new float[rows];
        double[] raw = new double[rows];
        raw[66_001] = double.NaN;
        raw[69_999] = double.NaN;
        var step = new ObjectiveStep(new ElementObjective(new Losses.MseLoss(), labels), rows, null, floor: 1, threads: 2);
        var error = Assert.Throws<InvalidOperationException>(() => step.Run(raw));
        Assert.Contains("row 66001", error.Message);
    }
}
