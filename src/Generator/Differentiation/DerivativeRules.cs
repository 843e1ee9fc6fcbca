using System.Collections.Immutable;
using LossDsl.Generator.Model;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Differentiation;

/// <summary>
/// One table of local derivatives: ∂f/∂(argument i) for each function, as SymPy's <c>fdiff</c>. The chain
/// rule is applied once, generically, in <see cref="Differentiator"/>.
/// </summary>
/// <remarks>
/// Subgradients at kinks (documented in docs/dsl-reference.md):
/// <c>|x|' = sign(x)</c>, so 0 at 0 (PyTorch's <c>abs</c>); <c>sign' = 0</c>. Max, Min and Clamp are not here:
/// their derivatives are selects that carry the argument's derivative into the taken branch (see
/// <see cref="Differentiator"/>), so a discarded branch's ∞ never meets a 0 and makes NaN.
/// </remarks>
internal static class DerivativeRules
{
    public static Expr Local(Function function, ImmutableArray<Expr> args, int argument)
    {
        Expr x = args[0];
        return function switch
        {
            Function.Abs => Call(Function.Sign, x),
            Function.Sign => Zero,
            Function.Exp => Call(Function.Exp, x),
            Function.Log => Pow(x, MinusOne),
            Function.Log1p => Pow(Add(One, x), MinusOne),
            Function.Expm1 => Call(Function.Exp, x),
            Function.Sqrt => Div(Const(0.5), Call(Function.Sqrt, x)),
            // σ(x)σ(-x), not s(1 - s): 1 - s is 0 once s rounds to 1 (x > 17 in float), σ(-x) keeps its digits.
            // Both share exp(-|x|) once lowered, and the product is exactly 0 where one saturates (no NaN at |x| = 1e4).
            Function.Sigmoid => Mul(Call(Function.Sigmoid, x), Call(Function.Sigmoid, Neg(x))),
            Function.Softplus => Call(Function.Sigmoid, x),
            Function.LogSigmoid => Call(Function.Sigmoid, Neg(x)),
            // sech²(x) = 4σ(2x)σ(-2x), not 1 - tanh²(x), which cancels to 0 once tanh rounds to ±1 (|x| > 9 in float).
            Function.Tanh => Mul(Const(4), Call(Function.Sigmoid, Mul(Const(2), x)), Call(Function.Sigmoid, Mul(Const(-2), x))),
            Function.LogCosh => Call(Function.Tanh, x),
            _ => throw new System.ArgumentOutOfRangeException(nameof(function), function, "Has no local derivative rule; see Differentiator."),
        };
    }
}
