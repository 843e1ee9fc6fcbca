using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;

namespace LossDsl.Analyzers.Tests;

/// <summary>The pure range core: intervals, what each function does to a range in float and double, branch conditions.</summary>
public class RangeTests
{
    private static readonly Interval Unbounded = new(-float.MaxValue, float.MaxValue);

    private static Interval Apply(Function function, Interval x, FloatingType type = FloatingType.Single) =>
        FunctionRanges.Apply(function, new[] { x }, type);

    [Fact]
    public void Float_sigmoid_reaches_exactly_0_and_1_and_double_sigmoid_reaches_them_later()
    {
        Assert.Equal(new Interval(0, 1), Apply(Function.Sigmoid, Unbounded));
        // The message thresholds: float rounds σ(x) to 1 above 17.33 and to 0 below -103.97; double above 36.74, below -745.1.
        Assert.Equal(1, Apply(Function.Sigmoid, Interval.Point(17.4)).Lo);
        Assert.True(Apply(Function.Sigmoid, Interval.Point(17.3)).Lo < 1);
        Assert.Equal(0, Apply(Function.Sigmoid, Interval.Point(-104)).Lo);
        Assert.True(Apply(Function.Sigmoid, Interval.Point(-103.9)).Lo > 0);
        Assert.Equal(1, Apply(Function.Sigmoid, Interval.Point(36.8), FloatingType.Double).Lo);
        Assert.True(Apply(Function.Sigmoid, Interval.Point(36.7), FloatingType.Double).Lo < 1);
        Assert.Equal(0, Apply(Function.Sigmoid, Interval.Point(-745.2), FloatingType.Double).Lo);
    }

    [Fact]
    public void Exp_overflows_past_88_72_in_float_and_709_78_in_double_and_underflows_to_0()
    {
        Assert.True(double.IsPositiveInfinity(Apply(Function.Exp, Interval.Point(88.73)).Hi));
        Assert.False(double.IsPositiveInfinity(Apply(Function.Exp, Interval.Point(88.72)).Hi));
        Assert.True(double.IsPositiveInfinity(Apply(Function.Exp, Interval.Point(709.79), FloatingType.Double).Hi));
        Assert.False(double.IsPositiveInfinity(Apply(Function.Exp, Interval.Point(709.78), FloatingType.Double).Hi));
        Assert.Equal(0, Apply(Function.Exp, Unbounded).Lo);
    }

    [Fact]
    public void Log_and_sqrt_know_their_domains()
    {
        Interval log = Apply(Function.Log, new Interval(0, 1));
        Assert.Equal((double.NegativeInfinity, 0.0, false), (log.Lo, log.Hi, log.MayBeNaN));
        Assert.True(Apply(Function.Log, new Interval(-1, 1)).MayBeNaN);
        Assert.True(Apply(Function.Log, new Interval(-2, -1)).IsEmpty);
        Assert.True(Apply(Function.Log1p, new Interval(-1, 0)).Lo == double.NegativeInfinity);
        Assert.True(Apply(Function.Sqrt, new Interval(-1, 4)) is { Lo: 0, Hi: 2, MayBeNaN: true });
    }

    [Fact]
    public void Softplus_is_never_negative_and_log_sigmoid_never_positive()
    {
        Assert.Equal(0, Apply(Function.Softplus, Unbounded).Lo);
        Assert.Equal(0, Apply(Function.LogSigmoid, Unbounded).Hi);
        Assert.Equal(new Interval(-1, 1), Apply(Function.Tanh, Unbounded));
        Assert.Equal(0, Apply(Function.Abs, new Interval(-3, 2)).Lo);
        Assert.Equal(0, Apply(Function.LogCosh, new Interval(-3, 2)).Lo);
    }

    [Fact]
    public void Clamp_max_and_min_bound_a_range()
    {
        Interval clamped = FunctionRanges.Apply(Function.Clamp, new[] { Unbounded, Interval.Point(1e-7), Interval.Point(1) }, FloatingType.Single);
        Assert.Equal(new Interval(1e-7, 1), clamped);
        Assert.Equal(new Interval(-100, 0), FunctionRanges.Apply(Function.Max, new[] { new Interval(double.NegativeInfinity, 0), Interval.Point(-100) }, FloatingType.Single));
    }

    [Fact]
    public void Powers_find_negative_bases_and_zero_to_negative_exponents()
    {
        Assert.True(FunctionRanges.Power(new Interval(-1, 1), Interval.Point(0.5), FloatingType.Double).MayBeNaN);
        Assert.False(FunctionRanges.Power(new Interval(-1, 1), Interval.Point(3), FloatingType.Double).MayBeNaN);
        Assert.Equal(new Interval(0, 4), FunctionRanges.Power(new Interval(-2, 1), Interval.Point(2), FloatingType.Double));
        Assert.True(double.IsPositiveInfinity(FunctionRanges.Power(new Interval(0, 1), new Interval(-1, 2), FloatingType.Double).Hi));
        Assert.Equal(new Interval(0, 1), FunctionRanges.Power(new Interval(0, 1), new Interval(1, 5), FloatingType.Double));
    }

    [Fact]
    public void Interval_arithmetic_records_nan_from_infinities()
    {
        var infinite = new Interval(0, double.PositiveInfinity);
        Assert.True((infinite + -infinite).MayBeNaN);
        Assert.True((infinite * new Interval(0, 1)).MayBeNaN);
        Assert.False((new Interval(1, 2) * new Interval(-3, 4)).MayBeNaN);
        Assert.Equal(new Interval(-6, 8), new Interval(1, 2) * new Interval(-3, 4));
        Assert.Equal(new Interval(0.5, double.PositiveInfinity), new Interval(0, 2).Reciprocal());
        Assert.Equal(new Interval(double.NegativeInfinity, double.PositiveInfinity), new Interval(-1, 2).Reciprocal());
    }

    [Fact]
    public void Branch_conditions_narrow_what_they_compare()
    {
        Expr x = Ex.Sym("x"), beta = Ex.Sym("beta");
        var symbols = new Dictionary<string, Interval> { ["x"] = Unbounded, ["beta"] = Unbounded };
        var positive = new RangeAnalysis(symbols, FloatingType.Single, new PathCondition(Ex.Compare(CompareOp.Greater, x, Ex.Zero), true, null));
        Assert.Equal(float.Epsilon, positive.Of(x).Lo);
        Assert.False(positive.Of(Ex.Call(Function.Log, x)).MayBeNaN);

        // Not (x > 0) is x <= 0; and |x| < beta says beta > 0 (both sides of a comparison narrow).
        var notPositive = new RangeAnalysis(symbols, FloatingType.Single, new PathCondition(Ex.Compare(CompareOp.Greater, x, Ex.Zero), false, null));
        Assert.Equal(0, notPositive.Of(x).Hi);
        var inside = new RangeAnalysis(symbols, FloatingType.Single, new PathCondition(Ex.Compare(CompareOp.Less, Ex.Call(Function.Abs, x), beta), true, null));
        Assert.Equal(float.Epsilon, inside.Of(beta).Lo);

        // x != 0 cannot be an interval, but the analysis knows x is not 0.
        var nonZero = new RangeAnalysis(symbols, FloatingType.Single, new PathCondition(Ex.Compare(CompareOp.NotEqual, x, Ex.Zero), true, null));
        Assert.False(nonZero.CanBeZero(x));
        Assert.True(new RangeAnalysis(symbols, FloatingType.Single).CanBeZero(x));
    }

    [Fact]
    public void Next_values_step_by_one_unit_of_the_type()
    {
        Assert.Equal(MathF.BitIncrement(1f), FloatingType.Single.NextUp(1));
        Assert.Equal(MathF.BitDecrement(-2.5f), FloatingType.Single.NextDown(-2.5));
        Assert.Equal(Math.BitIncrement(0.0), FloatingType.Double.NextUp(0));
        Assert.Equal(Math.BitDecrement(3.0), FloatingType.Double.NextDown(3));
    }
}
