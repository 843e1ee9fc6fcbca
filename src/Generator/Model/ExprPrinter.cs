using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace LossDsl.Generator.Model;

/// <summary>Prints an expression as plain infix math, for XML docs, comments and test messages.</summary>
internal static class ExprPrinter
{
    private const int SumPrecedence = 1, ProductPrecedence = 2, PowerPrecedence = 3, AtomPrecedence = 4;

    /// <summary>The infix text; past <paramref name="maxLength"/> characters it ends with "…".</summary>
    public static string Print(Expr expr, int maxLength = int.MaxValue, Func<Expr, string?>? nameOf = null)
    {
        var printer = new Writer(maxLength, nameOf);
        printer.Write(expr, 0, isRoot: true);
        return printer.Result;
    }

    public static string FormatNumber(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "∞"
        : double.IsNegativeInfinity(value) ? "-∞"
        // A float literal prints as written (1E-07), not as its double expansion (1.0000000116860974E-07).
        : (double)(float)value == value ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A sum's terms with positive ones first, so it reads "1 - y", not "-y + 1".</summary>
    public static List<Expr> DisplayOrder(Sum sum) =>
        sum.Terms.Where(t => !IsNegativeTerm(t, out _)).Concat(sum.Terms.Where(t => IsNegativeTerm(t, out _))).ToList();

    /// <summary>Whether the term prints with a leading minus (a negative constant or coefficient).</summary>
    public static bool IsNegativeTerm(Expr term, out double coefficient)
    {
        coefficient = term switch
        {
            Constant c => c.Value,
            Product p when p.Factors[0] is Constant c => c.Value,
            _ => 1,
        };
        return coefficient < 0;
    }

    private sealed class Writer(int maxLength, Func<Expr, string?>? nameOf)
    {
        private readonly StringBuilder _text = new();
        private bool _truncated;

        public string Result => _truncated ? _text.ToString() + "…" : _text.ToString();

        private void Append(string text)
        {
            if (_truncated) return;
            if (_text.Length + text.Length > maxLength)
            {
                _truncated = true;
                return;
            }
            _text.Append(text);
        }

        public void Write(Expr expr, int parentPrecedence, bool isRoot = false)
        {
            if (_truncated) return;
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            if (!isRoot && nameOf?.Invoke(expr) is { } name)
            {
                Append(name);
                return;
            }
            int precedence = Precedence(expr);
            bool parenthesize = precedence < parentPrecedence;
            if (parenthesize) Append("(");
            WriteBare(expr);
            if (parenthesize) Append(")");
        }

        private static int Precedence(Expr expr) => expr switch
        {
            Sum => SumPrecedence,
            Product => ProductPrecedence,
            Constant c when c.Value < 0 => ProductPrecedence,
            Power { Exponent: Constant { Value: < 0 } } => ProductPrecedence,
            Power => PowerPrecedence,
            Compare or Logic { Op: not LogicOp.Not } => 0,
            _ => AtomPrecedence,
        };

        private void WriteBare(Expr expr)
        {
            switch (expr)
            {
                case Constant c: Append(FormatNumber(c.Value)); break;
                case BoolConstant b: Append(b.Value ? "true" : "false"); break;
                case Symbol s: Append(s.Name); break;
                case Sum sum: WriteSum(sum); break;
                case Product product: WriteProduct(product); break;
                case Power { Exponent: Constant { Value: < 0 } negative } reciprocal:
                    Append("1 / ");
                    Write(negative.Value == -1 ? reciprocal.Base : Simplification.Ex.Pow(reciprocal.Base, Simplification.Ex.Const(-negative.Value)), PowerPrecedence);
                    break;
                case Power power:
                    Write(power.Base, PowerPrecedence + 1);
                    Append("^");
                    Write(power.Exponent, PowerPrecedence + 1);
                    break;
                case Call { Function: Function.Abs } abs:
                    Append("|");
                    Write(abs.Arguments[0], 0);
                    Append("|");
                    break;
                case Call call:
                    Append(call.Function.MathName());
                    Append("(");
                    for (int i = 0; i < call.Arguments.Length; i++)
                    {
                        if (i > 0) Append(", ");
                        Write(call.Arguments[i], 0);
                    }
                    Append(")");
                    break;
                case Compare compare:
                    Write(compare.Left, SumPrecedence);
                    Append(compare.Op switch
                    {
                        CompareOp.Equal => " == ",
                        CompareOp.NotEqual => " != ",
                        CompareOp.Less => " < ",
                        CompareOp.LessOrEqual => " <= ",
                        CompareOp.Greater => " > ",
                        _ => " >= ",
                    });
                    Write(compare.Right, SumPrecedence);
                    break;
                case Logic { Op: LogicOp.Not } not:
                    Append("!");
                    Write(not.Operands[0], AtomPrecedence);
                    break;
                case Logic logic:
                    for (int i = 0; i < logic.Operands.Length; i++)
                    {
                        if (i > 0) Append(logic.Op == LogicOp.And ? " && " : " || ");
                        Write(logic.Operands[i], AtomPrecedence);
                    }
                    break;
                case Select select:
                    Append("(");
                    Write(select.Condition, 0);
                    Append(" ? ");
                    Write(select.WhenTrue, SumPrecedence);
                    Append(" : ");
                    Write(select.WhenFalse, SumPrecedence);
                    Append(")");
                    break;
            }
        }

        private void WriteSum(Sum sum)
        {
            var terms = DisplayOrder(sum);
            for (int i = 0; i < terms.Count; i++)
            {
                Expr term = terms[i];
                if (i > 0 && IsNegativeTerm(term, out _) && nameOf?.Invoke(term) is null)
                {
                    Append(" - ");
                    WriteNegated(term);
                }
                else
                {
                    if (i > 0) Append(" + ");
                    Write(term, SumPrecedence + 1);
                }
            }
        }

        private void WriteNegated(Expr term)
        {
            if (term is Constant c)
            {
                Append(FormatNumber(-c.Value));
                return;
            }
            var product = (Product)term;
            double coefficient = -((Constant)product.Factors[0]).Value;
            WriteFactors(coefficient, product, SumPrecedence + 1);
        }

        private void WriteProduct(Product product)
        {
            if (product.Factors[0] is Constant c)
            {
                if (c.Value == -1)
                {
                    Append("-");
                    WriteFactors(1, product, PowerPrecedence);
                    return;
                }
                WriteFactors(c.Value, product, ProductPrecedence);
                return;
            }
            WriteFactors(1, product, ProductPrecedence);
        }

        // coefficient · numerator / denominator; factors with a negative constant exponent go below the line.
        private void WriteFactors(double coefficient, Product product, int parentPrecedence)
        {
            int shown = (coefficient != 1 ? 1 : 0) + product.Factors.Count(f => f is not Constant);
            bool parenthesize = parentPrecedence > ProductPrecedence && (shown > 1 || product.Factors.Any(f => IsReciprocal(f, out _)));
            if (parenthesize) Append("(");
            bool wrote = false;
            if (coefficient != 1)
            {
                Append(FormatNumber(coefficient));
                wrote = true;
            }
            int denominators = 0;
            foreach (Expr factor in product.Factors)
            {
                if (factor is Constant) continue;
                if (IsReciprocal(factor, out _))
                {
                    denominators++;
                    continue;
                }
                if (wrote) Append(" * ");
                Write(factor, ProductPrecedence + 1);
                wrote = true;
            }
            if (!wrote) Append("1");
            if (denominators > 0)
            {
                Append(" / ");
                if (denominators > 1) Append("(");
                bool first = true;
                foreach (Expr factor in product.Factors)
                {
                    if (!IsReciprocal(factor, out Expr? denominator)) continue;
                    if (!first) Append(" * ");
                    Write(denominator!, denominators > 1 ? ProductPrecedence + 1 : PowerPrecedence);
                    first = false;
                }
                if (denominators > 1) Append(")");
            }
            if (parenthesize) Append(")");
        }

        private bool IsReciprocal(Expr factor, out Expr? denominator)
        {
            denominator = null;
            if (nameOf?.Invoke(factor) is not null) return false;
            if (factor is Power { Exponent: Constant { Value: < 0 } e } power)
            {
                denominator = e.Value == -1 ? power.Base : Simplification.Ex.Pow(power.Base, Simplification.Ex.Const(-e.Value));
                return true;
            }
            return false;
        }
    }
}
