using System;
using System.Collections.Generic;

namespace LossDsl.Generator.Model;

/// <summary>
/// Evaluates an expression in double precision with the same stable algorithms as the runtime's scalar
/// math. Used for constant folding and, in tests, as the double reference for finite differences.
/// </summary>
internal static class Evaluator
{
    public static double Evaluate(Expr expr, IReadOnlyDictionary<string, double> values) =>
        new Run(values).Value(expr);

    public static double Apply(Function function, IReadOnlyList<double> args) => function switch
    {
        Function.Abs => Math.Abs(args[0]),
        Function.Sign => StableMath.Sign(args[0]),
        Function.Exp or Function.ExpNoOverflow => Math.Exp(args[0]),
        Function.Log => Math.Log(args[0]),
        Function.Log1p or Function.Log1pUnit => StableMath.Log1p(args[0]),  // Log1pUnit's second argument only speeds up kernels
        Function.Expm1 => StableMath.Expm1(args[0]),
        Function.Sqrt => Math.Sqrt(args[0]),
        Function.Max => StableMath.Max(args[0], args[1]),
        Function.Min => StableMath.Min(args[0], args[1]),
        Function.Clamp => StableMath.Clamp(args[0], args[1], args[2]),
        Function.Sigmoid => StableMath.Sigmoid(args[0]),
        Function.Softplus => StableMath.Softplus(args[0]),
        Function.LogSigmoid => StableMath.LogSigmoid(args[0]),
        Function.Tanh => Math.Tanh(args[0]),
        Function.LogCosh => StableMath.LogCosh(args[0]),
        Function.Round => Math.Round(args[0], MidpointRounding.ToEven),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    public static bool Compare(CompareOp op, double a, double b) => op switch
    {
        CompareOp.Equal => a == b,
        CompareOp.NotEqual => a != b,
        CompareOp.Less => a < b,
        CompareOp.LessOrEqual => a <= b,
        CompareOp.Greater => a > b,
        _ => a >= b,
    };

    private sealed class Run(IReadOnlyDictionary<string, double> values)
    {
        private readonly Dictionary<Expr, double> _memo = new();

        public double Value(Expr expr)
        {
            if (_memo.TryGetValue(expr, out double cached)) return cached;
            double result = expr switch
            {
                Constant c => c.Value,
                Symbol s => values.TryGetValue(s.Name, out double v) ? v : throw new KeyNotFoundException($"No value for '{s.Name}'."),
                Sum sum => Total(sum),
                Product product => Multiply(product),
                Power power => Math.Pow(Value(power.Base), Value(power.Exponent)),
                Call call => Apply(call.Function, Arguments(call)),
                Select select => Truth(select.Condition) ? Value(select.WhenTrue) : Value(select.WhenFalse),
                _ => Truth(expr) ? 1 : 0,
            };
            _memo[expr] = result;
            return result;
        }

        public bool Truth(Expr expr) => expr switch
        {
            BoolConstant b => b.Value,
            Compare c => Compare(c.Op, Value(c.Left), Value(c.Right)),
            Logic { Op: LogicOp.Not } not => !Truth(not.Operands[0]),
            Logic { Op: LogicOp.And } and => All(and, true),
            Logic or => !All(or, false),
            _ => throw new ArgumentException($"Not a condition: {expr}"),
        };

        private bool All(Logic logic, bool expected)
        {
            foreach (Expr operand in logic.Operands)
            {
                if (Truth(operand) != expected) return false;
            }
            return true;
        }

        private double Total(Sum sum)
        {
            double total = 0;
            foreach (Expr term in sum.Terms) total += Value(term);
            return total;
        }

        private double Multiply(Product product)
        {
            double total = 1;
            foreach (Expr factor in product.Factors) total *= Value(factor);
            return total;
        }

        private double[] Arguments(Call call)
        {
            var args = new double[call.Arguments.Length];
            for (int i = 0; i < args.Length; i++) args[i] = Value(call.Arguments[i]);
            return args;
        }
    }
}
