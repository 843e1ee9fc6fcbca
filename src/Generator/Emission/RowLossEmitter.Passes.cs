using System;
using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Emission;

/// <summary>A row loss's passes over a row (max, sum, gradient), each written once for every vector width.</summary>
internal sealed partial class RowLossEmitter
{
    // The calls over one row: the widest accelerated vectors first, then narrower ones and the scalar tail.
    private void WriteCascade(string pass, KernelProgram program, PassKind kind, List<int> outputs, bool storeSoftmax)
    {
        string args = string.Join(", ", new[] { "ref j", "width" }.Concat(PassSignature(program, kind, outputs, storeSoftmax).Select(p => p.Argument)));
        _w.Line("j = 0;");
        foreach (var (condition, ops, vector) in ClassMembers.Widths(_t))
        {
            _w.Line((condition is null ? "" : $"if ({condition}) ") + $"{pass}<{ops}, {vector}>({args});");
        }
    }

    // What a pass reads (per-row values, rows, stored softmax) and what it writes (accumulators, gradients).
    private List<(string Parameter, string Argument)> PassSignature(KernelProgram program, PassKind kind, List<int> outputs, bool storeSoftmax)
    {
        var symbols = SymbolsRead(program, outputs);
        var result = new List<(string, string)>();
        foreach (string name in symbols.Where(s => !s.StartsWith("@softmax") && !IsElement(s)).OrderBy(s => _locals[s], System.StringComparer.Ordinal))
        {
            result.Add(($"{_t} {_locals[name]}Value", _locals[name]));
        }
        foreach (ParameterSpec row in _rows.Concat(_hyperRows).Where(r => symbols.Contains(RowShape.Element(r.Name))))
        {
            result.Add(($"ref {_t} {Local(row.Name)}Row", $"ref {Local(row.Name)}Row"));
        }
        var softmaxRead = _softmaxRow.Keys.Where(a => symbols.Contains(RowKernelSpec.Softmax(a))).ToList();
        foreach (int a in softmaxRead) result.Add(($"{_t} invSum{a}Value", $"invSum{a}"));
        var gradientRows = kind is PassKind.Gradient or PassKind.Hessian ? _wrts.Select(w => w.Name).ToList()
            : storeSoftmax ? outputs.Where(_softmaxRow.ContainsKey).Select(a => _softmaxRow[a]).ToList()
            : new List<string>();
        gradientRows.AddRange(softmaxRead.Select(a => _softmaxRow[a]).Where(r => !gradientRows.Contains(r)));
        foreach (string row in gradientRows) result.Add(($"ref {_t} {Local(row)}GradientRow", $"ref {Local(row)}GradientRow"));
        if (kind == PassKind.Hessian)
        {
            foreach (ParameterSpec w in _wrts) result.Add(($"ref {_t} {Local(w.Name)}HessianRow", $"ref {Local(w.Name)}HessianRow"));
        }
        if (kind is PassKind.Max or PassKind.Sum)
        {
            string prefix = kind == PassKind.Max ? "max" : "sum";
            foreach (int a in outputs) result.Add(($"ref double {prefix}{a}", $"ref {prefix}{a}"));
            if (kind == PassKind.Sum && _speculates)
            {
                foreach (int a in TrackedMaxima(outputs)) result.Add(($"ref double max{a}", $"ref max{a}"));
            }
        }
        return result;
    }

    // A guessed shift is kept while the row's maximum lies within [shift - below, shift + above]: exp(x - shift) stays
    // below e^64 (no overflow in a lane's block sum) and flushes only what lies e^-67 below the maximum.
    private const int ShiftWindowAbove = 64, ShiftWindowBelow = 20;

    private List<int> TrackedMaxima(List<int> outputs) => outputs.Where(a => _spec.Aggregates[a].Kind == AggregateKind.LogSumExp).ToList();

    private bool IsElement(string symbol) => _rows.Concat(_hyperRows).Any(r => RowShape.Element(r.Name) == symbol);

    private static HashSet<string> SymbolsRead(KernelProgram program, List<int> outputs)
    {
        var names = new HashSet<string>();
        foreach (int t in program.TempsNeededBy(outputs)) Collect(program.Temps[t], names);
        foreach (int o in outputs) Collect(program.Outputs[o], names);
        return names;
    }

    private static void Collect(Expr expr, HashSet<string> names)
    {
        if (expr is Symbol s) names.Add(s.Name);
        foreach (Expr child in expr.Children) Collect(child, names);
    }

    private void WritePass(string name, KernelProgram program, PassKind kind, List<int> outputs, bool storeSoftmax)
    {
        if (outputs.Count == 0) return;
        var signature = PassSignature(program, kind, outputs, storeSoftmax);
        var expressions = new ExpressionEmitter(program, _method.Type, _locals);
        var hoisted = new IndentedWriter();
        var body = new IndentedWriter();
        foreach (int t in program.TempsNeededBy(outputs))
        {
            IndentedWriter target = program.Invariant[t] ? hoisted : body;
            target.Line($"TVec {ExpressionEmitter.TempName(t)} = {expressions.Emit(program.Temps[t], definition: true)}; // {expressions.Describe(program.Temps[t])}");
        }
        var results = outputs.Select(o => (Output: o, Code: expressions.Emit(program.Outputs[o]))).ToList();
        var symbols = SymbolsRead(program, outputs);

        _w.Line();
        _w.Line($"private static void {name}<V, TVec>({string.Join(", ", new[] { "ref int next", "int width" }.Concat(signature.Select(p => p.Parameter)))})");
        _w.Line($"    where V : struct, {Kernels}.ISimdOps<V, TVec, {_t}>");
        _w.Line("    where TVec : struct");
        _w.Line("{").Indent();
        _w.Line("int i = next;");
        foreach (var (constant, value) in expressions.Constants.ToList()) _w.Line(expressions.ConstantDeclaration(constant, value));
        foreach (string parameter in signature.Select(p => p.Parameter).Where(p => p.EndsWith("Value")))
        {
            string local = parameter.Substring(parameter.IndexOf(' ') + 1);
            _w.Line($"TVec {local.Substring(0, local.Length - "Value".Length)} = V.Create({local});");
        }
        foreach (string line in hoisted.Lines()) _w.Line(line);
        void Loads()
        {
            foreach (ParameterSpec row in _rows.Concat(_hyperRows).Where(r => symbols.Contains(RowShape.Element(r.Name))))
            {
                _w.Line($"TVec {Local(row.Name)} = V.Load(ref {Local(row.Name)}Row, i);");
            }
            foreach (int a in _softmaxRow.Keys.Where(a => symbols.Contains(RowKernelSpec.Softmax(a))))
            {
                _w.Line($"TVec softmax{a} = V.Multiply(V.Load(ref {Local(_softmaxRow[a])}GradientRow, i), invSum{a});");
            }
            foreach (string line in body.Lines()) _w.Line(line);
        }
        switch (kind)
        {
            case PassKind.Max:
                // A native max (one instruction) and, beside it, a mask of the lanes that stayed ordered: the max
                // comes out NaN if any element was NaN, without a compare-and-select in the accumulator's chain.
                foreach (int a in outputs)
                {
                    _w.Line($"TVec acc{a} = V.Constant(double.NegativeInfinity);");
                    _w.Line($"TVec ordered{a} = V.Equal(V.Zero, V.Zero);");
                }
                if (outputs.All(a => program.Outputs[a] is Symbol))
                {
                    // Four vectors a step, reduced as a tree: one accumulator step per four loads.
                    _w.Open("for (; i <= width - 4 * V.Count; i += 4 * V.Count)");
                    foreach (int a in outputs)
                    {
                        string row = Local(_rows.Concat(_hyperRows).First(r => RowShape.Element(r.Name) == ((Symbol)program.Outputs[a]).Name).Name) + "Row";
                        for (int k = 0; k < 4; k++) _w.Line($"TVec v{a}_{k} = V.Load(ref {row}, i{(k == 0 ? "" : $" + {k} * V.Count")});");
                        _w.Line($"acc{a} = V.MaxUnordered(acc{a}, V.MaxUnordered(V.MaxUnordered(v{a}_0, v{a}_1), V.MaxUnordered(v{a}_2, v{a}_3)));");
                        _w.Line($"ordered{a} = V.And(ordered{a}, V.And(V.And(V.Equal(v{a}_0, v{a}_0), V.Equal(v{a}_1, v{a}_1)), V.And(V.Equal(v{a}_2, v{a}_2), V.Equal(v{a}_3, v{a}_3))));");
                    }
                    _w.Close();
                }
                _w.Open("for (; i <= width - V.Count; i += V.Count)");
                Loads();
                foreach (var (a, code) in results)
                {
                    _w.Line($"TVec e{a} = {code};");
                    _w.Line($"acc{a} = V.MaxUnordered(acc{a}, e{a});");
                    _w.Line($"ordered{a} = V.And(ordered{a}, V.Equal(e{a}, e{a}));");
                }
                _w.Close();
                using (_w.Block("if (i != next) // a width that ran no step has nothing to fold in"))
                {
                    foreach (int a in outputs) _w.Line($"max{a} = global::LossDsl.LossMath.Max(max{a}, V.Maximum(V.Select(ordered{a}, acc{a}, V.Constant(double.NaN))));");
                }
                break;
            case PassKind.Sum:
                var tracked = _speculates ? TrackedMaxima(outputs) : new List<int>();
                foreach (int a in tracked)
                {
                    _w.Line($"TVec seen{a} = V.Constant(double.NegativeInfinity); // the row's maximum, to check the guessed shift");
                    _w.Line($"TVec ordered{a} = V.Equal(V.Zero, V.Zero);");
                }
                _w.Open("while (i <= width - V.Count)");
                _w.Line("// Blocked accumulation: lanes sum a block in T, blocks add up in double.");
                foreach (int a in outputs) _w.Line($"TVec acc{a} = V.Zero;");
                _w.Open($"for (int block = 0; block < {Guard}.BlockVectors && i <= width - V.Count; block++, i += V.Count)");
                Loads();
                foreach (var (a, code) in results)
                {
                    if (storeSoftmax && _softmaxRow.TryGetValue(a, out string? row))
                    {
                        _w.Line($"TVec exp{a} = {code};");
                        _w.Line($"V.Store(exp{a}, ref {Local(row)}GradientRow, i); // kept for the gradient pass: softmax = exp / sum");
                        _w.Line($"acc{a} = V.Add(acc{a}, exp{a});");
                    }
                    else
                    {
                        _w.Line($"acc{a} = V.Add(acc{a}, {code});");
                    }
                }
                foreach (int a in tracked)
                {
                    string element = _locals[((Symbol)_spec.Aggregates[a].Element).Name];
                    _w.Line($"seen{a} = V.MaxUnordered(seen{a}, {element});");
                    _w.Line($"ordered{a} = V.And(ordered{a}, V.Equal({element}, {element}));");
                }
                _w.Close();
                foreach (int a in outputs) _w.Line($"sum{a} += V.Sum(acc{a});");
                _w.Close();
                if (tracked.Count > 0)
                {
                    using (_w.Block("if (i != next)"))
                    {
                        foreach (int a in tracked) _w.Line($"max{a} = global::LossDsl.LossMath.Max(max{a}, V.Maximum(V.Select(ordered{a}, seen{a}, V.Constant(double.NaN))));");
                    }
                }
                break;
            default:
                _w.Open("for (; i <= width - V.Count; i += V.Count)");
                Loads();
                if (kind == PassKind.Gradient)
                {
                    foreach (var (w, code) in results) _w.Line($"V.Store({code}, ref {Local(_wrts[w].Name)}GradientRow, i);");
                    _w.Close();
                    break;
                }
                // The Hessian pass reads the stored softmax for both outputs before it overwrites it with the gradient.
                var stores = results.Select(r => (r.Output, Local: $"out{r.Output}", r.Code)).ToList();
                foreach (var (_, local, code) in stores) _w.Line($"TVec {local} = {code};");
                foreach (var (o, local, _) in stores)
                {
                    string target = o < _wrts.Count ? $"{Local(_wrts[o].Name)}GradientRow" : $"{Local(_wrts[o - _wrts.Count].Name)}HessianRow";
                    _w.Line($"V.Store({local}, ref {target}, i);");
                }
                _w.Close();
                break;
        }
        _w.Line("next = i;");
        _w.Close();
    }
}
