namespace LossDsl.Runtime.Tests;

/// <summary>
/// GradientHessian of row losses whose Hessian diagonal has terms at the label (F curved in x[y], element functions
/// capturing x[y]): against second central differences of the scalar method in double, at every vector width.
/// </summary>
public class RowHessianTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in new[] { "SoftmaxFocal", "SquaredMultiMargin" })
        {
            foreach (int width in new[] { 1, 2, 3, 7, 16, 17, 33, 100 }) data.Add(name, width);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Label_terms_of_the_Hessian_diagonal_match_second_differences(string name, int width)
    {
        const int rows = 6;
        var random = new Random(width * 13 + name.Length);
        double[] x = Enumerable.Range(0, rows * width).Select(_ => (random.NextDouble() * 2 - 1) * 3).ToArray();
        int[] y = Enumerable.Range(0, rows).Select(_ => random.Next(width)).ToArray();
        double[] g = new double[x.Length], h = new double[x.Length];
        Func<ReadOnlySpan<double>, int, double> scalar;
        if (name == "SoftmaxFocal")
        {
            new LabelCurvedLosses.SoftmaxFocalLoss(gamma: 2).GradientHessian(x, y, width, g, h);
            scalar = (row, label) => LabelCurvedLosses.SoftmaxFocal(row, label, 2);
        }
        else
        {
            new LabelCurvedLosses.SquaredMultiMarginLoss(margin: 1).GradientHessian(x, y, width, g, h);
            scalar = (row, label) => LabelCurvedLosses.SquaredMultiMargin(row, label, 1);
        }
        int compared = 0, atLabel = 0;
        for (int k = 0; k < x.Length; k++)
        {
            int r = k / width;
            double original = x[k];
            double At(double v) { x[k] = v; double loss = scalar(x.AsSpan(r * width, width), y[r]); x[k] = original; return loss; }
            double Second(double step) => (At(original + step) - 2 * At(original) + At(original - step)) / (step * step);
            double First(double step) => (At(original + step) - At(original - step)) / (2 * step);
            double fd = Second(1e-4), fdWide = Second(4e-4);
            Assert.Equal(First(1e-6), g[k], 1e-6 * (1 + Math.Abs(g[k])));
            if (Math.Abs(fd - fdWide) > 1e-4 * (1 + Math.Abs(fd))) continue; // a hinge's kink within reach
            Assert.True(Math.Abs(h[k] - fd) <= 1e-4 * (1 + Math.Abs(fd)), $"{name}, C = {width}: ∂²loss/∂x[{k}]² = {h[k]:R}, second differences {fd:R} (label {y[r]})");
            compared++;
            if (k % width == y[r]) atLabel++;
        }
        Assert.True(compared >= rows * width / 2 && atLabel >= 2, $"{name}: {compared} points compared, {atLabel} at a label");
    }

    [Fact]
    public void The_cross_entropy_Hessian_diagonal_is_softmax_times_one_minus_softmax()
    {
        float[] x = { 1, -2, 0.5f, 3, 30, -30, 0, 0 };
        int[] y = { 3, 0 };
        float[] g = new float[8], h = new float[8];
        new RowLosses.CrossEntropyLoss().GradientHessian(x, y, 4, g, h);
        for (int r = 0; r < 2; r++)
        {
            double[] row = x.Skip(4 * r).Take(4).Select(v => (double)v).ToArray();
            double[] p = row.Select(v => Math.Exp(v - LossMath.LogSumExp(row))).ToArray();
            for (int j = 0; j < 4; j++)
            {
                Assert.Equal(p[j] * (1 - p[j]), h[4 * r + j], 1e-6);
                Assert.Equal(p[j] - (j == y[r] ? 1 : 0), g[4 * r + j], 1e-6);
            }
        }
    }

    [Fact]
    public void GradientHessian_checks_its_arguments_and_writes_nothing_on_misuse()
    {
        var loss = new RowLosses.CrossEntropyLoss();
        float[] x = new float[6], g = new float[6], h = Enumerable.Repeat(7f, 6).ToArray();
        Assert.Equal("logitsHessian", Assert.Throws<ArgumentException>(() => loss.GradientHessian(x, new[] { 0, 1 }, 3, g, new float[5])).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentOutOfRangeException>(() => loss.GradientHessian(x, new[] { 0, 3 }, 3, g, h)).ParamName);
        Assert.Equal("logitsGradient", Assert.Throws<ArgumentException>(() => loss.GradientHessian(x, new[] { 0, 1 }, 3, g, g)).ParamName);
        Assert.All(h, v => Assert.Equal(7f, v));
        // Ignored rows: gradient and Hessian 0.
        loss.GradientHessian(x, new[] { -100, 1 }, 3, g, h);
        Assert.All(h.Take(3).Concat(g.Take(3)), v => Assert.Equal(0f, v));
    }
}
