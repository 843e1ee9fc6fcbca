using LossDsl;

namespace LossDsl.Runtime.Tests;

/// <summary>One generic [Loss] over T, two generated classes: {Name}Loss (float) and {Name}LossDouble.</summary>
public class GenericLossTests
{
    [Fact]
    public void A_generic_loss_generates_a_float_class_and_a_double_class()
    {
        Assert.IsAssignableFrom<ILoss<float>>(new TestLosses.GenericHuberLoss());
        Assert.IsAssignableFrom<ILoss<double>>(new TestLosses.GenericHuberLossDouble());
        Assert.Equal(TestLosses.GenericHuberLoss.Formulas.Loss, TestLosses.GenericHuberLossDouble.Formulas.Loss);
    }

    [Fact]
    public void The_hyperparameter_default_comes_from_the_hyper_attribute_and_its_range_is_enforced()
    {
        Assert.Equal(1.5f, new TestLosses.GenericHuberLoss().Delta);
        Assert.Equal(1.5, new TestLosses.GenericHuberLossDouble().Delta);
        Assert.Equal("delta", Assert.Throws<ArgumentOutOfRangeException>(() => new TestLosses.GenericHuberLossDouble(delta: -1)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(17)]
    [InlineData(49)]
    public void Each_precision_matches_the_generic_method_called_at_that_precision(int length)
    {
        var random = new Random(length);
        // ±40 keeps AllFunctions' Exp(0.15·x) finite; Huber sees ±1e4.
        double[] x = Enumerable.Range(0, length).Select(i => i % 7 == 0 ? 80 * (i % 2 - 0.5) : random.NextDouble() * 8 - 4).ToArray();
        double[] y = Enumerable.Range(0, length).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        double[] losses = new double[length];
        new TestLosses.GenericAllFunctionsLossDouble().Forward(x, y, losses);
        for (int i = 0; i < length; i++) Numeric.Close(TestLosses.GenericAllFunctions(x[i], y[i]), losses[i], 1e-13, $"double loss at {x[i]}");

        float[] xf = x.Select((v, i) => i % 7 == 0 ? (float)(v * 250) : (float)v).ToArray(), yf = y.Select(v => (float)v).ToArray();
        float[] lossesF = new float[length], gradient = new float[length];
        new TestLosses.GenericHuberLoss(delta: 0.75f).Forward(xf, yf, lossesF);
        new TestLosses.GenericHuberLoss(delta: 0.75f) { }.GradientHessian(xf, yf, gradient, new float[length]);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(TestLosses.GenericHuber(xf[i], yf[i], 0.75f), lossesF[i], 1e-6f * Math.Max(1, Math.Abs(lossesF[i])));
            float r = xf[i] - yf[i];
            Assert.Equal(Math.Abs(r) < 0.75f ? r : 0.75f * Math.Sign(r), gradient[i], 1e-6f);
        }
    }
}
