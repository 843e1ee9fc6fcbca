using System;

namespace LossDsl;

/// <summary>
/// Marks a static method of a partial type as a loss. The LossDsl generator differentiates it and adds a
/// nested <c>{Method}Loss</c> class with vectorized Forward, Backward, ForwardBackward and GradientHessian kernels.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LossAttribute : Attribute;

/// <summary>
/// Marks a helper method that [Loss] methods may call: its body is inlined and differentiated with theirs.
/// It follows the same language rules as a [Loss] body but generates no kernels of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute;

/// <summary>A per-element input the loss is differentiated with respect to. Without any, the first parameter is.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class WrtAttribute : Attribute;

/// <summary>A scalar hyperparameter shared by every element (a constructor argument of the generated loss).</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class HyperAttribute : Attribute;

/// <summary>How the per-element losses are reduced to one value (PyTorch's <c>reduction</c>).</summary>
public enum Reduction
{
    /// <summary>The mean over elements; NaN over zero elements, as PyTorch. Gradients include the 1/N.</summary>
    Mean,

    /// <summary>The sum over elements; 0 over zero elements.</summary>
    Sum,
}
