namespace LossDsl.Fuzz.Tests;

/// <summary>
/// Evaluates a case's tree as the C# compiler would (in float or double, with LossMath) and tells whether
/// the point is fragile, so a differential comparison there proves nothing:
/// <list type="bullet">
/// <item>an intermediate is NaN or ±∞: the kernels follow the documented, not IEEE-exact simplifications
/// (0·x → 0, x - x → 0, x·x⁻¹ → 1);</item>
/// <item>a comparison's two sides, or a function's argument and its domain edge (√ and log at 0, log1p at -1,
/// a power's base at 0), are within a few ulps, or a power has a negative base (defined only for an exactly
/// integer exponent): the kernels' functions agree with LossMath to a few ulps,
/// which may flip the branch or cross the edge (Pow(y, 1) is exp(log|y|), not exactly y).</item>
/// </list>
/// </summary>
public static class Interpreter
{
    public static bool IsFragile(LossCase c, double x, double y, double k = 1.5)
    {
        bool singular = false;
        double tolerance = c.IsDouble ? 1e-9 : 1e-4;
        void Near(double a, double b)
        {
            if (Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)))) singular = true;
        }
        var locals = new double[c.Locals.Length];

        double Round(double v)
        {
            double r = c.IsDouble ? v : (float)v;
            if (!double.IsFinite(r)) singular = true;
            return r;
        }

        double Eval(Node node, double? u) => Round(node switch
        {
            Num n => n.Value,
            Var v => u ?? v.Name switch { "x" => x, "y" => y, "k" => k, _ => locals[int.Parse(v.Name[1..])] },
            Bin b => b.Op switch
            {
                '+' => Eval(b.Left, u) + Eval(b.Right, u),
                '-' => Eval(b.Left, u) - Eval(b.Right, u),
                '*' => Eval(b.Left, u) * Eval(b.Right, u),
                _ => Eval(b.Left, u) / Eval(b.Right, u),
            },
            Neg n => -Eval(n.Operand, u),
            Fn f => Apply(f.Name, Edges(f.Name, f.Args.Select(a => Eval(a, u)).ToArray())),
            Cond cond => Truth(cond, u) ? Eval(cond.WhenTrue, u) : Eval(cond.WhenFalse, u),
            CallHelper h => Eval(c.Helper, Eval(h.Argument, u)),
            _ => throw new InvalidOperationException(),
        });

        bool Truth(Cond cond, double? u)
        {
            double l = Eval(cond.Left, u), r = Eval(cond.Right, u);
            Near(l, r);
            if (cond.Logic == 1) Near(r, 0.5); // the extra clauses LossCase.Condition renders
            if (cond.Logic == 2) Near(l, 0);
            bool basic = cond.Compare switch { "<" => l < r, "<=" => l <= r, ">" => l > r, ">=" => l >= r, "==" => l == r, _ => l != r };
            return cond.Logic switch { 1 => basic && r < 0.5, 2 => basic || l == 0, 3 => !basic, _ => basic };
        }

        double[] Edges(string name, double[] args)
        {
            if (name is "Sqrt" or "Log" or "Pow") Near(args[0], 0);
            if (name == "Pow" && args[0] < 0) singular = true; // defined only for an exactly integer exponent
            if (name == "Log1p") Near(args[0], -1);
            return args;
        }

        for (int i = 0; i < locals.Length; i++) locals[i] = Eval(c.Locals[i], null);
        Eval(c.Body, null);
        return singular;
    }

    // The generator's own double evaluator for the language functions; Square and Pow are powers there.
    private static double Apply(string name, double[] a) => name switch
    {
        "Square" => a[0] * a[0],
        "Pow" => Math.Pow(a[0], a[1]),
        _ => LossDsl.Generator.Model.Evaluator.Apply(Enum.Parse<LossDsl.Generator.Model.Function>(name), a),
    };
}
