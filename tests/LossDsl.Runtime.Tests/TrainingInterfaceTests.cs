namespace LossDsl.Runtime.Tests;

/// <summary>The generic training surface: <see cref="ILoss{T}"/> on every loss of the common shape, and its memory overloads.</summary>
public class TrainingInterfaceTests
{
    [Fact]
    public void Losses_with_one_prediction_and_one_target_implement_ILoss()
    {
        Assert.IsAssignableFrom<ILoss<float>>(new Losses.MseLoss());
        Assert.IsAssignableFrom<ILoss<float>>(new Losses.HuberLoss(delta: 0.5f));
        Assert.IsAssignableFrom<ILoss<float>>(new Losses.SigmoidFocalLoss());
        Assert.IsAssignableFrom<ILoss<float>>(new Losses.KlDivergenceLogTargetLoss());
        // Two differentiated inputs (mean and variance): not the common shape.
        Assert.False(typeof(ILoss<float>).IsAssignableFrom(typeof(Losses.GaussianNllLoss)));
    }

    // A training step written once: fits a constant c to targets by gradient descent, for any loss.
    private static float FitConstant<TLoss>(TLoss loss, float[] targets, int steps, float rate) where TLoss : ILoss<float>
    {
        var prediction = new float[targets.Length];
        var gradient = new float[targets.Length];
        float c = 0;
        for (int step = 0; step < steps; step++)
        {
            Array.Fill(prediction, c);
            loss.ForwardBackward(prediction, targets, gradient);
            c -= rate * gradient.Sum();
        }
        return c;
    }

    [Fact]
    public void One_generic_loop_fits_the_mean_with_MSE_and_the_median_with_L1()
    {
        float[] targets = { 1, 2, 3, 4, 100 };
        Assert.Equal(22f, FitConstant(new Losses.MseLoss(), targets, 200, 0.3f), 2);
        Assert.Equal(3f, FitConstant(new Losses.L1Loss(), targets, 4000, 0.005f), 1);
    }

    [Fact]
    public void Memory_overloads_match_the_span_members()
    {
        ILoss<float> loss = new Losses.HuberLoss(delta: 0.5f, reduction: Reduction.Sum);
        float[] p = { 0.1f, 2f, -3f, 0.4f }, t = { 0f, 0f, 1f, 0.5f };
        var expected = new float[4];
        var actual = new float[8];
        float expectedLoss = loss.ForwardBackward(p, t, expected);
        float actualLoss = loss.ForwardBackward(new ReadOnlyMemory<float>(p), new ReadOnlyMemory<float>(t), new Memory<float>(actual, 4, 4));
        Assert.Equal(expectedLoss, actualLoss);
        Assert.Equal(expected, actual[4..]);
        Assert.Equal(loss.Forward(p, t), loss.Forward(new ReadOnlyMemory<float>(p), new ReadOnlyMemory<float>(t)));

        var g = new float[4];
        var h = new float[4];
        loss.GradientHessian(new ReadOnlyMemory<float>(p), new ReadOnlyMemory<float>(t), g.AsMemory(), h.AsMemory());
        Assert.Equal(new[] { 0.1f, 0.5f, -0.5f, 0.4f - 0.5f }, g);
        Assert.Equal(new[] { 1f, 0f, 0f, 1f }, h);
    }

    [Fact]
    public void Memory_overloads_check_lengths_like_the_span_members()
    {
        ILoss<float> loss = new Losses.MseLoss();
        var gradient = new float[2];
        var error = Assert.Throws<ArgumentException>(() => loss.Backward(new float[3].AsMemory(), new float[3].AsMemory(), gradient.AsMemory()));
        Assert.Contains("Gradient", error.ParamName);
        Assert.Throws<ArgumentNullException>(() => LossExtensions.Forward(null!, ReadOnlyMemory<float>.Empty, ReadOnlyMemory<float>.Empty));
    }

    [Fact]
    public void Hyperparameters_outside_their_stated_range_are_rejected_by_the_constructor()
    {
        // [Hyper(Min = 1)] gamma: below 1 the focal gradient is ∞ where pₜ rounds to 1; the analyzers checked γ ≥ 1 only.
        var low = Assert.Throws<ArgumentOutOfRangeException>(() => new Losses.SigmoidFocalLoss(gamma: 0.5f));
        Assert.Equal("gamma", low.ParamName);
        Assert.Contains("[1, ∞]", low.Message);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new Losses.SigmoidFocalLoss(gamma: float.NaN)).ParamName);
        Assert.Equal("eps", Assert.Throws<ArgumentOutOfRangeException>(() => new Losses.GaussianNllLoss(eps: 0f)).ParamName);
        Assert.Equal(1f, new Losses.SigmoidFocalLoss(gamma: 1f).Gamma);
        Assert.Equal(2f, new Losses.SigmoidFocalLoss().Gamma);
        Assert.Equal(1e-6f, new Losses.GaussianNllLoss().Eps);
    }
}

/// <summary>What <c>Console.WriteLine(XLoss.Formulas)</c> shows: the loss, then ∂ and ∂² per differentiated input.</summary>
public class FormulaTextTests
{
    [Fact]
    public void Formulas_print_the_loss_and_each_derivative_a_line_each()
    {
        Assert.Equal(
            "loss = (prediction - target)^2\n∂loss/∂prediction = 2 * (prediction - target)\n∂²loss/∂prediction² = 2",
            Losses.MseLoss.Formulas.ToString());
        string[] lines = Losses.GaussianNllLoss.Formulas.ToString().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("loss = ", lines[0]);
        Assert.StartsWith("∂loss/∂mean = ", lines[1]);
        Assert.StartsWith("∂²loss/∂mean² = ", lines[2]);
        Assert.StartsWith("∂loss/∂variance = ", lines[3]);
        Assert.StartsWith("∂²loss/∂variance² = ", lines[4]);
        string[] rowLines = RowLosses.CrossEntropyLoss.Formulas.ToString().Split('\n');
        Assert.Equal(3, rowLines.Length);
        Assert.StartsWith("loss = logsumexp(logits)", rowLines[0]);
        Assert.StartsWith("∂loss/∂logits[j] = softmax(logits)[j]", rowLines[1]);
        Assert.Equal("∂²loss/∂logits[j]² = softmax(logits)[j] * (1 - softmax(logits)[j])", rowLines[2]);
        Assert.DoesNotContain("DerivativeFormula[]", Losses.HuberLoss.Formulas.ToString());
    }

    [Fact]
    public void A_derivative_without_a_Hessian_is_one_line()
    {
        Assert.Equal("∂loss/∂x = 1", new DerivativeFormula("x", "1", "").ToString());
    }
}
