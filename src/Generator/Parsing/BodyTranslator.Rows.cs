using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossDsl.Generator.Parsing;

/// <summary>Row losses: row aggregates, lambdas mapped over rows, and <c>row[label]</c>.</summary>
internal sealed partial class BodyTranslator
{
    private static readonly HashSet<string> AggregateNames = new() { "LogSumExp", "Sum", "Mean", "Max", "Dot", "Norm", "SquaredNorm" };

    private readonly RowTranslation? _rows;

    private static bool IsRowAggregate(IMethodSymbol method) =>
        method.ContainingType.ToDisplayString() == "LossDsl.LossMath" && AggregateNames.Contains(method.Name)
        && method.Parameters.Any(p => SignatureValidator.IsSpan(p.Type));

    // A row or a label used as a value, or an element read by index; null for everything else.
    private Expr? RowValue(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IParameterReferenceOperation row } indexer when _rows!.IsRow(row.Parameter):
                IOperation index = indexer.Arguments.Single().Value;
                if (index is not IParameterReferenceOperation label || !_rows.IsLabel(label.Parameter))
                {
                    throw RowUsage(index, "index a row only by an int class label parameter of the loss");
                }
                return _rows.Indexed(row.Parameter.Name, label.Parameter.Name);
            case IPropertyReferenceOperation { Property.Name: "Length", Instance: IParameterReferenceOperation row } when _rows!.IsRow(row.Parameter):
                return Ex.Sym(RowShape.Width);
            case IParameterReferenceOperation reference when _rows!.IsLabel(reference.Parameter):
                throw RowUsage(operation, "a class label only indexes a row (x[label]); it is not a number");
            case IParameterReferenceOperation reference when _rows!.IsRow(reference.Parameter):
                throw RowUsage(operation, "a row is read through LogSumExp, Sum, Mean, Max, Dot, Norm, SquaredNorm, by a label index or by its Length");
            default:
                return null;
        }
    }

    private Expr RowAggregate(IInvocationOperation invocation, Dictionary<ISymbol, Expr> scope)
    {
        if (_rows is null) throw RowUsage(invocation, "row aggregates belong to row losses, whose rows are ReadOnlySpan parameters");
        var arguments = invocation.Arguments.Where(a => a.Parameter is not null).OrderBy(a => a.Parameter!.Ordinal).Select(a => a.Value).ToList();
        var rows = arguments.Where(a => SignatureValidator.IsSpan(a.Type)).Select(RowName).ToList();
        Expr Element(int k) => Ex.Sym(RowShape.Element(rows[k]));
        string list = string.Join(", ", rows);
        switch (invocation.TargetMethod.Name)
        {
            case "LogSumExp":
                return _rows.Aggregate(AggregateKind.LogSumExp, Element(0), $"logsumexp({list})");
            case "Max":
                return _rows.Aggregate(AggregateKind.Max, Element(0), $"max({list})");
            case "Mean":
                return Ex.Div(_rows.Aggregate(AggregateKind.Sum, Element(0), $"sum({list})"), Ex.Sym(RowShape.Width));
            case "Dot":
                return _rows.Aggregate(AggregateKind.Sum, Ex.Mul(Element(0), Element(1)), $"dot({list})");
            case "SquaredNorm":
                return _rows.Aggregate(AggregateKind.Sum, Ex.Pow(Element(0), Ex.Const(2)), $"‖{list}‖²");
            case "Norm":
            {
                // √0 has an infinite derivative and x/‖x‖ is 0/0 at a zero row; PyTorch's norm takes the subgradient 0 there.
                Expr squares = _rows.Aggregate(AggregateKind.Sum, Ex.Pow(Element(0), Ex.Const(2)), $"‖{list}‖²");
                return Ex.Select(Ex.Compare(CompareOp.Greater, squares, Ex.Zero), Ex.Pow(squares, Ex.Const(0.5)), Ex.Zero);
            }
            case "Sum" when arguments.Count == rows.Count:
                return _rows.Aggregate(AggregateKind.Sum, Element(0), $"sum({list})");
            default:
                return MappedSum(invocation, arguments[arguments.Count - 1], rows, scope);
        }
    }

    // Sum(a, b, (u, v) => e): the lambda's body with u, v bound to a[j], b[j], inlined as the element of a sum.
    /// <summary>The lambda an argument passes (through its delegate creation and conversions), or null for a method group or a variable.</summary>
    public static IAnonymousFunctionOperation? LambdaOf(IOperation argument)
    {
        while (argument is IDelegateCreationOperation or IConversionOperation)
        {
            argument = argument is IDelegateCreationOperation creation ? creation.Target : ((IConversionOperation)argument).Operand;
        }
        return argument as IAnonymousFunctionOperation;
    }

    private Expr MappedSum(IInvocationOperation invocation, IOperation function, List<string> rows, Dictionary<ISymbol, Expr> scope)
    {
        if (LambdaOf(function) is not { } lambda)
        {
            throw RowUsage(function, "write the element function as a lambda here (a method group or a delegate variable cannot be inlined)");
        }
        Dictionary<ISymbol, Expr> inner = Copy(scope);
        for (int k = 0; k < rows.Count; k++) inner[lambda.Symbol.Parameters[k]] = Ex.Sym(RowShape.Element(rows[k]));
        Expr element = Statements(lambda.Body.Operations, 0, inner, null, lambda.Syntax.GetLocation(), "the element function");
        if (element.Contains(_rows!.IsAggregateSymbol))
        {
            throw RowUsage(lambda, "an element function cannot use a row aggregate (it would need another pass over the row); "
                + "expand it, e.g. Σⱼ wⱼ·(lse - xⱼ) = lse·Sum(w) - Dot(w, x)");
        }
        return _rows.Aggregate(AggregateKind.Sum, element, "Σⱼ " + ExprPrinter.Print(element, 80));
    }

    private string RowName(IOperation argument) => argument is IParameterReferenceOperation reference && _rows!.IsRow(reference.Parameter)
        ? reference.Parameter.Name
        : throw RowUsage(argument, "pass a row of the loss itself (one of its ReadOnlySpan parameters), not a slice or a local");

    private static UnsupportedCodeException RowUsage(IOperation operation, string why) =>
        Unsupported(DiagnosticDescriptors.RowUsage, operation.Syntax.GetLocation(), operation.Syntax.ToString(), why);
}
