using System.Collections.Generic;
using System.Text;

namespace LossDsl;

/// <summary>The formulas a generated loss was compiled from, as plain infix math.</summary>
/// <param name="Loss">The loss after inlining and simplification.</param>
/// <param name="Derivatives">For each differentiated input, its first and second derivative.</param>
public sealed record LossFormulas(string Loss, IReadOnlyList<DerivativeFormula> Derivatives)
{
    /// <summary>
    /// The stable rewrites the generator made, so the formulas above are what the kernels compute, not the method
    /// as written: <c>log(sigmoid(z)) → logsigmoid(z)</c> (docs/stability.md). Empty with <c>[Loss(Rewrite = false)]</c>.
    /// </summary>
    public IReadOnlyList<string> Rewrites { get; init; } = [];

    /// <summary>
    /// The accuracy certificate: for the loss and each derivative, the worst error of the kernel's arithmetic against
    /// the same math in higher precision (double for float kernels, double-double for double), measured by the
    /// generator at 2048 points (docs/stability.md). Empty for row losses.
    /// </summary>
    public IReadOnlyList<OutputAccuracy> Accuracy { get; init; } = [];

    /// <summary>
    /// The loss, then ∂/∂input and ∂²/∂input² of each differentiated input, then each rewrite, a line each (separated
    /// by \n): <c>loss = …</c>, <c>∂loss/∂x = …</c>, <c>∂²loss/∂x² = …</c>, <c>rewritten: … → …</c>.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder("loss = ").Append(Loss);
        foreach (DerivativeFormula derivative in Derivatives) text.Append('\n').Append(derivative);
        foreach (string rewrite in Rewrites) text.Append("\nrewritten: ").Append(rewrite);
        return text.ToString();
    }
}

/// <summary>How accurate one output of a generated kernel is, measured when it was generated.</summary>
/// <param name="Output"><c>loss</c>, <c>∂loss/∂x</c> or <c>∂²loss/∂x²</c>.</param>
/// <param name="MaxRelativeError">The worst |kernel − exact| / max(|exact|, 2^(−p/2)) where both are finite (p = 24 bits for float, 53 for double).</param>
/// <param name="MaxUlps"><paramref name="MaxRelativeError"/> in units of the precision's epsilon (2⁻²³ for float, 2⁻⁵² for double).</param>
/// <param name="Points">Sampled points where the exact value is finite.</param>
/// <param name="NonFinite">Of those, the points where the kernel's value is ∞ or NaN (0 for a kernel without hazards).</param>
public sealed record OutputAccuracy(string Output, double MaxRelativeError, double MaxUlps, int Points, int NonFinite);

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
