using System.Numerics;

namespace LossDsl;

// The loss-language functions for a generic [Loss] over T (`static T Huber<T>(…) where T : IFloatingPointIeee754<T>`),
// so a body written with `using static LossDsl.LossMath` reads the same generic or not. Each computes as its
// float/double overload does (in double, rounded to T once), so a generic loss called at float gives exactly
// what the float overload gives.
public static partial class LossMath
{
    public static T Abs<T>(T x) where T : IFloatingPointIeee754<T> => T.Abs(x);
    public static T Sign<T>(T x) where T : IFloatingPointIeee754<T> => Via(x, StableMath.Sign);
    public static T Exp<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x);
    public static T Log<T>(T x) where T : IFloatingPointIeee754<T> => T.Log(x);
    public static T Log1p<T>(T x) where T : IFloatingPointIeee754<T> => Via(x, StableMath.Log1p);
    public static T Expm1<T>(T x) where T : IFloatingPointIeee754<T> => Via(x, StableMath.Expm1);
    public static T Sqrt<T>(T x) where T : IFloatingPointIeee754<T> => T.Sqrt(x);
    public static T Square<T>(T x) where T : IFloatingPointIeee754<T> => x * x;
    public static T Pow<T>(T x, T y) where T : IFloatingPointIeee754<T> => T.Pow(x, y);
    public static T Max<T>(T a, T b) where T : IFloatingPointIeee754<T> => T.CreateTruncating(StableMath.Max(double.CreateTruncating(a), double.CreateTruncating(b)));
    public static T Min<T>(T a, T b) where T : IFloatingPointIeee754<T> => T.CreateTruncating(StableMath.Min(double.CreateTruncating(a), double.CreateTruncating(b)));
    public static T Clamp<T>(T x, T low, T high) where T : IFloatingPointIeee754<T> =>
        T.CreateTruncating(StableMath.Clamp(double.CreateTruncating(x), double.CreateTruncating(low), double.CreateTruncating(high)));
    public static T Sigmoid<T>(T x) where T : IFloatingPointIeee754<T> => Via(x, StableMath.Sigmoid);
    public static T Softplus<T>(T x) where T : IFloatingPointIeee754<T> => Via(x, StableMath.Softplus);
    public static T LogSigmoid<T>(T x) where T : IFloatingPointIeee754<T> => Via(x, StableMath.LogSigmoid);
    public static T Tanh<T>(T x) where T : IFloatingPointIeee754<T> => T.Tanh(x);
    public static T LogCosh<T>(T x) where T : IFloatingPointIeee754<T> => Via(x, StableMath.LogCosh);

    private static T Via<T>(T x, System.Func<double, double> f) where T : IFloatingPointIeee754<T> => T.CreateTruncating(f(double.CreateTruncating(x)));
}
