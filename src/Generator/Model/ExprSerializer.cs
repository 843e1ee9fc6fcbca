using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LossDsl.Generator.Simplification;

namespace LossDsl.Generator.Model;

/// <summary>
/// A compact prefix form of an expression, written into <c>[LossFormula]</c> on generated classes so losses
/// of a referenced assembly can be inlined without their source: <c>(add $x (mul -1 $y) 2.5)</c>.
/// </summary>
internal static class ExprSerializer
{
    public static string Serialize(Expr expr)
    {
        var text = new StringBuilder();
        Write(expr, text);
        return text.ToString();
    }

    private static void Write(Expr expr, StringBuilder text)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expr)
        {
            case Constant c: text.Append(c.Value.ToString("R", CultureInfo.InvariantCulture)); return;
            case BoolConstant b: text.Append(b.Value ? "#t" : "#f"); return;
            case Symbol s: text.Append('$').Append(s.Name); return;
        }
        text.Append('(').Append(Head(expr));
        foreach (Expr child in expr.Children)
        {
            text.Append(' ');
            Write(child, text);
        }
        text.Append(')');
    }

    private static string Head(Expr expr) => expr switch
    {
        Sum => "add",
        Product => "mul",
        Power => "pow",
        Call call => call.Function.MathName(),
        Compare compare => compare.Op.ToString().ToLowerInvariant(),
        Logic logic => logic.Op.ToString().ToLowerInvariant(),
        _ => "select",
    };

    /// <summary>Parses the prefix form back, through the smart constructors. Throws <see cref="FormatException"/> on bad text.</summary>
    public static Expr Deserialize(string text)
    {
        int position = 0;
        Expr result = Read(text, ref position);
        SkipSpace(text, ref position);
        if (position != text.Length) throw new FormatException($"Unexpected text at {position}.");
        return result;
    }

    private static Expr Read(string text, ref int position)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length) throw new FormatException("Unexpected end of formula.");
        if (text[position] != '(')
        {
            string atom = Token(text, ref position);
            if (atom == "#t") return Ex.True;
            if (atom == "#f") return Ex.False;
            if (atom.StartsWith("$", StringComparison.Ordinal)) return Ex.Sym(atom.Substring(1));
            return Ex.Const(double.Parse(atom, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        position++;
        string head = Token(text, ref position);
        var children = ImmutableArray.CreateBuilder<Expr>();
        while (true)
        {
            SkipSpace(text, ref position);
            if (position >= text.Length) throw new FormatException("Unclosed '('.");
            if (text[position] == ')')
            {
                position++;
                break;
            }
            children.Add(Read(text, ref position));
        }
        return Build(head, children.ToImmutable());
    }

    private static readonly Dictionary<string, Function> Functions = CreateFunctionTable();

    private static Dictionary<string, Function> CreateFunctionTable()
    {
        var table = new Dictionary<string, Function>(StringComparer.Ordinal);
        foreach (Function f in (Function[])Enum.GetValues(typeof(Function)))
        {
            if (f.IsLanguageFunction()) table[f.MathName()] = f;
        }
        return table;
    }

    private static Expr Build(string head, ImmutableArray<Expr> c)
    {
        switch (head)
        {
            case "add": return Ex.Add(c);
            case "mul": return Ex.Mul(c);
            case "pow": return Ex.Pow(c[0], c[1]);
            case "select": return Ex.Select(c[0], c[1], c[2]);
            case "not": return Ex.Not(c[0]);
            case "and": return Ex.Rebuild(new Logic(LogicOp.And, c), c);
            case "or": return Ex.Rebuild(new Logic(LogicOp.Or, c), c);
        }
        if (Enum.TryParse(head, ignoreCase: true, out CompareOp op) && c.Length == 2) return Ex.Compare(op, c[0], c[1]);
        if (Functions.TryGetValue(head, out Function function) && c.Length == function.Arity()) return Ex.Call(function, c);
        throw new FormatException($"Unknown operation '{head}' with {c.Length} operand(s).");
    }

    private static string Token(string text, ref int position)
    {
        int start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] != '(' && text[position] != ')') position++;
        if (position == start) throw new FormatException($"Expected a token at {start}.");
        return text.Substring(start, position - start);
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
    }
}
