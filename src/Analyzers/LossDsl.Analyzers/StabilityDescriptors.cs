using System.Collections.Immutable;
using LossDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LossDsl.Analyzers;

/// <summary>The LD2xxx numerical-stability warnings. Message: '{0}' (the expression) {1} (what goes wrong); {2} (what to do).</summary>
internal static class StabilityDescriptors
{
    private const string Category = "LossDsl.Numerics";
    private const string HelpRoot = "https://github.com/lossdsl/lossdsl/blob/main/docs/diagnostics/";

    private static DiagnosticDescriptor Warning(string id, string title, string description, string message = "'{0}' {1}; {2}") =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpRoot + id + ".md");

    public static readonly DiagnosticDescriptor LogOfNonPositive = Warning(DiagnosticIds.LogOfNonPositive,
        "Log of a value that can be 0 or negative",
        "Log(x) is -∞ at x = 0 and NaN below; Log1p(x) at and below -1. A float Sigmoid reaches exactly 0 and 1, so Log(Sigmoid(z)) and Log(1 - Sigmoid(z)) do too.");

    public static readonly DiagnosticDescriptor ExpOverflow = Warning(DiagnosticIds.ExpOverflow,
        "Exp can overflow",
        "Exp(x) is ∞ for x > 88.72 in float (709.78 in double); Log(1 + Exp(x)), Exp(x)/(1 + Exp(x)) and Log(Exp(a) + Exp(b)) then turn ∞ into ∞ or NaN where the math is finite.");

    public static readonly DiagnosticDescriptor PreferLog1p = Warning(DiagnosticIds.PreferLog1p,
        "Use Log1p(x) for Log(1 + x)",
        "1 + x rounds away the digits of a small x before the log sees them; Log1p(x) keeps them.");

    public static readonly DiagnosticDescriptor PreferExpm1 = Warning(DiagnosticIds.PreferExpm1,
        "Use Expm1(x) for Exp(x) - 1 and 1 - Exp(x)",
        "Exp(x) - 1 and 1 - Exp(x) cancel to a few correct digits (or 0) for a small x; Expm1(x) is accurate there.");

    public static readonly DiagnosticDescriptor SqrtOfNegative = Warning(DiagnosticIds.SqrtOfNegative,
        "Sqrt of a value that can be negative",
        "Sqrt(x) is NaN for x < 0; at x = 0 the value is fine but the gradient is not, which LD2008 reports.");

    public static readonly DiagnosticDescriptor PowSingularity = Warning(DiagnosticIds.PowSingularity,
        "Pow with a base that can be negative or 0",
        "Pow(b, e) is NaN for a negative b and a non-integer e, and ∞ for b = 0 and e < 0 (the focal loss's (1 - pₜ)^γ with an unconstrained γ). For 0 < e < 1 the gradient is the problem: see LD2008.");

    public static readonly DiagnosticDescriptor DivisionByZero = Warning(DiagnosticIds.DivisionByZero,
        "Division by a value that can be 0",
        "Division x / y is ±∞ or NaN where y = 0.");

    public static readonly DiagnosticDescriptor GradientSingularity = Warning(DiagnosticIds.GradientSingularity,
        "The gradient or Hessian is infinite where the value is finite",
        "The generated gradient and Hessian differentiate this operation; its first or second derivative has a pole where its value does not (Sqrt and Pow(x, e < 2) at 0), so the chain rule gives ∞ or 0·∞ = NaN. Found by differentiating each operation twice with the generator's own rules.");

    public static readonly DiagnosticDescriptor ArgumentOutsideStatedRange = Warning(DiagnosticIds.ArgumentOutsideStatedRange,
        "An argument can fall outside the range its parameter states",
        "A [Loss] or [Differentiable] method's stated Min/Max are what its own analysis assumed; a caller passing values outside them can get NaN or ∞ from a formula that was safe on its domain.");

    public static readonly DiagnosticDescriptor ContradictoryRange = Warning(DiagnosticIds.ContradictoryRange,
        "A stated range cannot hold",
        "Min and Max on [Wrt], [Hyper] and [Domain] are what the LD2xxx analysis assumes; an empty range (Min above Max, a NaN bound) would make it assume nothing can happen, and a default outside the range breaks the assumption at the first call.",
        message: "The range stated for '{0}' {1}; the stability analysis assumes it, so fix the bounds (or the default)");

    public static readonly DiagnosticDescriptor InaccurateKernel = Warning(DiagnosticIds.InaccurateKernel,
        "A generated kernel is inaccurate where the exact value is finite",
        "The accuracy certificate: each output of the kernel the generator emits (loss, gradient, Hessian) is evaluated in its own precision at 2048 points across the inputs' stated ranges and compared with a higher-precision evaluation of the same math. This warns where an output is ∞ or NaN, or has lost more than half its bits, while the exact value is finite: the generic form of every LD2xxx hazard, found by measurement (docs/stability.md).",
        message: "The generated {0} of '{1}' is {2}, where the exact value is finite and moderate (worst at {3}); {4}");

    /// <summary>The rules about the loss's numerics (<see cref="StabilityAnalyzer"/>).</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        LogOfNonPositive, ExpOverflow, PreferLog1p, PreferExpm1, SqrtOfNegative, PowSingularity, DivisionByZero, GradientSingularity,
        ArgumentOutsideStatedRange);

    /// <summary>Every LD2xxx descriptor, for documentation and release tracking.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Everything { get; } = All.Add(ContradictoryRange).Add(InaccurateKernel);

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (DiagnosticDescriptor descriptor in All)
        {
            if (descriptor.Id == id) return descriptor;
        }
        throw new System.ArgumentOutOfRangeException(nameof(id), id, "Not an LD2xxx rule.");
    }
}
