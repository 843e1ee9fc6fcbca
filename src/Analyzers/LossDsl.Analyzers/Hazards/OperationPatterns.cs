using System.Collections.Immutable;
using System.Linq;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossDsl.Analyzers.Hazards;

/// <summary>Shape tests on source operations (through implicit conversions), in any of the language's spellings.</summary>
internal static class OperationPatterns
{
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion) operation = conversion.Operand;
        return operation;
    }

    /// <summary>The arguments of a call to the language function <paramref name="function"/>, in parameter order.</summary>
    public static bool IsCall(IOperation operation, Function function, out ImmutableArray<IOperation> arguments)
    {
        arguments = default;
        if (Unwrap(operation) is not IInvocationOperation invocation
            || !LanguageFunctions.TryRecognize(invocation.TargetMethod, out LanguageFunctions.Shape shape, out Function recognized)
            || shape != LanguageFunctions.Shape.Function || recognized != function)
        {
            return false;
        }
        arguments = Arguments(invocation);
        return true;
    }

    public static ImmutableArray<IOperation> Arguments(IInvocationOperation invocation) =>
        invocation.Arguments.Where(a => a.Parameter is not null).OrderBy(a => a.Parameter!.Ordinal).Select(a => a.Value).ToImmutableArray();

    public static bool IsSquare(IOperation operation, out IOperation? squared)
    {
        squared = null;
        IOperation unwrapped = Unwrap(operation);
        if (unwrapped is IInvocationOperation invocation
            && LanguageFunctions.TryRecognize(invocation.TargetMethod, out LanguageFunctions.Shape shape, out _)
            && shape == LanguageFunctions.Shape.Square)
        {
            squared = Arguments(invocation)[0];
            return true;
        }
        if (unwrapped is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } product
            && product.LeftOperand.Syntax.IsEquivalentTo(product.RightOperand.Syntax, topLevel: false))
        {
            squared = product.LeftOperand;
            return true;
        }
        return false;
    }

    public static bool IsConstant(IOperation operation, double value) =>
        Unwrap(operation).ConstantValue is { HasValue: true, Value: { } constant }
        && constant is System.IConvertible convertible
        && convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture) == value;

    /// <summary><c>1 + x</c> or <c>x + 1</c>: the other operand.</summary>
    public static bool IsOnePlus(IOperation operation, out IOperation? other)
    {
        other = null;
        if (Unwrap(operation) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum) return false;
        if (IsConstant(sum.LeftOperand, 1)) other = sum.RightOperand;
        else if (IsConstant(sum.RightOperand, 1)) other = sum.LeftOperand;
        return other is not null;
    }

    /// <summary><c>Sum(row, v =&gt; Exp(v))</c> of a row loss: the row and the Exp call.</summary>
    public static bool IsSumOfExpOverRow(IOperation operation, out IOperation? row, out IOperation? exp)
    {
        row = exp = null;
        if (Unwrap(operation) is not IInvocationOperation { TargetMethod: { Name: "Sum", ContainingType: { } host } } sum
            || host.ToDisplayString() != "LossDsl.LossMath" || sum.Arguments.Length != 2) return false;
        var arguments = Arguments(sum);
        if (BodyTranslator.LambdaOf(arguments[1]) is not { } lambda || lambda.Body.Operations.Length != 1
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned }
            || !IsCall(returned, Function.Exp, out var expArguments)
            || Unwrap(expArguments[0]) is not IParameterReferenceOperation element
            || !SymbolEqualityComparer.Default.Equals(element.Parameter, lambda.Symbol.Parameters[0]))
        {
            return false;
        }
        (row, exp) = (arguments[0], Unwrap(returned));
        return true;
    }

    /// <summary><c>1 - x</c>: x.</summary>
    public static bool IsOneMinus(IOperation operation, out IOperation? subtracted)
    {
        subtracted = null;
        if (Unwrap(operation) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference && IsConstant(difference.LeftOperand, 1))
        {
            subtracted = difference.RightOperand;
        }
        return subtracted is not null;
    }
}
