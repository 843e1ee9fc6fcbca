using System;

namespace LossDsl;

/// <summary>
/// Marks a static method of a partial type as a loss. The LossDsl generator differentiates it and adds a
/// nested <c>{Method}Loss</c> class with vectorized Forward, Backward, ForwardBackward and GradientHessian kernels.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LossAttribute : Attribute
{
    /// <summary>
    /// Whether the generated kernels compute the stable equivalents of unstable spellings (default true):
    /// <c>Log(Sigmoid(z))</c> as <c>LogSigmoid(z)</c>, <c>Log(1 + Exp(x))</c> as <c>Softplus(x)</c>, 1 - pₜ of a focal
    /// loss as σ(-z)·y + σ(z)·(1 - y), … (each listed in the class's XML docs and <c>Formulas.Rewrites</c>). False keeps
    /// the literal IEEE semantics of the method as written. See docs/stability.md.
    /// </summary>
    public bool Rewrite { get; set; } = true;
}

/// <summary>
/// Marks a helper method that [Loss] methods may call: its body is inlined and differentiated with theirs.
/// It follows the same language rules as a [Loss] body but generates no kernels of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute;

/// <summary>
/// The closed interval <c>[Min, Max]</c> a parameter's values lie in, for what the compiler cannot see (a
/// probability in [0, 1], a variance floor above 0). The numerical-stability analyzers (LD2xxx) assume it;
/// the generated constructor enforces a hyperparameter's (an <see cref="ArgumentOutOfRangeException"/>); per-element inputs are not checked, so state only what callers guarantee. <see cref="WrtAttribute"/>,
/// <see cref="HyperAttribute"/> and <see cref="DomainAttribute"/> all carry it.
/// </summary>
public abstract class ParameterRangeAttribute : Attribute
{
    /// <summary>The smallest value the parameter takes (inclusive); unbounded by default.</summary>
    public double Min { get; set; } = double.NegativeInfinity;

    /// <summary>The largest value the parameter takes (inclusive); unbounded by default.</summary>
    public double Max { get; set; } = double.PositiveInfinity;
}

/// <summary>
/// A per-element input the loss is differentiated with respect to. Without any, the first parameter is.
/// <c>Min</c>/<c>Max</c> state its range for the stability analyzers.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class WrtAttribute : ParameterRangeAttribute;

/// <summary>
/// A scalar hyperparameter shared by every element (a constructor argument of the generated loss).
/// <c>Min</c>/<c>Max</c> state its range for the stability analyzers, e.g. <c>[Hyper(Min = 1)] float gamma</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class HyperAttribute : ParameterRangeAttribute
{
    /// <summary>
    /// The generated constructor's default where C# cannot write one: a generic loss's <c>T</c> parameter takes only
    /// <c>= default</c>, so <c>[Hyper(Default = 2)] T gamma</c> says it. A C# default value, where there is one, wins.
    /// NaN (the default) means none.
    /// </summary>
    public double Default { get; set; } = double.NaN;
}

/// <summary>
/// The range of a plain input (a target, a probability), e.g. <c>[Domain(Min = 0, Max = 1)] float target</c>:
/// the stability analyzers assume it. Differentiated inputs and hyperparameters say it on [Wrt] or [Hyper].
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DomainAttribute : ParameterRangeAttribute;

/// <summary>How the per-element losses are reduced to one value (PyTorch's <c>reduction</c>).</summary>
public enum Reduction
{
    /// <summary>The mean over elements; NaN over zero elements, as PyTorch. Gradients include the 1/N.</summary>
    Mean,

    /// <summary>The sum over elements; 0 over zero elements.</summary>
    Sum,
}

/// <summary>
/// On the <c>int</c> class-label parameter of a row loss: the label value that marks a row to skip (PyTorch's
/// <c>ignore_index</c>). Such a row has loss 0 and gradient 0 and does not count in the mean. The generated
/// constructor takes <c>ignoreIndex</c>, defaulting to this value.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class IgnoreIndexAttribute(int value) : Attribute
{
    /// <summary>The default ignored label (PyTorch's is -100).</summary>
    public int Value { get; } = value;
}

/// <summary>
/// On a <c>[Hyper] ReadOnlySpan&lt;T&gt;</c> parameter of a row loss: per-class weights, indexed by the loss's
/// <c>int</c> label. The mean reduction then divides by the summed weight of the rows' labels instead of the
/// row count (PyTorch's weighted mean for <c>CrossEntropyLoss(weight=…)</c> and <c>NLLLoss(weight=…)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ClassWeightsAttribute : Attribute;
