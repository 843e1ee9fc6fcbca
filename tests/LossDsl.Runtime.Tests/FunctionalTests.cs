using LossDsl;

namespace LossDsl.Runtime.Tests;

/// <summary>Losses of this project, compiled by the generator at build time, checked in double.</summary>
public class FunctionalTests
{
    private delegate double Scalar(double x, double y);

    private delegate void Kernel(double[] x, double[] y, double[] gradient, double[] hessian);

    public static TheoryData<string> Names() => new() { "AllFunctions", "Branchy", "UsesHelper", "MathSpelling", "GenericAllFunctions", "GenericSpelling" };

    private static (Scalar F, Kernel K) Subject(string name) => name switch
    {
        "AllFunctions" => (TestLosses.AllFunctions, (x, y, g, h) => new TestLosses.AllFunctionsLoss().GradientHessian(x, y, g, h)),
        "Branchy" => (TestLosses.Branchy, (x, y, g, h) => new TestLosses.BranchyLoss().GradientHessian(x, y, g, h)),
        "UsesHelper" => ((x, y) => TestLosses.UsesHelper(x, y, 2), (x, y, g, h) => new TestLosses.UsesHelperLoss().GradientHessian(x, y, g, h)),
        "GenericAllFunctions" => (TestLosses.GenericAllFunctions, (x, y, g, h) => new TestLosses.GenericAllFunctionsLossDouble().GradientHessian(x, y, g, h)),
        "GenericSpelling" => (TestLosses.GenericSpelling, (x, y, g, h) => new TestLosses.GenericSpellingLossDouble().GradientHessian(x, y, g, h)),
        _ => (TestLosses.MathSpelling, (x, y, g, h) => new TestLosses.MathSpellingLoss().GradientHessian(x, y, g, h)),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradient_and_Hessian_match_finite_differences(string name)
    {
        var (f, kernel) = Subject(name);
        var random = new Random(name.Length);
        int n = 401;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i < 10 ? new[] { 0, 1e4, -1e4, 1e-300, -1e-300, 3, -3, 7, -7, 0.5 }[i] : (random.NextDouble() - 0.5) * 20;
            y[i] = (random.NextDouble() - 0.5) * 6;
        }
        double[] g = new double[n], h = new double[n];
        kernel(x, y, g, h);
        int checkedPoints = 0;
        for (int i = 0; i < n; i++)
        {
            double xi = x[i], yi = y[i];
            if (!double.IsFinite(f(xi, yi))) continue; // exp overflow: nothing to differentiate
            double step = 1e-4 * Math.Max(1, Math.Abs(xi));
            // Skip points within a step of a kink (where the one-sided derivatives differ).
            double left = (f(xi, yi) - f(xi - step, yi)) / step, right = (f(xi + step, yi) - f(xi, yi)) / step;
            if (Math.Abs(left - right) > 1e-2 * Math.Max(1, Math.Abs(left)) + 10 * step * Math.Max(1, Math.Abs(h[i]))) continue;
            Numeric.Close(Numeric.FiniteDifference(v => f(v, yi), xi), g[i], 1e-5, $"{name} gradient at ({xi}, {yi})");
            Numeric.Close(Numeric.FiniteDifference(v => Gradient(kernel, v, yi), xi), h[i], 1e-4, $"{name} Hessian at ({xi}, {yi})");
            checkedPoints++;
        }
        Assert.True(checkedPoints >= 200, $"only {checkedPoints} smooth points");
    }

    private static double Gradient(Kernel kernel, double x, double y)
    {
        double[] g = new double[1], h = new double[1];
        kernel([x], [y], g, h);
        return g[0];
    }

    [Fact]
    public void All_spellings_compile_to_the_same_formula()
    {
        Assert.Equal(TestLosses.LossMathSpellingLoss.Formulas, TestLosses.MathSpellingLoss.Formulas, FormulaComparer.Instance);
        Assert.Equal(TestLosses.LossMathSpellingLoss.Formulas, TestLosses.DoubleSpellingLoss.Formulas, FormulaComparer.Instance);
        Assert.Equal(TestLosses.LossMathFloatSpellingLoss.Formulas, TestLosses.MathFSpellingLoss.Formulas, FormulaComparer.Instance);
    }

    [Fact]
    public void A_generic_loss_compiles_to_the_formula_of_its_non_generic_twin_in_both_precisions()
    {
        Assert.Equal(TestLosses.AllFunctionsLoss.Formulas, TestLosses.GenericAllFunctionsLossDouble.Formulas, FormulaComparer.Instance);
        Assert.Equal(TestLosses.AllFunctionsLoss.Formulas, TestLosses.GenericAllFunctionsLoss.Formulas, FormulaComparer.Instance);
    }

    private sealed class FormulaComparer : IEqualityComparer<LossFormulas>
    {
        public static readonly FormulaComparer Instance = new();

        public bool Equals(LossFormulas? a, LossFormulas? b) =>
            a!.Loss == b!.Loss && a.Derivatives.SequenceEqual(b.Derivatives);

        public int GetHashCode(LossFormulas obj) => obj.Loss.GetHashCode();
    }

    [Fact]
    public void Catalogue_losses_inline_from_the_referenced_assembly()
    {
        int n = 3 * Widths.Float + 1;
        float[] x = Numeric.Random(n, 9, 6), t = Numeric.Random(n, 10, 1).Select(v => v > 0 ? 1f : 0f).ToArray();
        var mix = new TestLosses.MixLoss(w: 0.4f);
        var losses = new float[n];
        mix.Forward(x, t, losses);
        for (int i = 0; i < n; i++)
        {
            double expected = 0.4 * Losses.SigmoidFocal(x[i], t[i], 0.25f, 2f) + 0.6 * Losses.BceWithLogits(x[i], t[i], 1f);
            Numeric.Close(expected, losses[i], 2e-6, $"mix at {x[i]}");
            Numeric.Close(TestLosses.Mix(x[i], t[i], 0.4f), losses[i], 2e-6, $"scalar mix at {x[i]}");
        }
        // The inlined hyperparameters were constants, folded into the formula.
        Assert.DoesNotContain("alpha", TestLosses.MixLoss.Formulas.Loss);
        Assert.DoesNotContain("gamma", TestLosses.MixLoss.Formulas.Loss);
    }

    [Fact]
    public void Two_differentiated_inputs_and_a_weight()
    {
        var loss = new TestLosses.WeightedLoss(k: 0.5, reduction: Reduction.Sum);
        double[] a = { 0.3, -1.2, 2.0 }, b = { 1.0, 0.5, -0.7 }, w = { 1, 2, 0.5 };
        double[] ga = new double[3], gb = new double[3];
        double total = loss.ForwardBackward(a, b, w, ga, gb);
        Assert.Equal(Enumerable.Range(0, 3).Sum(i => TestLosses.Weighted(a[i], b[i], w[i], 0.5)), total, 12);
        for (int i = 0; i < 3; i++)
        {
            int j = i;
            Assert.Equal(Numeric.FiniteDifference(v => TestLosses.Weighted(v, b[j], w[j], 0.5), a[j]), ga[i], 6);
            Assert.Equal(Numeric.FiniteDifference(v => TestLosses.Weighted(a[j], v, w[j], 0.5), b[j]), gb[i], 6);
        }
    }

    [Fact]
    public void Unused_wrt_input_has_zero_derivatives()
    {
        float[] p = { 1, 2 }, q = { 3, 4 }, g = { 9, 9 }, h = { 9, 9 };
        new TestLosses.UnusedWrtLoss().GradientHessian(p, q, g, h);
        Assert.Equal(new float[] { 0, 0 }, g);
        Assert.Equal(new float[] { 0, 0 }, h);
    }
}

public class InliningTests
{
    [Fact]
    public void Helper_in_another_type_with_an_omitted_default_is_inlined_and_folded()
    {
        Assert.Contains("10", MoreLosses.SoftL1Loss.Formulas.Loss);
        Assert.DoesNotContain(" k", MoreLosses.SoftL1Loss.Formulas.Loss);
        double[] p = { -2, -0.01, 0, 0.3, 5 }, t = { 0, 0, 0, 0, 0 };
        double[] g = new double[5], h = new double[5], l = new double[5];
        var loss = new MoreLosses.SoftL1Loss();
        loss.Forward(p, t, l);
        loss.GradientHessian(p, t, g, h);
        for (int i = 0; i < p.Length; i++)
        {
            int j = i;
            Assert.Equal(MoreLosses.SoftL1(p[i], t[i]), l[i], 12);
            Assert.Equal(Numeric.FiniteDifference(v => MoreLosses.SoftL1(v, t[j]), p[j]), g[i], 6);
        }
    }
}
