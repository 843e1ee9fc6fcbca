using LossDsl;

namespace LossDsl.Runtime.Tests;

/// <summary>The scalar functions: stable where the textbook form overflows or cancels.</summary>
public class LossMathTests
{
    [Fact]
    public void Log1p_and_expm1_are_exact_near_zero()
    {
        Assert.Equal(1e-20, LossMath.Log1p(1e-20));
        Assert.Equal(1e-20, LossMath.Expm1(1e-20));
        Assert.Equal(1e-10f, LossMath.Log1p(1e-10f));
        Assert.Equal(1e-10f, LossMath.Expm1(1e-10f));
        Assert.Equal(Math.Log(3), LossMath.Log1p(2.0), 15);
        Assert.Equal(Math.E - 1, LossMath.Expm1(1.0), 15);
        Assert.Equal(-1.0, LossMath.Expm1(-1e4));
        Assert.Equal(double.NegativeInfinity, LossMath.Log1p(-1.0));
        Assert.True(double.IsNaN(LossMath.Log1p(-2.0)));
        // Series check where double cancellation would lose everything: log1p(x) = x - x²/2 + x³/3.
        double x = 1e-8;
        Assert.Equal(x - x * x / 2 + x * x * x / 3, LossMath.Log1p(x), 1e-23); // within a few ulp of 1e-8
    }

    [Theory]
    [InlineData(1e4)]
    [InlineData(-1e4)]
    [InlineData(700)]
    [InlineData(-700)]
    [InlineData(0)]
    public void Sigmoid_softplus_logsigmoid_do_not_overflow(double x)
    {
        double s = LossMath.Sigmoid(x), sp = LossMath.Softplus(x), ls = LossMath.LogSigmoid(x);
        Assert.True(double.IsFinite(s) && double.IsFinite(sp) && double.IsFinite(ls));
        Assert.InRange(s, 0, 1);
        if (x != 0)
        {
            Assert.Equal(Math.Max(x, 0), sp, 1e-9 * Math.Abs(x));
            Assert.Equal(Math.Min(x, 0), ls, 1e-9 * Math.Abs(x));
        }
        Assert.Equal(x, sp + ls, 1e-12 * Math.Max(1, Math.Abs(x))); // softplus(x) + logsigmoid(x) = x
        Assert.True(float.IsFinite(LossMath.Softplus((float)x)) && float.IsFinite(LossMath.LogSigmoid((float)x)));
    }

    [Fact]
    public void Softplus_keeps_relative_precision_for_negative_arguments()
    {
        Assert.Equal(Math.Exp(-50), LossMath.Softplus(-50.0), Math.Exp(-50) * 1e-14);
        Assert.Equal(Math.Log(2), LossMath.Softplus(0.0), 15);
        Assert.Equal(-Math.Exp(-50), LossMath.LogSigmoid(50.0), Math.Exp(-50) * 1e-14);
    }

    [Fact]
    public void LogCosh_is_stable_at_both_ends()
    {
        Assert.Equal(1e4 - Math.Log(2), LossMath.LogCosh(1e4), 9);
        Assert.Equal(1e4 - Math.Log(2), LossMath.LogCosh(-1e4), 9);
        double x = 1e-5; // log cosh x = x²/2 - x⁴/12
        Assert.Equal(x * x / 2 - Math.Pow(x, 4) / 12, LossMath.LogCosh(x), 1e-25);
        Assert.Equal(Math.Log(Math.Cosh(0.7)), LossMath.LogCosh(0.7), 15);
        Assert.Equal(Math.Log(Math.Cosh(3.0)), LossMath.LogCosh(3.0), 14);
        Assert.True(float.IsPositiveInfinity(LossMath.LogCosh(float.PositiveInfinity)));
    }

    [Fact]
    public void Special_values_follow_the_documented_conventions()
    {
        Assert.True(double.IsNaN(LossMath.Sign(double.NaN)));
        Assert.Equal(0.0, LossMath.Sign(0.0));
        Assert.Equal(-1f, LossMath.Sign(-3f));
        Assert.True(double.IsNaN(LossMath.Max(double.NaN, 1)));
        Assert.True(float.IsNaN(LossMath.Min(1f, float.NaN)));
        Assert.Equal(2.0, LossMath.Clamp(5, 3, 2)); // low > high: high, as PyTorch (never throws)
        Assert.Equal(0.5f, LossMath.Sigmoid(0f));
        Assert.Equal(1f, LossMath.Sigmoid(1e4f));
        Assert.Equal(0f, LossMath.Sigmoid(-1e4f));
        Assert.Equal(9f, LossMath.Square(-3f));
    }
}
