using LossDsl.Generator.Helpers;

namespace LossDsl.Generator.Model;

/// <summary>
/// A compiled row loss: per row, a pass over the row for maxima (the shifts of LogSumExp, Max), a pass for
/// sums, the per-row program (the loss and, for the gradient, each aggregate's adjoint), and a gradient pass.
/// </summary>
/// <param name="Aggregates">The loss's aggregates, then the sums only the gradient reads (see <see cref="ForwardAggregates"/>).</param>
/// <param name="ForwardAggregates">How many of <see cref="Aggregates"/> the loss itself reads.</param>
/// <param name="MaxPass">Outputs: the element of each LogSumExp and Max aggregate, in aggregate order.</param>
/// <param name="ForwardSumPass">Outputs: per forward aggregate, the element of a Sum or exp(element - shift) of a LogSumExp; null for a Max.</param>
/// <param name="BackwardAggregates">How many of <see cref="Aggregates"/> the gradient reads (the loss's and its fix-up sums).</param>
/// <param name="BackwardSumPass">The same over the gradient's aggregates.</param>
/// <param name="ForwardRow">Output: the loss of the row.</param>
/// <param name="BackwardRow">Outputs: the loss, each aggregate's scaled adjoint (<see cref="Adjoint"/>), each fix-up (<see cref="Fixups"/>).</param>
/// <param name="GradientPass">Outputs: the gradient element of each [Wrt] row.</param>
/// <param name="Fixups">The indexed elements of [Wrt] rows: their gradient is added at the label after the pass.</param>
/// <param name="Hessian">GradientHessian's programs; null when the Hessian diagonal is not generated.</param>
internal sealed record RowKernelSpec(
    LossMethodSpec Method,
    EquatableArray<RowAggregate> Aggregates,
    int ForwardAggregates,
    int BackwardAggregates,
    KernelProgram MaxPass,
    KernelProgram ForwardSumPass,
    KernelProgram BackwardSumPass,
    KernelProgram ForwardRow,
    KernelProgram BackwardRow,
    KernelProgram GradientPass,
    EquatableArray<IndexedElement> Fixups,
    EquatableArray<DerivativeText> Derivatives,
    string LossText,
    RowHessianKernel? Hessian)
{
    /// <summary>Symbol of the gradient factor: 1/N, 1/Σw or 1 (the reduction), folded into adjoints.</summary>
    public const string Scale = "@scale";

    public static string Shift(int aggregate) => "@shift" + aggregate;

    public static string Adjoint(int aggregate) => "@adjoint" + aggregate;

    public static string Softmax(int aggregate) => "@softmax" + aggregate;

    /// <summary>Symbol of ∂²loss/∂Aₐ∂Aᵦ (a ≤ b), per row.</summary>
    public static string SecondAdjoint(int a, int b) => "@adjoint" + a + "_" + b;

    /// <summary>Whether GradientHessian (gradient and Hessian diagonal) is generated.</summary>
    public bool HasHessian => Hessian is not null;

    public static string Fixup(int fixup) => "@fixup" + fixup;
}

/// <summary>The programs of a row loss's GradientHessian (gradient and Hessian diagonal, unreduced).</summary>
/// <param name="SumPass">The sum pass over all aggregates (with the label terms' sums).</param>
/// <param name="Row">Outputs: the loss, each aggregate's adjoint, each gradient fix-up, each Hessian fix-up, each second adjoint (<see cref="SecondAdjoints"/>).</param>
/// <param name="Pass">Outputs: the gradient element of each [Wrt] row, then the Hessian diagonal element of each.</param>
/// <param name="SecondAdjoints">The pairs a ≤ b whose ∂²loss/∂Aₐ∂Aᵦ the row program computes, in output order.</param>
internal sealed record RowHessianKernel(KernelProgram SumPass, KernelProgram Row, KernelProgram Pass, EquatableArray<(int A, int B)> SecondAdjoints);
