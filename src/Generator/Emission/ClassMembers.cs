using System;
using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Emission;

/// <summary>The pieces element and row losses' classes share: properties, the formulas, and the width cascade.</summary>
internal static class ClassMembers
{
    private const string Kernels = "global::LossDsl.Kernels";

    /// <summary>
    /// A link to the [Loss] method: the cref fully qualified (a hyperparameter property may share the method's name),
    /// the text as users call it, <c>L.Huber(prediction, target, delta)</c> — language servers show a bare cref as
    /// <c>L.Huber(System.Single,System.Single,System.Single)</c>.
    /// </summary>
    /// <param name="typeOf">A parameter's type in the cref, given the scalar type's name there (float, double, or a generic loss's T).</param>
    public static string MethodLink(LossMethodSpec method, Func<ParameterSpec, string, string> typeOf)
    {
        string[] types = method.ContainingTypes.Select(t => t.Name).ToArray();
        // A generic method's cref names its type parameter: Huber{T}(T, T, T).
        string name = method.IsGeneric ? method.MethodName + "{" + method.TypeParameter + "}" : method.MethodName;
        string scalar = method.TypeParameter ?? Literals.Keyword(method.Type);
        string cref = "global::" + string.Join(".", new[] { method.Namespace }.Concat(types).Concat(new[] { name }).Where(s => s is not null))
            + $"({string.Join(", ", method.Parameters.Select(p => typeOf(p, scalar)))})";
        string text = string.Join(".", types.Concat(new[] { method.MethodName })) + $"({string.Join(", ", method.Parameters.Select(p => p.Name))})";
        return $"<see cref=\"{cref}\">{text}</see>";
    }

    /// <summary>The constructor's assignment of a hyperparameter, checked against its stated range if it has one.</summary>
    public static string HyperAssignment(ParameterSpec h)
    {
        string id = Naming.Identifier(h.Name);
        return h.Range is var (min, max)
            ? $"{Naming.Pascal(h.Name)} = {Kernels}.KernelGuard.InRange({id}, {Literals.Number(min, ScalarType.Double)}, {Literals.Number(max, ScalarType.Double)}, nameof({id}));"
            : $"{Naming.Pascal(h.Name)} = {id};";
    }

    public static void WriteHyperProperties(IndentedWriter w, IEnumerable<ParameterSpec> hypers, string t)
    {
        foreach (ParameterSpec h in hypers)
        {
            w.Line();
            w.Line($"/// <summary>The hyperparameter <c>{h.Name}</c>.</summary>");
            w.Line($"public {t} {Naming.Pascal(h.Name)} {{ get; }}");
        }
    }

    /// <summary>Reduction, DegreeOfParallelism and Formulas, in that order; <paramref name="unit"/> is "element" or "row".</summary>
    public static void WriteCommonProperties(IndentedWriter w, string unit, string formulasSummary, KernelSpec kernel)
    {
        w.Line();
        w.Line($"/// <summary>How the reduced members combine per-{unit} losses.</summary>");
        w.Line("public global::LossDsl.Reduction Reduction { get; }");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Threads a call may use (default 1). Inputs longer than one chunk are then split into fixed chunks;");
        w.Line("/// reduced values are bitwise identical for any value. At least 1.");
        w.Line("/// </summary>");
        w.Line($"public int DegreeOfParallelism {{ get => _degreeOfParallelism; init => _degreeOfParallelism = {Kernels}.KernelParallel.ValidDegree(value, nameof(DegreeOfParallelism)); }}");
        w.Line();
        w.Line("private readonly int _degreeOfParallelism = 1;");
        w.Line();
        w.Line($"/// <summary>{formulasSummary}</summary>");
        string formulas = string.Join(", ", kernel.Derivatives.Select(d =>
            $"new global::LossDsl.DerivativeFormula({Literals.String(d.Input)}, {Literals.String(d.Gradient)}, {Literals.String(d.Hessian)})"));
        string creation = $"public static global::LossDsl.LossFormulas Formulas {{ get; }} = new({Literals.String(kernel.LossText)}, new global::LossDsl.DerivativeFormula[] {{ {formulas} }})";
        // Rewrites and Accuracy default to empty: set only what the loss has.
        var initializers = new List<string>();
        if (kernel.Rewrites.Count > 0) initializers.Add($"Rewrites = new string[] {{ {string.Join(", ", kernel.Rewrites.Select(Literals.String))} }},");
        if (kernel.Accuracy.Count > 0)
        {
            initializers.Add($"Accuracy = new global::LossDsl.OutputAccuracy[] {{ {string.Join(", ", kernel.Accuracy.Select(a =>
                $"new global::LossDsl.OutputAccuracy({Literals.String(a.Output)}, {Literals.Number(a.MaxRelativeError, ScalarType.Double)}, {Literals.Number(a.MaxUlps, ScalarType.Double)}, {a.Points}, {a.NonFinite})"))} }},");
        }
        if (initializers.Count == 0)
        {
            w.Line(creation + ";");
            return;
        }
        w.Line(creation);
        w.Line("{");
        foreach (string initializer in initializers) w.Line("    " + initializer);
        w.Line("};");
    }

    /// <summary>
    /// The formulas as XML doc paragraphs: loss, then ∂ and (where there is one) ∂² per differentiated input. On the class
    /// and on its constructor, so hovering <c>new CauchyLoss(</c> shows them as hovering the type does.
    /// </summary>
    public static void WriteFormulas(IndentedWriter w, KernelSpec kernel, bool hessians)
    {
        w.Line($"/// <para>loss = {Literals.Xml(kernel.LossText)}</para>");
        foreach (DerivativeText d in kernel.Derivatives)
        {
            w.Line($"/// <para>∂loss/∂{Literals.Xml(d.Input)} = {Literals.Xml(d.Gradient)}</para>");
            if (hessians) w.Line($"/// <para>∂²loss/∂{Literals.Xml(d.Input)}² = {Literals.Xml(d.Hessian)}</para>");
        }
    }

    /// <summary>
    /// The class docs' stability paragraphs: each rewrite made (docs/stability.md), or that the method opted out, and
    /// the accuracy certificate of each output.
    /// </summary>
    public static void WriteStabilityDocs(IndentedWriter w, KernelSpec kernel)
    {
        if (!kernel.Method.Rewrite)
        {
            w.Line("/// <para>Stable rewrites: off ([Loss(Rewrite = false)]); the kernels compute the method as written.</para>");
        }
        else if (kernel.Rewrites.Count > 0)
        {
            w.Line("/// <para>Rewritten to stable forms (the formulas above are what the kernels compute):</para>");
            foreach (string rewrite in kernel.Rewrites) w.Line($"/// <para>rewritten: {Literals.Xml(rewrite)}</para>");
        }
        if (kernel.Accuracy.Count == 0) return;
        string reference = kernel.Method.Type == ScalarType.Float ? "the same math in double" : "the same math in double-double";
        w.Line($"/// <para>Accuracy of the kernels' {Literals.Keyword(kernel.Method.Type)} arithmetic at {Accuracy.Certificate.PointCount} points, measured by the generator against {reference} (docs/stability.md):</para>");
        foreach (OutputAccuracy a in kernel.Accuracy) w.Line($"/// <para>{Literals.Xml(a.Output)}: {Literals.Xml(a.Describe())}</para>");
    }

    /// <summary>
    /// The vector widths a kernel tries, widest first, then the scalar tail: each with the condition it runs under
    /// (null: always) and its ops and vector types.
    /// </summary>
    public static IEnumerable<(string? Condition, string Ops, string Vector)> Widths(string t)
    {
        foreach (string width in new[] { "512", "256", "128" })
        {
            string ops = $"{Kernels}.Simd{width}<{t}>";
            yield return ($"{ops}.IsHardwareAccelerated", ops, $"global::System.Runtime.Intrinsics.Vector{width}<{t}>");
        }
        yield return (null, $"{Kernels}.ScalarOps<{t}>", t);
    }
}
