namespace LossDsl.Generator.Model;

/// <summary>The functions of the loss language. Square is not here: it is parsed as <c>x^2</c>.</summary>
internal enum Function
{
    Abs,
    Sign,
    Exp,
    Log,
    Log1p,
    Expm1,
    Sqrt,
    Max,
    Min,
    Clamp,
    Sigmoid,
    Softplus,
    LogSigmoid,
    Tanh,
    LogCosh,

    /// <summary>
    /// Not in the language: <c>x^y</c> given <c>log|x|</c> as a third argument, produced by
    /// <see cref="Simplification.Lowering"/> so powers of one base share one logarithm.
    /// </summary>
    PowWithLog,
}

internal static class FunctionInfo
{
    public static int Arity(this Function function) => function switch
    {
        Function.Max or Function.Min => 2,
        Function.Clamp or Function.PowWithLog => 3,
        _ => 1,
    };

    /// <summary>The lower-case name used in printed math and in the serialized form.</summary>
    public static string MathName(this Function function) => function switch
    {
        Function.Log1p => "log1p",
        Function.Expm1 => "expm1",
        Function.LogSigmoid => "logsigmoid",
        Function.LogCosh => "logcosh",
        _ => function.ToString().ToLowerInvariant(),
    };
}
