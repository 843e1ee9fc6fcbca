using System;
using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;

namespace LossDsl.Generator.Emission;

/// <summary>
/// Writes an expression as calls on the kernel's ops type parameter (<c>V.Add</c>, <c>V.Exp</c>, …),
/// reading temporaries, constants and symbols by name. The same text serves every vector width and the
/// scalar tail. Constants it meets are collected so they can be hoisted out of the loop.
/// </summary>
internal sealed class ExpressionEmitter(KernelProgram program, ScalarType type, IReadOnlyDictionary<string, string> symbolNames, string ops = "V", string vector = "TVec")
{
    private readonly Dictionary<double, string> _constants = new();
    private readonly List<double> _constantOrder = new();

    public static string TempName(int index) => "t" + index;

    /// <summary>Constants used so far, with their names, in first-use order.</summary>
    public IEnumerable<(string Name, double Value)> Constants => _constantOrder.Select(v => (_constants[v], v));

    public string NameOf(Expr expr)
    {
        int temp = program.TempIndexOf(expr);
        return temp >= 0 ? TempName(temp) : "";
    }

    /// <summary>The comment text for a node: its math, with temporaries by name.</summary>
    public string Describe(Expr expr) =>
        ExprPrinter.Print(expr, 200, e => program.TempIndexOf(e) is var i and >= 0 ? TempName(i)
            : e is Symbol internalSymbol && internalSymbol.Name.StartsWith("@", StringComparison.Ordinal) ? symbolNames[internalSymbol.Name] // the kernels' own values, by their local's name
            : null);

    /// <summary>The code computing <paramref name="expr"/>; with <paramref name="definition"/>, the node itself is expanded even if it is a temporary.</summary>
    public string Emit(Expr expr, bool definition = false)
    {
        if (!definition && program.TempIndexOf(expr) is var index and >= 0) return TempName(index);
        return expr switch
        {
            Constant c => Constant(c.Value),
            BoolConstant b => b.Value ? $"{ops}.Equal({ops}.Zero, {ops}.Zero)" : $"{ops}.Zero",
            Symbol s => symbolNames[s.Name],
            Sum sum => EmitSum(sum),
            Product product => EmitProduct(product),
            Power power => EmitPower(power.Base, power.Exponent),
            Call call => $"{ops}.{call.Function}({string.Join(", ", call.Arguments.Select(a => Emit(a)))})",
            Compare compare => $"{ops}.{CompareMethod(compare.Op)}({Emit(compare.Left)}, {Emit(compare.Right)})",
            Logic { Op: LogicOp.Not } not => $"{ops}.Not({Emit(not.Operands[0])})",
            Logic logic => logic.Operands.Skip(1).Aggregate(Emit(logic.Operands[0]), (acc, o) => $"{ops}.{logic.Op}({acc}, {Emit(o)})"),
            Select select => $"{ops}.Select({Emit(select.Condition)}, {Emit(select.WhenTrue)}, {Emit(select.WhenFalse)})",
            _ => throw new InvalidOperationException("Unknown node " + expr.Kind),
        };
    }

    private string Constant(double value)
    {
        if (!_constants.TryGetValue(value, out string? name))
        {
            name = "c" + _constants.Count;
            _constants[value] = name;
            _constantOrder.Add(value);
        }
        return name;
    }

    private string EmitSum(Sum sum)
    {
        List<Expr> terms = Lowering.SummationOrder(sum);
        string result = Emit(terms[0]);
        foreach (Expr term in terms.Skip(1))
        {
            if (program.TempIndexOf(term) < 0 && ExprPrinter.IsNegativeTerm(term, out double coefficient))
            {
                (_, Expr rest) = Ex.SplitCoefficient(term);
                Expr positive = term is Constant ? Ex.Const(-coefficient) : Ex.Mul(Ex.Const(-coefficient), rest);
                // Expanded, never looked up: the rebuilt node may equal a temporary defined later in the program.
                result = $"{ops}.Subtract({result}, {Emit(positive, definition: true)})";
            }
            else
            {
                result = $"{ops}.Add({result}, {Emit(term)})";
            }
        }
        return result;
    }

    // c · (numerator factors) / (denominator factors): reciprocals become one division, not a Pow.
    private string EmitProduct(Product product)
    {
        double coefficient = 1;
        var numerator = new List<string>();
        var denominator = new List<string>();
        foreach (Expr factor in product.Factors)
        {
            if (factor is Constant c)
            {
                coefficient = c.Value;
            }
            else if (program.TempIndexOf(factor) < 0 && factor is Power { Exponent: Constant { Value: < 0 } e } power)
            {
                denominator.Add(EmitPower(power.Base, Ex.Const(-e.Value)));
            }
            else
            {
                numerator.Add(Emit(factor));
            }
        }
        string? top = numerator.Count == 0 ? null : numerator.Skip(1).Aggregate(numerator[0], (acc, f) => $"{ops}.Multiply({acc}, {f})");
        if (top is null)
        {
            top = Constant(coefficient);
        }
        else if (coefficient == -1)
        {
            top = $"{ops}.Negate({top})";
        }
        else if (coefficient != 1)
        {
            top = $"{ops}.Multiply({Constant(coefficient)}, {top})";
        }
        if (denominator.Count == 0) return top;
        string bottom = denominator.Skip(1).Aggregate(denominator[0], (acc, f) => $"{ops}.Multiply({acc}, {f})");
        return $"{ops}.Divide({top}, {bottom})";
    }

    private string EmitPower(Expr @base, Expr exponent)
    {
        if (exponent is Constant { Value: var k } && Lowering.HasShortcut(exponent))
        {
            if (k < 0) return $"{ops}.Divide({Constant(1)}, {EmitPower(@base, Ex.Const(-k))})";
            string b = Emit(@base);
            return k switch
            {
                0.5 => $"{ops}.Sqrt({b})",
                1 => b,
                2 => $"{ops}.Square({b})",
                3 => $"{ops}.Multiply({ops}.Square({b}), {b})",
                _ => $"{ops}.Square({ops}.Square({b}))",
            };
        }
        // Lowering rewrites every other power as exp(y·log|x|); the general call serves programs not lowered.
        return $"{ops}.Pow({Emit(@base)}, {Emit(exponent)})";
    }

    private static string CompareMethod(CompareOp op) => op switch
    {
        CompareOp.Equal => "Equal",
        CompareOp.NotEqual => "NotEqual",
        CompareOp.Less => "LessThan",
        CompareOp.LessOrEqual => "LessThanOrEqual",
        CompareOp.Greater => "GreaterThan",
        _ => "GreaterThanOrEqual",
    };

    public string ConstantDeclaration(string name, double value) =>
        $"{vector} {name} = {ops}.Create({Literals.Number(value, type)});";
}
