using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Emission;

internal static partial class LossEmitter
{
    /// <summary>The private kernels: one Range method per member (the width cascade over a chunk) and its Cores.</summary>
    private sealed partial class ClassWriter
    {
        // One chunk [start, end): stored normally up to the first vector-aligned output element when the
        // outputs stream, then the width cascade.
        private void WriteRange(KernelKind kind)
        {
            (List<string> parameters, List<string> args) = PassThrough(kind);
            string call = string.Join(", ", args);
            _w.Line();
            _w.Line($"private static double {kind}Range<TData>({string.Join(", ", new[] { "int start", "int end", "int streamFrom" }.Concat(parameters))})");
            using (_w.Block("    where TData : unmanaged"))
            {
                _w.Line("int i = start;");
                _w.Line("double total = 0;");
                using (_w.Block("if (streamFrom > 0)"))
                {
                    _w.Line("int aligned = (int)global::System.Math.Min(end, (long)start + streamFrom);");
                    _w.Line($"total += {kind}Widths(ref i, aligned, false, {call});");
                }
                _w.Line($"total += {kind}Widths(ref i, end, streamFrom >= 0, {call});");
                _w.Line("return total;");
            }
        }

        // [i, end): the widest accelerated vectors first, then narrower widths and the scalar tail.
        private void WriteWidths(KernelKind kind)
        {
            (List<string> parameters, List<string> args) = PassThrough(kind);
            string call = string.Join(", ", new[] { "ref i", "end", "stream" }.Concat(args));
            _w.Line();
            _w.Line($"private static double {kind}Widths<TData>({string.Join(", ", new[] { "ref int i", "int end", "bool stream" }.Concat(parameters))})");
            using (_w.Block("    where TData : unmanaged"))
            {
                _w.Line("double total = 0;");
                var specializations = _spec.Specializations;
                string Call(Specialization? specialization, string ops, string vector) => $"{CoreName(kind, specialization)}<{ops}, {vector}, TData>({call})";
                if (specializations.Count > 0)
                {
                    string chain = string.Concat(specializations.Select((s, k) =>
                        string.Join(" && ", s.Hypers.Select(h => $"{_locals[h.Name]}Value == {Literals.Number(h.Value, _method.Type)}")) + $" ? {k + 1} : "));
                    _w.Line($"int kernel = {chain}0; // the kernels compiled for values known ahead, or (0) the general ones");
                }
                // A width runs only when a whole vector of it is left: a core that is never called is never compiled
                // (the JIT time of unused narrower cores was most of a short loop's first calls).
                foreach (var (condition, ops, vector) in ClassMembers.Widths(_t))
                {
                    string left = condition is null ? "i < end" : $"{condition} && end - i >= {ops}.Count";
                    if (specializations.Count == 0)
                    {
                        _w.Line($"if ({left}) total += {Call(null, ops, vector)};");
                        continue;
                    }
                    _w.Line($"if ({left})").Indent();
                    _w.Open("total += kernel switch");
                    for (int k = 0; k < specializations.Count; k++) _w.Line($"{k + 1} => {Call(specializations[k], ops, vector)},");
                    _w.Line($"_ => {Call(null, ops, vector)},");
                    _w.Close(";").Outdent();
                }
                _w.Line("return total;");
            }
        }

        // The values and spans every kernel method passes down: scale, hyperparameters, then input and output data.
        private (List<string> Parameters, List<string> Arguments) PassThrough(KernelKind kind)
        {
            var parameters = new List<string>();
            var args = new List<string>();
            if (kind is KernelKind.Backward or KernelKind.ForwardBackward)
            {
                parameters.Add($"{_t} scale");
                args.Add("scale");
            }
            foreach (ParameterSpec h in _hypers)
            {
                parameters.Add($"{_t} {_locals[h.Name]}Value");
                args.Add($"{_locals[h.Name]}Value");
            }
            // Spans as stored: T, or Half for a float loss's 16-bit overloads (converted in the Core's loads and stores).
            foreach (string span in _inputs.Select(p => p.Name).Concat(OutputsOf(kind)))
            {
                parameters.Add($"ref TData {DataOf(span)}");
                args.Add("ref " + DataOf(span));
            }
            return (parameters, args);
        }

        // ForwardCore, or ForwardAtDefaultsCore / ForwardAtGamma3Core for the kernels compiled for values known ahead.
        private static string CoreName(KernelKind kind, Specialization? specialization) => $"{kind}{specialization?.Suffix}Core";

        private void WriteCore(KernelKind kind, Specialization? specialization = null)
        {
            KernelProgram program = specialization?.Program ?? _program;
            bool accumulates = kind is KernelKind.Reduced or KernelKind.ForwardBackward;
            bool scaled = kind is KernelKind.Backward or KernelKind.ForwardBackward;
            // (output index in the program, span name): losses are output 0, then gradient and Hessian per [Wrt] input.
            var stores = OutputsOf(kind).Select(name => (Output: ProgramOutput(name), Name: name)).ToList();
            var needed = stores.Select(s => s.Output).ToList();
            if (accumulates) needed.Insert(0, 0);

            var parameters = new List<string> { "ref int next", "int n", "bool stream" };
            if (scaled) parameters.Add($"{_t} scale");
            parameters.AddRange(_hypers.Select(h => $"{_t} {_locals[h.Name]}Value"));
            parameters.AddRange(_inputs.Select(p => $"ref TData {DataOf(p.Name)}"));
            parameters.AddRange(stores.Select(s => $"ref TData {DataOf(s.Name)}"));

            var expressions = new ExpressionEmitter(program, _method.Type, _locals);
            var temps = program.TempsNeededBy(needed);
            var hoisted = new IndentedWriter();
            var body = new IndentedWriter();
            foreach (int t in temps)
            {
                Expr temp = program.Temps[t];
                IndentedWriter target = program.Invariant[t] ? hoisted : body;
                target.Line($"// {ExpressionEmitter.TempName(t)} = {expressions.Describe(temp)}");
                target.Line($"TVec {ExpressionEmitter.TempName(t)} = {expressions.Emit(temp, definition: true)};");
            }
            var results = new List<string>();
            foreach (int output in needed.Distinct())
            {
                string name = output == 0 ? "loss" : (output % 2 == 1 ? Gradient(_wrts[(output - 1) / 2]) : Hessian(_wrts[(output - 2) / 2]));
                body.Line($"TVec {name} = {expressions.Emit(program.Outputs[output])};");
                results.Add(name);
            }
            foreach (var (output, name) in stores)
            {
                string value = output == 0 ? "loss" : scaled ? $"V.Multiply({name}, scaleVector)" : name;
                body.Line($"if (stream) V.StoreStreaming({value}, ref {DataOf(name)}, i); else V.Store({value}, ref {DataOf(name)}, i);");
            }

            _w.Line();
            _w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            if (specialization is not null)
            {
                string which = string.Join(" and ", specialization.Hypers.Select(h => $"{h.Name} = {Literals.Number(h.Value, _method.Type)}"));
                _w.Line($"// The same kernel compiled for {which}{(specialization.IsDefault ? ", the default" : "")}: powers become products.");
            }
            _w.Line($"private static double {CoreName(kind, specialization)}<V, TVec, TData>({string.Join(", ", parameters)})");
            _w.Line($"    where V : struct, {Kernels}.ISimdOps<V, TVec, {_t}>");
            _w.Line("    where TVec : struct");
            _w.Line("    where TData : unmanaged");
            _w.Line("{").Indent();
            _w.Line("int i = next; // a local, so the index stays in a register");
            _w.Line("// Loop invariants: constants and hyperparameters, broadcast once.");
            foreach (var (name, value) in expressions.Constants.ToList()) _w.Line(expressions.ConstantDeclaration(name, value));
            foreach (ParameterSpec h in _hypers) _w.Line($"TVec {_locals[h.Name]} = V.Create({_locals[h.Name]}Value);");
            if (scaled) _w.Line("TVec scaleVector = V.Create(scale);");
            foreach (string line in hoisted.Lines()) _w.Line(line);
            if (accumulates)
            {
                _w.Line("double total = 0;");
                _w.Open("while (i <= n - V.Count)");
                _w.Line("// Blocked accumulation: lanes sum a block in T, blocks add up in double.");
                _w.Line("TVec sum = V.Zero;");
                _w.Open($"for (int block = 0; block < {Guard}.BlockVectors && i <= n - V.Count; block++, i += V.Count)");
            }
            else
            {
                _w.Open("for (; i <= n - V.Count; i += V.Count)");
            }
            foreach (ParameterSpec input in _inputs) _w.Line($"TVec {_locals[input.Name]} = V.Load(ref {DataOf(input.Name)}, i);");
            foreach (string line in body.Lines()) _w.Line(line);
            if (accumulates)
            {
                _w.Line("sum = V.Add(sum, loss);");
                _w.Close();
                _w.Line("total += V.Sum(sum);");
            }
            _w.Close();
            _w.Line("next = i;");
            _w.Line(accumulates ? "return total;" : "return 0;");
            _w.Close();
        }

        private int ProgramOutput(string spanName)
        {
            if (spanName == "losses") return 0;
            int w = _wrts.FindIndex(p => spanName == Gradient(p) || spanName == Hessian(p));
            return spanName == Gradient(_wrts[w]) ? KernelSpec.GradientOutput(w) : KernelSpec.HessianOutput(w);
        }

    }
}
