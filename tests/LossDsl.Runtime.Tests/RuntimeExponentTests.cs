namespace LossDsl.Runtime.Tests;

/// <summary>
/// A hyperparameter exponent: at the integers 0…4 through kernels compiled for that value (powers as products, exact
/// as a constant exponent is), otherwise through the general kernels (exp(γ·log x) with IEEE pow's special cases), with a base that
/// may be negative and one the stated ranges make ≥ 0 (lowered without the negative-base cases), at every vector width.
/// </summary>
public class RuntimeExponentTests
{
    private static float[] Inputs() =>
        [.. Enumerable.Range(0, 67).Select(i => (i % 2 == 0 ? 1 : -1) * (0.37f + i * 0.731f)), 0f, -0f, 1f, -1f, 1e-20f, 3e10f, float.NaN, float.PositiveInfinity];

    [Theory]
    [InlineData(2.5)]
    [InlineData(0.5)]
    [InlineData(-1.5)]
    [InlineData(5)]
    [InlineData(3)]
    [InlineData(1)]
    [InlineData(0)]
    public void Other_exponents_keep_ieee_pow(double power)
    {
        float[] x = Inputs();
        float[] signed = new float[x.Length], magnitude = new float[x.Length];
        new TestLosses.PowerOfHyperLoss(power: (float)power).Forward(x, signed);
        new TestLosses.PowerOfHyperNonNegativeLoss(power: (float)power).Forward(x, magnitude);
        for (int i = 0; i < x.Length; i++)
        {
            AssertPow(Math.Pow(x[i], (float)power), signed[i], $"{x[i]:R}^{power}");
            AssertPow(Math.Pow(Math.Abs(x[i]), (float)power), magnitude[i], $"|{x[i]:R}|^{power}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Small_integer_exponents_are_products(int power)
    {
        float[] x = Inputs();
        float[] value = new float[x.Length], gradient = new float[x.Length], hessian = new float[x.Length];
        var loss = new TestLosses.PowerOfHyperLoss(power: power);
        loss.Forward(x, value);
        loss.GradientHessian(x, gradient, hessian);
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            string what = $"{v:R}^{power}";
            if (power <= 2)
            {
                // One rounding at most: bit for bit (exp(log x) missed x itself by an ulp at γ = 1).
                float exact = power switch { 0 => 1f, 1 => v, _ => v * v };
                Assert.True(exact.Equals(value[i]), $"{what} = {value[i]:R}, expected {exact:R}");
            }
            else
            {
                AssertPow(Math.Pow(v, power), value[i], what);
            }
            if (!float.IsFinite(v) || Math.Abs(v) > 1e9f) continue;
            // The derivatives k·x^(k-1) and k(k-1)·x^(k-2) with the powers that vanish gone: finite at x = 0 for every k.
            AssertPow(power == 0 ? 0 : power * Math.Pow(v, power - 1), gradient[i], $"d/dx {what}");
            AssertPow(power <= 1 ? 0 : power * (power - 1) * Math.Pow(v, power - 2), hessian[i], $"d²/dx² {what}");
        }
    }

    private static void AssertPow(double expected, float actual, string what)
    {
        if (Math.Abs(expected) > float.MaxValue) Assert.True(float.IsInfinity(actual) && Math.Sign(actual) == Math.Sign(expected), $"{what} = {actual}, expected overflow");
        else Numeric.Close(expected, actual, 1e-5, what);
    }
}
