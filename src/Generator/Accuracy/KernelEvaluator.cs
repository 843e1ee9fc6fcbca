using System.Runtime.CompilerServices;
using System;
using System.Collections.Generic;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;

namespace LossDsl.Generator.Accuracy;

/// <summary>
/// Evaluates a kernel's lowered outputs as the emitted code does (ExpressionEmitter): in the kernel's precision,
/// every operation rounded to it, sums in display order with negative terms subtracted, products as
/// coefficient·numerator / denominator, shortcut powers as squarings. Functions are the correctly rounded
/// double ones rounded to the precision; the vector implementations are within a few ulps of those
/// (tests/…/SimdOpsTests), so the certificate measures the formula's error, not the libm's.
/// </summary>
internal sealed class KernelEvaluator(ExprTape tape, ScalarType type) : TapeEvaluator<double>(tape)
{
    private readonly bool _float = type == ScalarType.Float;
    private readonly double[][] _arguments = { new double[0], new double[1], new double[2], new double[3] }; // reused per arity

    private double R(double x) => _float ? (float)x : x;

    protected override double ToDouble(double value) => value;

    protected override double FromDouble(double value) => R(value);

    protected override bool Compare(CompareOp op, double a, double b) => Evaluator.Compare(op, a, b);

    [MethodImpl(AccuracyCode.Optimized)]
    protected override double Value(int index, ExprKind kind, int[] c)
    {
        switch (kind)
        {
            case ExprKind.Constant:
                return R(((Constant)Tape.Nodes[index]).Value);
            case ExprKind.Sum:
                return Total(Tape.SumOrders[index]!, c);
            case ExprKind.Product:
                return Multiply(Tape.Nodes[index], Tape.Divisors[index]!, c);
            case ExprKind.Power:
                return PowerOf(Values[c[0]], ((Power)Tape.Nodes[index]).Exponent, Values[c[1]]);
            case ExprKind.Select:
                return Truth[c[0]] ? Values[c[1]] : Values[c[2]];
            case ExprKind.Call:
            {
                double[] args = _arguments[c.Length];
                for (int k = 0; k < c.Length; k++) args[k] = Values[c[k]];
                return R(Evaluator.Apply(((Call)Tape.Nodes[index]).Function, args));
            }
            default:
                throw new InvalidOperationException("Not a value: " + kind);
        }
    }

    // In the kernel's order; subtracting |t| is adding t, exactly.
    [MethodImpl(AccuracyCode.Optimized)]
    private double Total(int[] order, int[] c)
    {
        double total = Values[c[order[0]]];
        for (int k = 1; k < order.Length; k++) total = R(total + Values[c[order[k]]]);
        return total;
    }

    // c · (numerator factors) / (denominator factors): a negative shortcut power divides by its positive counterpart.
    [MethodImpl(AccuracyCode.Optimized)]
    private double Multiply(Expr product, double[] divisors, int[] c)
    {
        double coefficient = 1;
        double? numerator = null, denominator = null;
        for (int k = 0; k < c.Length; k++)
        {
            if (product.Children[k] is Constant constant)
            {
                coefficient = R(constant.Value);
            }
            else if (divisors[k] != 0)
            {
                double d = PowerOf(Values[Tape.ChildIndices[c[k]][0]], Ex.Const(divisors[k]), divisors[k]);
                denominator = denominator is { } before ? R(before * d) : d;
            }
            else
            {
                numerator = numerator is { } before ? R(before * Values[c[k]]) : Values[c[k]];
            }
        }
        double top = numerator is not { } n ? coefficient : coefficient is 1 or -1 ? coefficient * n : R(coefficient * n);
        return denominator is { } bottom ? R(top / bottom) : top;
    }

    [MethodImpl(AccuracyCode.Optimized)]
    private double PowerOf(double x, Expr exponent, double y)
    {
        if (exponent is Constant { Value: var k } && Lowering.HasShortcut(exponent))
        {
            if (k < 0) return R(1 / PowerOf(x, Ex.Const(-k), -k));
            return k switch
            {
                0.5 => R(Math.Sqrt(x)),
                1 => x,
                2 => R(x * x),
                3 => R(R(x * x) * x),
                _ => R(R(x * x) * R(x * x)),
            };
        }
        return R(Math.Pow(x, y));
    }
}
