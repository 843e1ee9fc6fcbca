using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Emission;

/// <summary>
/// The class of a row loss: public members over flattened [rows × width] spans, and per row a max pass, a sum
/// pass, the per-row program and a gradient pass, each pass written once for every vector width.
/// </summary>
internal sealed partial class RowLossEmitter
{
    private const string Kernels = "global::LossDsl.Kernels";
    private const string Guard = Kernels + ".KernelGuard";
    private const string RowGuard = Kernels + ".RowGuard";
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    private static readonly Regex GeneratedLocal = new("^(t|c|agg|shift|adjoint|softmax|invSum|max|sum|acc|fixup|out)[0-9]+$");
    private static readonly HashSet<string> ReservedLocals = new()
    {
        "i", "j", "r", "rows", "start", "end", "chunkRows", "pinned", "pinnedLabels", "width", "total", "loss", "block", "next", "scale", "C", "S", "V", "TVec", "storeLosses", "denominator",
    };

    private enum PassKind { Max, Sum, Gradient, Hessian }

    /// <summary>What a per-row method computes: the loss; the loss and the reduced gradient; the unreduced gradient and Hessian diagonal.</summary>
    private enum RowMode { Forward, Backward, Hessian }

    private readonly KernelSpec _kernel;
    private readonly RowKernelSpec _spec;
    private readonly LossMethodSpec _method;
    private readonly IndentedWriter _w;
    private readonly string _t;
    private readonly List<ParameterSpec> _inputs, _rows, _hyperRows, _labels, _perRow, _hypers, _wrts;
    private readonly ParameterSpec? _weights;
    private readonly Dictionary<string, string> _locals = new();

    // LogSumExp aggregates over a [Wrt] row: the sum pass stores exp(x - shift) in that row's gradient, and the
    // gradient pass reads softmax as that times 1/sum, so each element needs one exp.
    private readonly Dictionary<int, string> _softmaxRow = new();

    // The speculative shift (the previous row's maximum): only when the max pass serves LogSumExps of plain rows
    // alone; a Max aggregate needs its exact maximum every row.
    private readonly bool _speculates;

    public RowLossEmitter(KernelSpec kernel, IndentedWriter writer)
    {
        _kernel = kernel;
        _spec = kernel.Rows!;
        _method = kernel.Method;
        _w = writer;
        _t = Literals.Keyword(_method.Type);
        var parameters = _method.Parameters.ToList();
        _inputs = parameters.Where(p => p.Role == ParameterRole.Input).ToList();
        _rows = _inputs.Where(p => p.Shape == ParameterShape.Row).ToList();
        _labels = _inputs.Where(p => p.Shape == ParameterShape.Label).ToList();
        _perRow = _inputs.Where(p => p.Shape == ParameterShape.Scalar).ToList();
        _hyperRows = parameters.Where(p => p.Role == ParameterRole.Hyper && p.Shape == ParameterShape.Row).ToList();
        _hypers = parameters.Where(p => p.Role == ParameterRole.Hyper && p.Shape == ParameterShape.Scalar).ToList();
        _wrts = parameters.Where(p => p.IsWrt).ToList();
        _weights = _hyperRows.FirstOrDefault(p => p.IsClassWeights);

        foreach (ParameterSpec p in parameters)
        {
            _locals[p.Shape == ParameterShape.Row ? RowShape.Element(p.Name) : p.Name] = Local(p.Name);
        }
        foreach (IndexedElement indexed in _method.Rows!.Indexed) _locals[indexed.Name] = Naming.Identifier(indexed.Row + "_" + indexed.Label);
        for (int a = 0; a < _spec.Aggregates.Count; a++)
        {
            _locals[_spec.Aggregates[a].Name] = "agg" + a;
            _locals[RowKernelSpec.Shift(a)] = "shift" + a;
            _locals[RowKernelSpec.Adjoint(a)] = "adjoint" + a;
            _locals[RowKernelSpec.Softmax(a)] = "softmax" + a;
            for (int b = a; b < _spec.Aggregates.Count; b++) _locals[RowKernelSpec.SecondAdjoint(a, b)] = $"adjoint{a}_{b}";
            if (a < _spec.ForwardAggregates && _spec.Aggregates[a] is { Kind: AggregateKind.LogSumExp, Element: Symbol element }
                && _wrts.FirstOrDefault(w => RowShape.Element(w.Name) == element.Name) is { } row)
            {
                _softmaxRow[a] = row.Name;
            }
        }
        var forward = _spec.Aggregates.Take(_spec.ForwardAggregates).ToList();
        _speculates = forward.Any(a => a.Kind == AggregateKind.LogSumExp)
            && forward.All(a => a.Kind == AggregateKind.Sum || a is { Kind: AggregateKind.LogSumExp, Element: Symbol });
        _locals[RowKernelSpec.Scale] = "scale";
        _locals[RowShape.Width] = "C";
    }

    // A user's name as a local of the kernels, kept clear of the names the kernels declare themselves.
    private static string Local(string name)
    {
        bool clash = ReservedLocals.Contains(name) || GeneratedLocal.IsMatch(name)
            || name.EndsWith("Data") || name.EndsWith("Row") || name.EndsWith("Value") || name.EndsWith("Ignore") || name.Contains("_");
        return Naming.Identifier(clash ? name + "_" : name);
    }

    private static string Id(string name) => Naming.Identifier(name);

    private static string Gradient(ParameterSpec p) => p.Name + "Gradient";

    private static string Hessian(ParameterSpec p) => p.Name + "Hessian";

    private string ElementType(ParameterSpec p) => p.Shape == ParameterShape.Label ? "int" : _t;

    private string MethodLink => ClassMembers.MethodLink(_method, (p, scalar) => p.Shape switch
    {
        ParameterShape.Row => $"global::System.ReadOnlySpan{{{scalar}}}",
        ParameterShape.Label => "int",
        _ => scalar,
    });

    private string IgnoreProperty(ParameterSpec label) =>
        _labels.Count(l => l.IgnoreIndex is not null) == 1 ? "IgnoreIndex" : Naming.Pascal(label.Name) + "IgnoreIndex";

    private static string IgnoreParameter(string property) => char.ToLowerInvariant(property[0]) + property.Substring(1);

    public void Write()
    {
        _w.Line($"/// <summary>Vectorized kernels for the row loss {MethodLink}, generated by LossDsl.</summary>");
        _w.Line("/// <remarks>");
        ClassMembers.WriteFormulas(_w, _kernel, _spec.HasHessian);
        _w.Line("/// <para>");
        _w.Line("/// Row inputs are flattened [rows × width] spans (row r is elements [r·width, (r+1)·width)); labels and");
        _w.Line("/// per-row inputs have one value per row. The mean reduction divides by the rows counted" + (_weights is null ? "" : ", each weighted by its label's class weight") + ".");
        _w.Line("/// </para>");
        ClassMembers.WriteStabilityDocs(_w, _kernel);
        _w.Line("/// </remarks>");
        _w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"LossDsl.Generator\", \"{LossEmitter.GeneratorVersion}\")]");
        using (_w.Block($"{_method.Accessibility} sealed partial class {_method.ClassName}{Interfaces}"))
        {
            WriteConstructorAndProperties();
            WriteMember("Forward", reduces: true, perRow: false, gradient: false,
                "The loss reduced over rows (<see cref=\"Reduction\"/>): the mean is NaN over zero counted rows, the sum 0.");
            WriteMember("Forward", reduces: false, perRow: true, gradient: false,
                "The loss of every row, unreduced (0 for an ignored row).");
            WriteMember("Backward", reduces: false, perRow: false, gradient: true,
                "The gradient of the reduced loss (for <see cref=\"LossDsl.Reduction.Mean\"/> it includes the 1/N) for each differentiated row input.");
            WriteMember("ForwardBackward", reduces: true, perRow: false, gradient: true, "The reduced loss and its gradients, fused.");
            if (_spec.HasHessian) WriteGradientHessian();
            WriteDenominator();
            WriteRows(RowMode.Forward);
            WriteRows(RowMode.Backward);
            if (_spec.HasHessian) WriteRows(RowMode.Hessian);
            WritePass("MaxPass", _spec.MaxPass, PassKind.Max, AggregateIndices(AggregateKind.Max, AggregateKind.LogSumExp, _spec.ForwardAggregates), storeSoftmax: false);
            WritePass("SumPass", _spec.ForwardSumPass, PassKind.Sum, AggregateIndices(AggregateKind.Sum, AggregateKind.LogSumExp, _spec.ForwardAggregates), storeSoftmax: false);
            WritePass("BackwardSumPass", _spec.BackwardSumPass, PassKind.Sum, AggregateIndices(AggregateKind.Sum, AggregateKind.LogSumExp, _spec.BackwardAggregates), storeSoftmax: true);
            WritePass("GradientPass", _spec.GradientPass, PassKind.Gradient, Enumerable.Range(0, _wrts.Count).ToList(), storeSoftmax: false);
            if (_spec.HasHessian)
            {
                WritePass("HessianSumPass", _spec.Hessian!.SumPass, PassKind.Sum, AggregateIndices(AggregateKind.Sum, AggregateKind.LogSumExp, _spec.Aggregates.Count), storeSoftmax: true);
                WritePass("HessianPass", _spec.Hessian.Pass, PassKind.Hessian, Enumerable.Range(0, 2 * _wrts.Count).ToList(), storeSoftmax: false);
            }
        }
    }

    // Scores against a label, or a prediction row against a target row: the shapes a training loop takes.
    private string Interfaces => _spec.HasHessian && _inputs.Count == 2 && _inputs[0].IsWrt && _inputs[0].Shape == ParameterShape.Row
        ? _inputs[1].Shape switch
        {
            ParameterShape.Label => $" : global::LossDsl.IClassificationLoss<{_t}>",
            ParameterShape.Row when !_inputs[1].IsWrt => $" : global::LossDsl.IRowLoss<{_t}>",
            _ => "",
        }
        : "";

    private List<int> AggregateIndices(AggregateKind first, AggregateKind second, int count) =>
        Enumerable.Range(0, count).Where(a => _spec.Aggregates[a].Kind == first || _spec.Aggregates[a].Kind == second).ToList();

    private void WriteConstructorAndProperties()
    {
        _w.Line($"/// <summary>Creates the loss; hyperparameters default to those of {MethodLink}.</summary>");
        _w.Line("/// <remarks>");
        ClassMembers.WriteFormulas(_w, _kernel, _spec.HasHessian);
        _w.Line("/// </remarks>");
        foreach (ParameterSpec h in _hyperRows) _w.Line($"/// <param name=\"{h.Name}\">The per-class values <c>{h.Name}</c>, one per class (copied).</param>");
        foreach (ParameterSpec h in _hypers) _w.Line($"/// <param name=\"{h.Name}\">The hyperparameter <c>{h.Name}</c>.</param>");
        foreach (ParameterSpec l in _labels.Where(l => l.IgnoreIndex is not null))
        {
            _w.Line($"/// <param name=\"{IgnoreParameter(IgnoreProperty(l))}\">The value of <c>{l.Name}</c> that marks a row to skip.</param>");
        }
        _w.Line("/// <param name=\"reduction\">How <c>Forward</c>, <c>Backward</c> and <c>ForwardBackward</c> reduce over rows.</param>");
        var parameters = _hyperRows.Select(h => $"{_t}[] {Id(h.Name)}")
            .Concat(_hypers.Select(h => $"{_t} {Id(h.Name)}" + (h.DefaultValue is { } d ? " = " + Literals.Number(d, _method.Type) : "")))
            .Concat(_labels.Where(l => l.IgnoreIndex is not null).Select(l => $"int {IgnoreParameter(IgnoreProperty(l))} = {l.IgnoreIndex}"))
            .Concat(new[] { "global::LossDsl.Reduction reduction = global::LossDsl.Reduction.Mean" });
        using (_w.Block($"public {_method.ClassName}({string.Join(", ", parameters)})"))
        {
            foreach (ParameterSpec h in _hyperRows) _w.Line($"_{h.Name} = {RowGuard}.ClassWeights({Id(h.Name)}, nameof({Id(h.Name)}));");
            foreach (ParameterSpec h in _hypers) _w.Line(ClassMembers.HyperAssignment(h));
            foreach (ParameterSpec l in _labels.Where(l => l.IgnoreIndex is not null)) _w.Line($"{IgnoreProperty(l)} = {IgnoreParameter(IgnoreProperty(l))};");
            _w.Line($"Reduction = {Guard}.DefinedReduction(reduction, nameof(reduction));");
        }
        foreach (ParameterSpec h in _hyperRows)
        {
            _w.Line();
            _w.Line($"private readonly {_t}[] _{h.Name};");
            _w.Line();
            _w.Line($"/// <summary>The per-class values <c>{h.Name}</c>.</summary>");
            _w.Line($"public global::System.ReadOnlySpan<{_t}> {Naming.Pascal(h.Name)} => _{h.Name};");
        }
        ClassMembers.WriteHyperProperties(_w, _hypers, _t);
        foreach (ParameterSpec l in _labels.Where(l => l.IgnoreIndex is not null))
        {
            _w.Line();
            _w.Line($"/// <summary>The value of <c>{l.Name}</c> that marks a row to skip: loss 0, gradient 0, not counted in the mean.</summary>");
            _w.Line($"public int {IgnoreProperty(l)} {{ get; }}");
        }
        ClassMembers.WriteCommonProperties(_w, "row", _spec.HasHessian
                ? "The simplified loss, gradient and Hessian diagonal this class computes, as plain math."
                : "The simplified loss and gradients this class computes, as plain math (this loss has no generated Hessian diagonal).",
            _kernel);
    }

    private string InputParameters => string.Join(", ", _inputs.Select(p => $"global::System.ReadOnlySpan<{ElementType(p)}> {Id(p.Name)}").Concat(new[] { "int width" }));

    private void WriteMember(string name, bool reduces, bool perRow, bool gradient, string summary)
    {
        var outputs = perRow ? new List<string> { "losses" } : gradient ? _wrts.Select(Gradient).ToList() : new List<string>();
        string parameters = string.Join(", ", new[] { InputParameters }.Concat(outputs.Select(o => $"global::System.Span<{_t}> {o}")));
        _w.Line();
        _w.Line($"/// <summary>{summary}</summary>");
        using (_w.Block($"public {(reduces ? _t : "void")} {name}({parameters})"))
        {
            WriteChecks(perRow, outputs);
            string flag = gradient ? "scale" : perRow ? "true" : "false";
            if (gradient) _w.Line($"{_t} scale = ({_t}){Guard}.GradientScale(Reduction, denominator);");
            var spanOutputs = gradient ? outputs : perRow ? new List<string> { "losses" } : new List<string>();
            WriteRowDispatch(gradient ? "BackwardRows" : "ForwardRows", flag, spanOutputs);
            if (reduces) _w.Line($"return ({_t}){Guard}.Reduce(Reduction, total, denominator);");
        }
    }

    // Per element, unreduced: the gradient and the Hessian's diagonal of each row's loss.
    private void WriteGradientHessian()
    {
        var outputs = _wrts.SelectMany(w => new[] { Gradient(w), Hessian(w) }).ToList();
        string parameters = string.Join(", ", new[] { InputParameters }.Concat(outputs.Select(o => $"global::System.Span<{_t}> {o}")));
        _w.Line();
        _w.Line("/// <summary>");
        _w.Line("/// Per element, unreduced: the first derivative of its row's loss and the diagonal of the row's Hessian,");
        _w.Line("/// ∂²loss/∂x[j]² (what gradient boosting's multiclass Newton steps need). Ignored rows get 0.");
        _w.Line("/// </summary>");
        using (_w.Block($"public void GradientHessian({parameters})"))
        {
            WriteChecks(perRow: false, outputs);
            _w.Line("_ = denominator; // the labels are checked; nothing is reduced");
            WriteRowDispatch("HessianRows", null, outputs);
        }
    }

    // Lengths, overlaps and labels, before anything is written; declares rows and denominator.
    private void WriteChecks(bool perRow, List<string> outputs)
    {
        string first = Id(_rows[0].Name);
        _w.Line($"int rows = {RowGuard}.Rows({first}.Length, width, nameof({first}), nameof(width));");
        foreach (ParameterSpec row in _rows.Skip(1)) _w.Line($"{RowGuard}.SameRows({first}.Length, {Id(row.Name)}.Length, width, nameof({Id(row.Name)}));");
        foreach (ParameterSpec p in _labels.Concat(_perRow)) _w.Line($"{RowGuard}.OnePerRow(rows, {Id(p.Name)}.Length, nameof({Id(p.Name)}));");
        foreach (ParameterSpec h in _hyperRows) _w.Line($"{RowGuard}.OnePerClass(width, _{h.Name}.Length, nameof(width));");
        if (perRow) _w.Line($"{RowGuard}.OnePerRow(rows, losses.Length, nameof(losses));");
        foreach (string output in outputs.Where(o => o != "losses")) _w.Line($"{RowGuard}.SameRows({first}.Length, {output}.Length, width, nameof({output}));");
        // Gradients are written while their row is still read (softmax is kept in them): no sharing at all.
        for (int o = 0; o < outputs.Count; o++)
        {
            foreach (ParameterSpec input in _rows.Concat(_perRow))
            {
                string check = outputs[o] == "losses" && input.Shape == ParameterShape.Scalar ? "NoPartialOverlap" : "Disjoint";
                _w.Line($"{Guard}.{check}<{_t}>({outputs[o]}, {Id(input.Name)}, nameof({outputs[o]}), nameof({Id(input.Name)}));");
            }
            for (int other = o + 1; other < outputs.Count; other++)
            {
                _w.Line($"{Guard}.Disjoint<{_t}>({outputs[o]}, {outputs[other]}, nameof({outputs[o]}), nameof({outputs[other]}));");
            }
        }
        _w.Line(_labels.Count > 0
            ? $"double denominator = Denominator({string.Join(", ", _labels.Select(l => Id(l.Name)))}, width);"
            : "double denominator = rows;");
    }

    // Fixed chunks of rows, on worker threads when DegreeOfParallelism asks for them and the spans can be pinned.
    private void WriteRowDispatch(string rowsMethod, string? flag, List<string> outputs)
    {
        List<ParameterSpec> valueSpans = _inputs.Where(p => p.Shape != ParameterShape.Label).ToList();
        var spans = valueSpans.Select(p => Id(p.Name)).Concat(outputs).ToList();
        string Call(string start, string end, Func<ParameterSpec, string> input, IEnumerable<string> outputRefs)
        {
            var args = new List<string> { start, end, "width" };
            if (flag is not null) args.Add(flag);
            args.AddRange(RowsValueArguments());
            args.AddRange(_inputs.Concat(_hyperRows).Select(p => "ref " + input(p)));
            args.AddRange(outputRefs.Select(o => "ref " + o));
            if (outputs.Count == 0) args.Add($"ref {Unsafe}.NullRef<{_t}>()");
            return $"{rowsMethod}<{Kernels}.ScalarOps<{_t}>>({string.Join(", ", args)})";
        }
        _w.Line("double total = 0;");
        if (spans.Count <= 8 && _labels.Count <= 2)
        {
            using (_w.Block($"if (DegreeOfParallelism > 1 && (long)rows * width > {Kernels}.KernelParallel.ChunkElements)"))
            {
                string PinnedInput(ParameterSpec p) => p.Role == ParameterRole.Hyper ? DataRef(p)
                    : p.Shape == ParameterShape.Label ? $"pinnedLabels[{_labels.IndexOf(p)}]"
                    : $"pinned[{valueSpans.IndexOf(p)}]";
                string lambda = $"(pinned, pinnedLabels, start, end) => {Call("start", "end", PinnedInput, outputs.Select((_, k) => $"pinned[{valueSpans.Count + k}]"))}";
                var labelArgs = _labels.Select(l => Id(l.Name)).Concat(Enumerable.Repeat("default", 2 - _labels.Count));
                _w.Line($"total = {Kernels}.KernelParallel.ForRows<{_t}>(rows, width, DegreeOfParallelism, {lambda}, {string.Join(", ", labelArgs.Concat(spans))});");
            }
        }
        else
        {
            _w.Line("// More than eight spans or two label spans: this loss always runs on the calling thread.");
        }
        using (_w.Block(spans.Count <= 8 && _labels.Count <= 2 ? "else" : ""))
        {
            _w.Line($"int chunkRows = {Kernels}.KernelParallel.ChunkRows(width);");
            _w.Line("// The same chunks as the parallel path, added in the same order: bitwise-identical totals.");
            using (_w.Block("for (int start = 0; start < rows; start += chunkRows)"))
            {
                _w.Line($"total += {Call("start", "(int)global::System.Math.Min(rows, (long)start + chunkRows)", DataRef, outputs.Select(o => $"global::System.Runtime.InteropServices.MemoryMarshal.GetReference({o})"))};");
            }
        }
    }

    private string DataRef(ParameterSpec p) => p.Role == ParameterRole.Hyper
        ? $"global::System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_{p.Name})"
        : $"global::System.Runtime.InteropServices.MemoryMarshal.GetReference({Id(p.Name)})";

    private IEnumerable<string> RowsValueArguments() =>
        _labels.Where(l => l.IgnoreIndex is not null).Select(IgnoreProperty).Concat(_hypers.Select(h => Naming.Pascal(h.Name)));

    // Validates every label before anything is written, and counts the rows the mean divides by.
    private void WriteDenominator()
    {
        if (_labels.Count == 0) return;
        _w.Line();
        _w.Line("/// <summary>Checks the labels; the rows counted by the mean (or the sum of their class weights).</summary>");
        using (_w.Block($"private double Denominator({string.Join(", ", _labels.Select(l => $"global::System.ReadOnlySpan<int> {Id(l.Name)}"))}, int width)"))
        {
            string r = "r";
            while (_labels.Any(l => l.Name == r)) r += "_"; // the labels are this method's parameters
            _w.Line("double denominator = 0;");
            using (_w.Block($"for (int {r} = 0; {r} < {Id(_labels[0].Name)}.Length; {r}++)"))
            {
                foreach (ParameterSpec l in _labels.Where(l => l.IgnoreIndex is not null)) _w.Line($"if ({Id(l.Name)}[{r}] == {IgnoreProperty(l)}) continue;");
                foreach (ParameterSpec l in _labels)
                {
                    _w.Line(l.IgnoreIndex is not null
                        ? $"{RowGuard}.Label({Id(l.Name)}[{r}], width, {r}, {IgnoreProperty(l)}, nameof({Id(l.Name)}));"
                        : $"{RowGuard}.Label({Id(l.Name)}[{r}], width, {r}, nameof({Id(l.Name)}));");
                }
                _w.Line(_weights is null ? "denominator += 1;" : $"denominator += _{_weights.Name}[{Id(_labels[0].Name)}[{r}]];");
            }
            _w.Line("return denominator;");
        }
    }

}
