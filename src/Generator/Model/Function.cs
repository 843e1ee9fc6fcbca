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

    /// <summary>Not in the language: round half to even, used by the lowered form of x^y.</summary>
    Round,

    /// <summary>
    /// Not in the language: log1p(x) for x in [0, 1] given r = 1/(1 + x) as a second argument; softplus lowers
    /// to it as log1p(exp(-|x|)), sharing r with sigmoid's 1/(1 + exp(-|x|)).
    /// </summary>
    Log1pUnit,

    /// <summary>
    /// Not in the language: e^x for x ≤ 88.72 (where it cannot overflow) or NaN, without the overflow and NaN
    /// selects of Exp (about 20% cheaper): LogSumExp's exp(x - shift) in row kernels, whose shift keeps x - shift ≤ 64.
    /// </summary>
    ExpNoOverflow,
}

internal static class FunctionInfo
{
    /// <summary>Whether users can write it (the rest are produced by lowering, for the kernels only).</summary>
    public static bool IsLanguageFunction(this Function function) => function < Function.Round;

    public static int Arity(this Function function) => function switch
    {
        Function.Max or Function.Min or Function.Log1pUnit => 2,
        Function.Clamp => 3,
        _ => 1,
    };

    /// <summary>The lower-case name used in printed math and in the serialized form.</summary>
    public static string MathName(this Function function) => function switch
    {
        Function.Log1p => "log1p",
        Function.Expm1 => "expm1",
        Function.LogSigmoid => "logsigmoid",
        Function.Log1pUnit => "log1p",
        Function.ExpNoOverflow => "exp",
        Function.LogCosh => "logcosh",
        _ => function.ToString().ToLowerInvariant(),
    };
}
