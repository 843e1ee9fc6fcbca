using System.Runtime.CompilerServices;
using System;
using System.Collections.Generic;
using LossDsl.Generator.Model;
using static LossDsl.Generator.Accuracy.DoubleDouble;

namespace LossDsl.Generator.Accuracy;

/// <summary>
/// Evaluates the stable (rewritten, not lowered) outputs in double-double: the "exact" side of the certificate
/// of a double kernel (a float kernel's reference is the same tape in double: <see cref="KernelEvaluator"/>).
/// Each function by its stable definition, so the reference is finite wherever the math is and representable.
/// </summary>
internal sealed class ReferenceEvaluator(ExprTape tape) : TapeEvaluator<DoubleDouble>(tape)
{
    protected override double ToDouble(DoubleDouble value) => value.ToDouble();

    // Ordered by the high parts, by the low parts where those are equal (NaN and ±∞ carry lo = 0: IEEE's answer).
    protected override bool Compare(CompareOp op, DoubleDouble a, DoubleDouble b) =>
        a.Hi == b.Hi ? Evaluator.Compare(op, a.Lo, b.Lo) : Evaluator.Compare(op, a.Hi, b.Hi);

    protected override DoubleDouble FromDouble(double value) => value;

    [MethodImpl(AccuracyCode.Optimized)]
    protected override DoubleDouble Value(int index, ExprKind kind, int[] c)
    {
        Expr node = Tape.Nodes[index];
        switch (node)
        {
            case Constant constant:
                return constant.Value;
            case Sum:
            {
                DoubleDouble total = Values[c[0]];
                for (int k = 1; k < c.Length; k++) total += Values[c[k]];
                return total;
            }
            case Product:
            {
                DoubleDouble total = Values[c[0]];
                for (int k = 1; k < c.Length; k++) total *= Values[c[k]];
                return total;
            }
            case Power:
                return Pow(Values[c[0]], Values[c[1]]);
            case Select:
                return Truth[c[0]] ? Values[c[1]] : Values[c[2]];
            case Call call:
                return Apply(call.Function, c);
            default:
                throw new InvalidOperationException("Not a value: " + node.Kind);
        }
    }

    [MethodImpl(AccuracyCode.Optimized)]
    private DoubleDouble Apply(Function function, int[] c)
    {
        DoubleDouble x = Values[c[0]];
        switch (function)
        {
            case Function.Abs: return DoubleDouble.Abs(x);
            case Function.Sign: return x.IsNaN ? NaN : x.Hi > 0 ? One : x.Hi < 0 ? -One : x;
            case Function.Exp: return Exp(x);
            case Function.Log: return Log(x);
            case Function.Log1p: return Log1p(x);
            case Function.Expm1: return Expm1(x);
            case Function.Sqrt: return Sqrt(x);
            case Function.Max: return Max(x, Values[c[1]]);
            case Function.Min: return Min(x, Values[c[1]]);
            case Function.Clamp: return Min(Max(x, Values[c[1]]), Values[c[2]]);
            case Function.Sigmoid: return Sigmoid(x);
            case Function.Softplus: return Softplus(x);
            case Function.LogSigmoid: return -Softplus(-x);
            case Function.Tanh: return Tanh(x);
            case Function.LogCosh: return LogCosh(x);
            default: throw new InvalidOperationException(function + " is not in a stable (unlowered) expression.");
        }
    }

    private static DoubleDouble Max(DoubleDouble a, DoubleDouble b) => a.IsNaN || b.IsNaN ? NaN : a >= b ? a : b;

    private static DoubleDouble Min(DoubleDouble a, DoubleDouble b) => a.IsNaN || b.IsNaN ? NaN : a <= b ? a : b;

    private static DoubleDouble Sigmoid(DoubleDouble x)
    {
        if (x.IsNaN) return NaN;
        if (x.Hi >= 0) return One / (One + Exp(-x));
        DoubleDouble e = Exp(x);
        return e / (One + e);
    }

    private static DoubleDouble Softplus(DoubleDouble x) =>
        x.IsNaN ? NaN : Max(x, Zero) + Log1p(Exp(-DoubleDouble.Abs(x)));

    private static DoubleDouble Tanh(DoubleDouble x)
    {
        if (x.IsNaN) return NaN;
        DoubleDouble a = DoubleDouble.Abs(x);
        if (a.Hi > 40) return x.Hi > 0 ? One : -One; // 1 - tanh < 1e-34
        DoubleDouble t = Expm1(a * 2);
        DoubleDouble magnitude = t / (t + 2);
        return x.Hi < 0 ? -magnitude : magnitude;
    }

    private static DoubleDouble LogCosh(DoubleDouble x)
    {
        if (x.IsNaN) return NaN;
        DoubleDouble a = DoubleDouble.Abs(x);
        if (double.IsInfinity(a.Hi)) return a;
        if (a.Hi < 1)
        {
            DoubleDouble m = Expm1(a);
            return Log1p(m * m / ((m + 1) * 2)); // cosh a - 1 = (eᵃ - 1)² / (2eᵃ)
        }
        return a + Log1p(Exp(a * -2)) - Log(2);
    }
}
