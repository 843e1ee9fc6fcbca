namespace LossDsl.Runtime.Tests;

/// <summary>
/// A hyperparameter exponent through the general kernels (exp(γ·log x) with IEEE pow's special cases), with a base that
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

    private static void AssertPow(double expected, float actual, string what)
    {
        if (Math.Abs(expected) > float.MaxValue) Assert.True(float.IsInfinity(actual) && Math.Sign(actual) == Math.Sign(expected), $"{what} = {actual}, expected overflow");
        else Numeric.Close(expected, actual, 1e-5, what);
    }
}
