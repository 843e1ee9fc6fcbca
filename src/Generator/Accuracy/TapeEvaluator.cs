using System.Runtime.CompilerServices;
using System.Collections.Generic;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Accuracy;

/// <summary>One arithmetic's evaluation of a tape, as the certificate uses it.</summary>
internal interface ITapeEvaluator
{
    /// <summary>The truth of each condition node at the last point (a select's branch taken).</summary>
    bool[] Branches { get; }

    /// <summary>
    /// Evaluates every output at one point; <paramref name="symbols"/> holds the values in the tape's symbol order. With
    /// <paramref name="branches"/> (another evaluation of the same tape), conditions are not evaluated but taken from it.
    /// </summary>
    void Evaluate(double[] symbols, double[] outputs, bool[]? branches = null);

    /// <summary>
    /// An output's magnitude at the last point: its value had every sum added the absolute values of its terms
    /// (Σ|tᵢ|, Π of the factors' magnitudes). No evaluation of the formula does better than ε times it.
    /// </summary>
    double MagnitudeOf(int output);
}

/// <summary>
/// One evaluation of every node of a tape per point, in some arithmetic: values in <see cref="Values"/>, the
/// truth of conditions in <see cref="Truth"/> (both branches of a select are computed, as in the kernels).
/// </summary>
internal abstract class TapeEvaluator<T> : ITapeEvaluator
{
    protected TapeEvaluator(ExprTape tape)
    {
        Tape = tape;
        Values = new T[tape.Nodes.Length];
        Truth = new bool[tape.Nodes.Length];
        _magnitude = new double[tape.Nodes.Length];
    }

    private readonly double[] _magnitude;

    protected ExprTape Tape { get; }

    protected T[] Values { get; }

    protected bool[] Truth { get; }

    public bool[] Branches => Truth;

    [MethodImpl(AccuracyCode.Optimized)]
    public void Evaluate(double[] symbols, double[] outputs, bool[]? branches = null)
    {
        ExprKind[] kinds = Tape.Kinds;
        for (int i = 0; i < kinds.Length; i++)
        {
            ExprKind kind = kinds[i];
            int[] c = Tape.ChildIndices[i];
            if (kind is ExprKind.Bool or ExprKind.Compare or ExprKind.Logic)
            {
                Truth[i] = branches is null ? Condition(Tape.Nodes[i], c) : branches[i];
                continue;
            }
            Values[i] = kind == ExprKind.Symbol ? FromDouble(symbols[Tape.SymbolSlots[i]]) : Value(i, kind, c);
            _magnitude[i] = Magnitude(kind, c, System.Math.Abs(ToDouble(Values[i])));
        }
        for (int o = 0; o < outputs.Length; o++) outputs[o] = ToDouble(Values[Tape.Outputs[o]]);
    }

    public double MagnitudeOf(int output) => _magnitude[Tape.Outputs[output]];

    /// <summary>Whether some value at the last point was ∞ or NaN on the way, even if the outputs are finite.</summary>
    public bool OverflowedOnTheWay()
    {
        for (int i = 0; i < Values.Length; i++)
        {
            if (Tape.Kinds[i] is not (ExprKind.Bool or ExprKind.Compare or ExprKind.Logic) && !IsFinite(ToDouble(Values[i]))) return true;
        }
        return false;
    }

    private static bool IsFinite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);

    // Σ|tᵢ| for a sum, Π of magnitudes for a product, the branch taken for a select, mag(u)^e for u^e with e > 0,
    // |value| otherwise.
    private double Magnitude(ExprKind kind, int[] c, double own)
    {
        double total;
        switch (kind)
        {
            case ExprKind.Sum:
                total = 0;
                foreach (int k in c) total += _magnitude[k];
                break;
            case ExprKind.Product:
                total = 1;
                foreach (int k in c) total *= _magnitude[k];
                break;
            case ExprKind.Select:
                total = _magnitude[Truth[c[0]] ? c[1] : c[2]];
                break;
            case ExprKind.Power:
                // u^e for e > 0 with |terms| in u: a cancellation inside the base stays visible through the power.
                double exponent = ToDouble(Values[c[1]]);
                if (!(exponent > 0)) return own;
                total = System.Math.Pow(_magnitude[c[0]], exponent);
                break;
            default:
                return own;
        }
        return double.IsNaN(total) ? own : total;
    }

    /// <summary>The value of a node that is not a symbol or a condition, from its children's.</summary>
    protected abstract T Value(int index, ExprKind kind, int[] children);

    protected abstract T FromDouble(double value);

    protected abstract bool Compare(CompareOp op, T a, T b);

    protected abstract double ToDouble(T value);

    private bool Condition(Expr node, int[] c)
    {
        switch (node)
        {
            case BoolConstant b:
                return b.Value;
            case Compare compare:
                return Compare(compare.Op, Values[c[0]], Values[c[1]]);
            case Logic { Op: LogicOp.Not }:
                return !Truth[c[0]];
            case Logic { Op: LogicOp.And }:
                foreach (int k in c)
                {
                    if (!Truth[k]) return false;
                }
                return true;
            default:
                foreach (int k in c)
                {
                    if (Truth[k]) return true;
                }
                return false;
        }
    }
}
