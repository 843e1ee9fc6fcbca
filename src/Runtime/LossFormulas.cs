using System.Collections.Generic;
using System.Text;

namespace LossDsl;

/// <summary>The formulas a generated loss was compiled from, as plain infix math.</summary>
/// <param name="Loss">The loss after inlining and simplification.</param>
/// <param name="Derivatives">For each differentiated input, its first and second derivative.</param>
public sealed record LossFormulas(string Loss, IReadOnlyList<DerivativeFormula> Derivatives)
{
    /// <summary>
    /// The loss, then ∂/∂input and ∂²/∂input² of each differentiated input, a line each (separated by \n):
    /// <c>loss = …</c>, <c>∂loss/∂x = …</c>, <c>∂²loss/∂x² = …</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("loss = ").Append(Loss);
        foreach (DerivativeFormula derivative in Derivatives) text.Append('\n').Append(derivative);
        return text.ToString();
    }
}

/// <summary>The derivatives of a loss with respect to one input.</summary>
/// <param name="Input">The input's parameter name (<c>x[j]</c> for element j of a row).</param>
/// <param name="Gradient">∂loss/∂input, simplified.</param>
/// <param name="Hessian">∂²loss/∂input², simplified; for a row loss the diagonal ∂²loss/∂x[j]² of its C × C Hessian (empty where that is not generated).</param>
public sealed record DerivativeFormula(string Input, string Gradient, string Hessian)
{
    /// <summary><c>∂loss/∂input = …</c>, and on a second line <c>∂²loss/∂input² = …</c> when there is a Hessian.</summary>
    public override string ToString() =>
        Hessian.Length == 0 ? $"∂loss/∂{Input} = {Gradient}" : $"∂loss/∂{Input} = {Gradient}\n∂²loss/∂{Input}² = {Hessian}";
}
