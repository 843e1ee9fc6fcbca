using LossDsl.Generator.Helpers;

namespace LossDsl.Generator.Model;

/// <summary>
/// A compiled loss: the method, its derivatives and the straight-line program that computes them all.
/// <see cref="Program"/>'s outputs are the loss, then for each [Wrt] input its gradient and its Hessian.
/// </summary>
internal sealed record KernelSpec(
    LossMethodSpec Method,
    KernelProgram? Program,
    EquatableArray<Specialization> Specializations,
    EquatableArray<DerivativeText> Derivatives,
    string LossText,
    string SerializedBody,
    string? Failure,
    RowKernelSpec? Rows = null)
{
    /// <summary>The stable rewrites made (docs/stability.md), printed: "log(sigmoid(z)) → logsigmoid(z)".</summary>
    public EquatableArray<string> Rewrites { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The accuracy certificate: one entry per output (loss, then each gradient and Hessian).</summary>
    public EquatableArray<OutputAccuracy> Accuracy { get; init; } = EquatableArray<OutputAccuracy>.Empty;

    public static int GradientOutput(int wrtIndex) => 1 + 2 * wrtIndex;

    public static int HessianOutput(int wrtIndex) => 2 + 2 * wrtIndex;
}

/// <summary>
/// A program for hyperparameter values known ahead, run when the hyperparameters hold them: a hyperparameter used as
/// an exponent then makes x^γ a product instead of exp(γ·log x) (focal's γ = 2: about 2.4× faster), and exact where
/// γ is a small integer. <see cref="IsDefault"/>: the values are the defaults (several hyperparameters at once);
/// otherwise one exponent hyperparameter at a small integer.
/// </summary>
internal sealed record Specialization(EquatableArray<SpecializedHyper> Hypers, KernelProgram Program, bool IsDefault)
{
    /// <summary>What the kernel methods' names carry: AtDefaults, or AtGamma3.</summary>
    public string Suffix => IsDefault ? "AtDefaults" : "At" + Helpers.Naming.Pascal(Hypers[0].Name) + Hypers[0].Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record SpecializedHyper(string Name, double Value);

/// <summary>The printed derivatives of the loss with respect to one input.</summary>
internal sealed record DerivativeText(string Input, string Gradient, string Hessian);
