namespace LossDsl.Fuzz.Tests;

/// <summary>
/// Evaluates a case's tree as the C# compiler would (in float or double, with LossMath), reporting whether
/// any intermediate value was NaN or ±∞. At such points the kernels follow the documented, not IEEE-exact
/// simplifications (0·x → 0, x - x → 0, x·x⁻¹ → 1), so they are excluded from the comparisons.
/// </summary>
public static class Interpreter
{
    public static bool HasSingularIntermediate(LossCase c, double x, double y, double k = 1.5)
    {
        bool singular = false;
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
            Fn f => Apply(f.Name, f.Args.Select(a => Eval(a, u)).ToArray()),
            Cond cond => Truth(cond, u) ? Eval(cond.WhenTrue, u) : Eval(cond.WhenFalse, u),
            CallHelper h => Eval(c.Helper, Eval(h.Argument, u)),
            _ => throw new InvalidOperationException(),
        });

        bool Truth(Cond cond, double? u)
        {
            double l = Eval(cond.Left, u), r = Eval(cond.Right, u);
            bool basic = cond.Compare switch { "<" => l < r, "<=" => l <= r, ">" => l > r, ">=" => l >= r, "==" => l == r, _ => l != r };
            return cond.Logic switch { 1 => basic && r < 0.5, 2 => basic || l == 0, 3 => !basic, _ => basic };
        }

        for (int i = 0; i < locals.Length; i++) locals[i] = Eval(c.Locals[i], null);
        Eval(c.Body, null);
        return singular;
    }

    private static double Apply(string name, double[] a) => name switch
    {
        "Abs" => Math.Abs(a[0]),
        "Sign" => LossMath.Sign(a[0]),
        "Exp" => Math.Exp(a[0]),
        "Log" => Math.Log(a[0]),
        "Log1p" => LossMath.Log1p(a[0]),
        "Expm1" => LossMath.Expm1(a[0]),
        "Sqrt" => Math.Sqrt(a[0]),
        "Square" => a[0] * a[0],
        "Sigmoid" => LossMath.Sigmoid(a[0]),
        "Softplus" => LossMath.Softplus(a[0]),
        "LogSigmoid" => LossMath.LogSigmoid(a[0]),
        "Tanh" => Math.Tanh(a[0]),
        "LogCosh" => LossMath.LogCosh(a[0]),
        "Max" => LossMath.Max(a[0], a[1]),
        "Min" => LossMath.Min(a[0], a[1]),
        "Pow" => Math.Pow(a[0], a[1]),
        _ => LossMath.Clamp(a[0], a[1], a[2]),
    };
}
