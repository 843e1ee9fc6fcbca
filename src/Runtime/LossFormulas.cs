using System.Collections.Generic;

namespace LossDsl;

/// <summary>The formulas a generated loss was compiled from, as plain infix math.</summary>
/// <param name="Loss">The loss after inlining and simplification.</param>
/// <param name="Derivatives">For each differentiated input, its first and second derivative.</param>
public sealed record LossFormulas(string Loss, IReadOnlyList<DerivativeFormula> Derivatives);

/// <summary>The derivatives of a loss with respect to one input.</summary>
/// <param name="Input">The input's parameter name.</param>
/// <param name="Gradient">∂loss/∂input, simplified.</param>
/// <param name="Hessian">∂²loss/∂input², simplified; for a row loss the diagonal ∂²loss/∂x[j]² of its C × C Hessian (empty where that is not generated).</param>
public sealed record DerivativeFormula(string Input, string Gradient, string Hessian);
