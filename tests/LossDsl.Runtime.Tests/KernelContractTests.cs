using LossDsl;

namespace LossDsl.Runtime.Tests;

/// <summary>The generated API's contract (DSL.md §2): reductions, lengths, in-place, errors, accuracy.</summary>
public class KernelContractTests
{
    [Fact]
    public void Mse_textbook_value_and_gradient()
    {
        float[] prediction = { 1.5f, 2.0f, 4.0f }, target = { 1.0f, 2.0f, 3.0f };
        var mse = new Losses.MseLoss();
        Assert.Equal(0.4166666666, mse.Forward(prediction, target), 6);
        var gradient = new float[3];
        float loss = mse.ForwardBackward(prediction, target, gradient);
        Assert.Equal(0.4166666666, loss, 6);
        Assert.Equal(1 / 3.0, gradient[0], 6);
        Assert.Equal(0, gradient[1], 6);
        Assert.Equal(2 / 3.0, gradient[2], 6);
        var backward = new float[3];
        mse.Backward(prediction, target, backward);
        Assert.Equal(gradient, backward);
    }

    [Fact]
    public void Defaults_and_properties_read_back()
    {
        var focal = new Losses.SigmoidFocalLoss();
        Assert.Equal(0.25f, focal.Alpha);
        Assert.Equal(2f, focal.Gamma);
        Assert.Equal(Reduction.Mean, focal.Reduction);
        var huber = new Losses.HuberLoss(delta: 0.5f, reduction: Reduction.Sum);
        Assert.Equal(0.5f, huber.Delta);
        Assert.Equal(Reduction.Sum, huber.Reduction);
        Assert.Throws<ArgumentOutOfRangeException>("reduction", () => new Losses.MseLoss((Reduction)7));
        Assert.Contains("sigmoid", Losses.SigmoidFocalLoss.Formulas.Loss);
        Assert.Equal("2 * (prediction - target)", Losses.MseLoss.Formulas.Derivatives[0].Gradient);
    }

    [Fact]
    public void Vector_path_matches_the_scalar_method_at_every_length()
    {
        var huber = new Losses.HuberLoss(0.7f);
        var focal = new Losses.SigmoidFocalLoss();
        var bce = new TestLosses.BceExampleLoss();
        foreach (int n in Widths.Lengths)
        {
            float[] x = Numeric.Random(n, n, 8), t = Numeric.Random(n, n + 100, 1).Select(v => v > 0 ? 1f : 0f).ToArray();
            var losses = new float[n];
            huber.Forward(x, t, losses);
            for (int i = 0; i < n; i++) Numeric.Close(Losses.Huber(x[i], t[i], 0.7f), losses[i], 1e-6, $"huber n={n} i={i}");
            focal.Forward(x, t, losses);
            for (int i = 0; i < n; i++) Numeric.Close(Losses.SigmoidFocal(x[i], t[i], 0.25f, 2f), losses[i], 2e-6, $"focal n={n} i={i}");
            bce.Forward(x, t, losses);
            for (int i = 0; i < n; i++) Numeric.Close(TestLosses.BceExample(x[i], t[i]), losses[i], 2e-6, $"bce n={n} i={i}");
        }
    }

    [Theory]
    [InlineData(2f)]   // the default: the kernels compiled with γ = 2 (powers as products)
    [InlineData(1.5f)] // the general kernels: x^γ as exp(γ·log x)
    [InlineData(1f)]   // the smallest γ its [Hyper(Min = 1)] allows
    [InlineData(3f)]
    public void Focal_matches_its_scalar_method_for_default_and_other_gammas(float gamma)
    {
        var focal = new Losses.SigmoidFocalLoss(alpha: 0.3f, gamma: gamma);
        foreach (int n in Widths.Lengths)
        {
            float[] x = Numeric.Random(n, 3 * n + 1, 10), t = Numeric.Random(n, n + 7, 1).Select(v => v > 0 ? 1f : 0f).ToArray();
            var losses = new float[n];
            var gradient = new float[n];
            var hessian = new float[n];
            focal.Forward(x, t, losses);
            focal.GradientHessian(x, t, gradient, hessian);
            for (int i = 0; i < n; i++)
            {
                Numeric.Close(Losses.SigmoidFocal(x[i], t[i], 0.3f, gamma), losses[i], 2e-6, $"γ={gamma} n={n} i={i}");
                Assert.True(float.IsFinite(gradient[i]) && float.IsFinite(hessian[i]), $"γ={gamma}: {gradient[i]}, {hessian[i]} at {x[i]}");
            }
        }
        // The specialized and general kernels agree where they meet.
        float[] xs = Numeric.Random(100, 5, 6), ts = Numeric.Random(100, 6, 1).Select(v => v > 0 ? 1f : 0f).ToArray();
        float[] atDefault = new float[100], nearby = new float[100];
        new Losses.SigmoidFocalLoss(gamma: 2f).GradientHessian(xs, ts, atDefault, new float[100]);
        new Losses.SigmoidFocalLoss(gamma: 2.0000002f).GradientHessian(xs, ts, nearby, new float[100]);
        for (int i = 0; i < 100; i++) Numeric.Close(atDefault[i], nearby[i], 1e-5, $"x={xs[i]}");
    }

    [Theory]
    [InlineData(Reduction.Mean)]
    [InlineData(Reduction.Sum)]
    public void Reductions_agree_with_per_element_losses(Reduction reduction)
    {
        var loss = new Losses.BceWithLogitsLoss(posWeight: 2f, reduction: reduction);
        foreach (int n in Widths.Lengths.Where(n => n > 0).Append(1000))
        {
            float[] x = Numeric.Random(n, 7 * n, 5), t = Numeric.Random(n, 3 * n, 1).Select(Math.Abs).ToArray();
            var each = new float[n];
            loss.Forward(x, t, each);
            double expected = each.Sum(v => (double)v) / (reduction == Reduction.Mean ? n : 1);
            Numeric.Close(expected, loss.Forward(x, t), 1e-6, $"n={n}");
            var gradient = new float[n];
            var hessian = new float[n];
            var reducedGradient = new float[n];
            Numeric.Close(expected, loss.ForwardBackward(x, t, reducedGradient), 1e-6, $"n={n}");
            loss.GradientHessian(x, t, gradient, hessian);
            double scale = reduction == Reduction.Mean ? 1.0 / n : 1;
            for (int i = 0; i < n; i++) Numeric.Close(gradient[i] * scale, reducedGradient[i], 1e-6, $"gradient n={n} i={i}");
        }
    }

    [Fact]
    public void Empty_input_mean_is_NaN_and_sum_is_zero()
    {
        Assert.True(float.IsNaN(new Losses.MseLoss().Forward([], [])));
        Assert.Equal(0f, new Losses.MseLoss(Reduction.Sum).Forward([], []));
        Assert.True(float.IsNaN(new Losses.MseLoss().ForwardBackward([], [], [])));
        new Losses.MseLoss().Backward([], [], []);
        new Losses.MseLoss().GradientHessian([], [], [], []);
    }

    [Fact]
    public void Outputs_may_be_the_very_memory_of_an_input()
    {
        int n = 3 * Widths.Float + 1;
        float[] x = Numeric.Random(n, 1), t = Numeric.Random(n, 2);
        var loss = new Losses.LogCoshLoss();
        var expectedLosses = new float[n];
        var expectedGradient = new float[n];
        var expectedHessian = new float[n];
        loss.Forward(x, t, expectedLosses);
        loss.GradientHessian(x, t, expectedGradient, expectedHessian);

        float[] a = (float[])x.Clone();
        loss.Forward(a, t, a);
        Assert.Equal(expectedLosses, a);
        float[] g = (float[])x.Clone(), h = (float[])t.Clone();
        loss.GradientHessian(g, h, g, h);
        Assert.Equal(expectedGradient, g);
        Assert.Equal(expectedHessian, h);
        float[] b = (float[])x.Clone();
        float reduced = loss.ForwardBackward(b, t, b);
        Assert.Equal(new Losses.LogCoshLoss().Forward(x, t), reduced, 6);
    }

    [Fact]
    public void Misuse_names_the_parameter_and_writes_nothing()
    {
        var loss = new Losses.HuberLoss();
        float[] x = new float[8], t = new float[8], shortSpan = new float[7];
        float[] output = Enumerable.Repeat(42f, 8).ToArray();
        float[] second = Enumerable.Repeat(42f, 8).ToArray();

        Assert.Equal("target", Assert.Throws<ArgumentException>(() => loss.Forward(x, shortSpan)).ParamName);
        Assert.Equal("losses", Assert.Throws<ArgumentException>(() => loss.Forward(x, t, new float[9])).ParamName);
        Assert.Equal("predictionGradient", Assert.Throws<ArgumentException>(() => loss.Backward(x, t, new float[7])).ParamName);
        Assert.Equal("predictionHessian", Assert.Throws<ArgumentException>(() => loss.GradientHessian(x, t, output, shortSpan)).ParamName);

        // Partial overlap of an output with an input.
        float[] buffer = new float[9];
        Assert.Equal("losses", Assert.Throws<ArgumentException>(() => loss.Forward(buffer.AsSpan(0, 8), t, buffer.AsSpan(1, 8))).ParamName);
        // Two outputs sharing memory.
        Assert.Equal("predictionGradient", Assert.Throws<ArgumentException>(() => loss.GradientHessian(x, t, output, output)).ParamName);
        Assert.All(output, v => Assert.Equal(42f, v));
        Assert.All(second, v => Assert.Equal(42f, v));
        Assert.All(buffer, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void NaN_and_infinity_propagate()
    {
        int n = Widths.Float * 2 + 3;
        float[] x = Numeric.Random(n, 5), t = Numeric.Random(n, 6);
        x[3] = float.NaN;           // vector path
        x[n - 1] = float.NaN;       // scalar tail
        x[5] = float.PositiveInfinity;
        var losses = new float[n];
        new Losses.MseLoss().Forward(x, t, losses);
        Assert.True(float.IsNaN(losses[3]) && float.IsNaN(losses[n - 1]));
        Assert.True(float.IsPositiveInfinity(losses[5]));
        Assert.True(float.IsNaN(new Losses.MseLoss().Forward(x, t)));
        new Losses.BceWithLogitsLoss().Forward(x, t, losses);
        Assert.True(float.IsNaN(losses[3]) && float.IsNaN(losses[n - 1]));
    }

    [Fact]
    public void Extreme_logits_give_finite_losses_and_gradients()
    {
        float[] x = { 1e4f, -1e4f, 88.8f, -88.8f, 0f, 1e-40f, -1e-40f, 20f, -20f, 1e4f, -1e4f, 0.5f, 3f, -3f, 30f, -30f, 1e4f };
        float[] t = x.Select((_, i) => (float)(i % 2)).ToArray();
        foreach (var (name, run) in new (string, Func<float[], float[], float[], float>)[]
        {
            ("bce", (a, b, g) => new Losses.BceWithLogitsLoss(3f).ForwardBackward(a, b, g)),
            ("focal", (a, b, g) => new Losses.SigmoidFocalLoss().ForwardBackward(a, b, g)),
            ("softmargin", (a, b, g) => new Losses.SoftMarginLoss().ForwardBackward(a, b.Select(v => 2 * v - 1).ToArray(), g)),
            ("example", (a, b, g) => new TestLosses.BceExampleLoss().ForwardBackward(a, b, g)),
        })
        {
            var gradient = new float[x.Length];
            float loss = run(x, t, gradient);
            Assert.True(float.IsFinite(loss), name);
            Assert.All(gradient, g => Assert.True(float.IsFinite(g), $"{name}: {g}"));
        }
    }

    [Fact]
    public void Reduced_float_loss_is_accurate_at_two_to_the_24()
    {
        const int n = 1 << 24;
        var random = new Random(24);
        float[] x = new float[n], t = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)random.NextDouble() * 4;
            t[i] = (float)random.NextDouble();
        }
        double reference = 0;
        for (int i = 0; i < n; i++) reference += Math.Pow((double)x[i] - t[i], 2); // the float inputs, in double
        reference /= n;
        float mse = new Losses.MseLoss().Forward(x, t);
        double error = Math.Abs(mse - reference) / reference;
        Assert.True(error <= 1e-6, $"relative error {error:E2} at 2^24 elements");
        float fused = new Losses.MseLoss().ForwardBackward(x, t, new float[n]);
        Assert.True(Math.Abs(fused - reference) / reference <= 1e-6);
    }
}
