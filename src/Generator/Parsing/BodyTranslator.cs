using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LossDsl.Generator.Parsing;

/// <summary>
/// Translates a method body (through Roslyn's <see cref="IOperation"/> tree, so types, conversions, constants
/// and overloads are the compiler's own) into an <see cref="Expr"/>. Locals are substituted where they are
/// read; calls to [Loss] and [Differentiable] methods are inlined.
/// </summary>
internal sealed partial class BodyTranslator
{
    private const string DifferentiableAttributeName = "LossDsl.DifferentiableAttribute";
    private const string LossFormulaAttributeName = "LossDsl.Kernels.LossFormulaAttribute";

    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellationToken;
    private readonly ITranslationObserver? _observer;
    private readonly List<IMethodSymbol> _inlining = new();

    // For the observer: the branch conditions around the value being translated, and the call in the
    // analyzed method's own body that the current inlined body came from.
    private PathCondition? _path;
    private IOperation? _callSite;

    // A call inlined once per distinct (method, arguments): a helper called twice with the same arguments at
    // every level of a composition is translated once per level, not 2^depth times.
    private readonly Dictionary<(IMethodSymbol Method, EquatableArray<Expr> Arguments), Expr> _inlined =
        new(new InlineKeyComparer());

    public BodyTranslator(Compilation compilation, CancellationToken cancellationToken, ITranslationObserver? observer = null, RowTranslation? rows = null)
    {
        _compilation = compilation;
        _cancellationToken = cancellationToken;
        _observer = observer;
        _rows = rows;
    }

    public static bool IsInlinable(IMethodSymbol method) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is LossParser.LossAttributeName or DifferentiableAttributeName);

    /// <summary>Translates the body of <paramref name="method"/> with its parameters bound to <paramref name="arguments"/>.</summary>
    public Expr TranslateMethod(IMethodSymbol method, MethodDeclarationSyntax declaration, IEnumerable<(IParameterSymbol Parameter, Expr Value)> arguments)
    {
        if (declaration.ContainsDiagnostics) throw new BrokenCodeException(); // syntax errors: half-typed code
        if (declaration.Body is null && declaration.ExpressionBody is null)
        {
            throw Unsupported(DiagnosticDescriptors.MissingReturn, declaration.Identifier.GetLocation(), method.Name);
        }
#pragma warning disable RS1030 // Inlined methods live in other syntax trees; the analyzers translate only their own block through here.
        SemanticModel model = _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
        if (model.GetOperation(declaration, _cancellationToken) is not IMethodBodyOperation body)
        {
            throw new BrokenCodeException();
        }
        return TranslateBody(method, declaration, body, arguments);
    }

    /// <summary>Translates an already bound method body (the analyzers get it from the compiler).</summary>
    public Expr TranslateBody(IMethodSymbol method, MethodDeclarationSyntax declaration, IMethodBodyOperation body, IEnumerable<(IParameterSymbol Parameter, Expr Value)> arguments)
    {
        if (declaration.ContainsDiagnostics) throw new BrokenCodeException();
        IBlockOperation? block = body.BlockBody ?? body.ExpressionBody;
        if (block is null)
        {
            throw Unsupported(DiagnosticDescriptors.MissingReturn, declaration.Identifier.GetLocation(), method.Name);
        }
        var scope = new Dictionary<ISymbol, Expr>(SymbolEqualityComparer.Default);
        foreach (var (parameter, value) in arguments) scope[parameter] = value;
        _inlining.Add(method.OriginalDefinition);
        try
        {
            return Statements(block.Operations, 0, scope, null, declaration.Identifier.GetLocation(), method.Name);
        }
        finally
        {
            _inlining.RemoveAt(_inlining.Count - 1);
        }
    }

    // Local declarations, then 'return'; 'if (c) return a; …' means c ? a : (the rest). A branch that does
    // not return falls through to the statements after its 'if' (computed once, shared by every such path).
    private Expr Statements(ImmutableArray<IOperation> statements, int start, Dictionary<ISymbol, Expr> scope, Func<Expr>? fallThrough, Location owner, string methodName)
    {
        for (int i = start; i < statements.Length; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            IOperation statement = statements[i];
            switch (statement)
            {
                case IVariableDeclarationGroupOperation group:
                    foreach (IVariableDeclarationOperation declaration in group.Declarations)
                    {
                        foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
                        {
                            IVariableInitializerOperation? initializer = declarator.Initializer ?? declaration.Initializer;
                            if (initializer is null)
                            {
                                throw Unsupported(DiagnosticDescriptors.UnsupportedStatement, declarator.Syntax.GetLocation(), $"Declaring '{declarator.Symbol.Name}' without a value");
                            }
                            scope[declarator.Symbol] = Value(initializer.Value, scope);
                        }
                    }
                    break;
                case IReturnOperation { ReturnedValue: { } returned }:
                    return Value(returned, scope);
                case IConditionalOperation branch:
                {
                    Expr condition = Value(branch.Condition, scope);
                    int next = i + 1;
                    // The statements after the 'if' run when no branch returned: under the 'else' when there is none.
                    PathCondition? outer = _path;
                    var rest = new Lazy<Expr>(() => Under(branch.WhenFalse is null ? new PathCondition(condition, false, outer) : outer,
                        () => Statements(statements, next, Copy(scope), fallThrough, owner, methodName)));
                    Expr whenTrue = Under(new PathCondition(condition, true, outer), () => Branch(branch.WhenTrue, scope, () => rest.Value, methodName));
                    Expr whenFalse = branch.WhenFalse is { } elseBranch
                        ? Under(new PathCondition(condition, false, outer), () => Branch(elseBranch, scope, () => rest.Value, methodName))
                        : rest.Value;
                    return Ex.Select(condition, whenTrue, whenFalse);
                }
                case IBlockOperation nested:
                {
                    int next = i + 1;
                    return Branch(nested, scope, () => Statements(statements, next, Copy(scope), fallThrough, owner, methodName), methodName);
                }
                case IEmptyOperation:
                    break;
                case IInvalidOperation:
                    throw new BrokenCodeException();
                case IExpressionStatementOperation { Operation: IAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation } mutation:
                    throw Unsupported(DiagnosticDescriptors.Mutation, mutation.Operation.Syntax.GetLocation(), mutation.Operation.Syntax.ToString());
                case ILoopOperation:
                    throw Unsupported(DiagnosticDescriptors.UnsupportedStatement, LeadingToken(statement), "A loop");
                default:
                    throw Unsupported(DiagnosticDescriptors.UnsupportedStatement, LeadingToken(statement), Describe(statement));
            }
        }
        return fallThrough is not null ? fallThrough() : throw Unsupported(DiagnosticDescriptors.MissingReturn, owner, methodName);
    }

    private Expr Branch(IOperation statement, Dictionary<ISymbol, Expr> scope, Func<Expr> fallThrough, string methodName)
    {
        ImmutableArray<IOperation> statements = statement is IBlockOperation block ? block.Operations : ImmutableArray.Create(statement);
        return Statements(statements, 0, Copy(scope), fallThrough, statement.Syntax.GetLocation(), methodName);
    }

    private T Under<T>(PathCondition? path, Func<T> translate)
    {
        PathCondition? saved = _path;
        _path = path;
        try
        {
            return translate();
        }
        finally
        {
            _path = saved;
        }
    }

    private static Dictionary<ISymbol, Expr> Copy(Dictionary<ISymbol, Expr> scope) => new(scope, SymbolEqualityComparer.Default);

    private static Location LeadingToken(IOperation statement) => statement.Syntax.GetFirstToken().GetLocation();

    private static string Describe(IOperation statement) => statement switch
    {
        ILocalFunctionOperation => "A local function",
        IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => "'throw'",
        ITryOperation => "'try'",
        ISwitchOperation => "'switch'",
        IExpressionStatementOperation => $"The statement '{statement.Syntax.ToString().TrimEnd(';')}'",
        _ => $"'{statement.Syntax.GetFirstToken().Text}'",
    };

    private Expr Value(IOperation operation, Dictionary<ISymbol, Expr> scope)
    {
        Expr value = Translate(operation, scope);
        _observer?.OnValue(operation, value, _path, _callSite);
        return value;
    }

    private Expr Translate(IOperation operation, Dictionary<ISymbol, Expr> scope)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (operation.Type is IErrorTypeSymbol || operation is IInvalidOperation) throw new BrokenCodeException();
        if (_rows is not null && RowValue(operation) is { } rowValue) return rowValue;
        if (operation.ConstantValue is { HasValue: true, Value: { } constant })
        {
            return constant switch
            {
                bool b => Ex.Bool(b),
                float f => Ex.Const(f),
                double d => Ex.Const(d),
                IConvertible c and (int or long or short or sbyte or byte or uint or ulong or ushort or decimal) => Ex.Const(c.ToDouble(CultureInfo.InvariantCulture)),
                _ => throw Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax.GetLocation(), operation.Syntax.ToString()),
            };
        }
        if (IsIntegral(operation.Type) && operation is not IInvocationOperation)
        {
            throw Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax.GetLocation(), $"{operation.Syntax} (integer arithmetic; use floating-point values)");
        }
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return scope.TryGetValue(parameter.Parameter, out Expr? p) ? p : throw new BrokenCodeException();
            case ILocalReferenceOperation local:
                return scope.TryGetValue(local.Local, out Expr? l) ? l : throw new BrokenCodeException();
            case IConversionOperation conversion when IsNumeric(conversion.Type) && IsNumeric(conversion.Operand.Type):
                if (IsIntegral(conversion.Type))
                {
                    throw Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax.GetLocation(), $"{operation.Syntax} (conversion to an integer)");
                }
                return Value(conversion.Operand, scope);
            case IBinaryOperation binary:
                return Binary(binary, scope);
            case IPropertyReferenceOperation { Property: { IsStatic: true } property } when GenericMath.Constant(property) is { } value:
                return Ex.Const(value);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation:
                return Ex.Neg(Value(negation.Operand, scope));
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return Value(plus.Operand, scope);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Ex.Not(Value(not.Operand, scope));
            case IUnaryOperation unary:
                throw Unsupported(DiagnosticDescriptors.UnsupportedOperator, unary.Syntax.GetLocation(), OperatorText(unary.Syntax));
            case IConditionalOperation { WhenFalse: { } whenFalse, IsRef: false } conditional:
            {
                Expr condition = Value(conditional.Condition, scope);
                PathCondition? outer = _path;
                return Ex.Select(condition,
                    Under(new PathCondition(condition, true, outer), () => Value(conditional.WhenTrue, scope)),
                    Under(new PathCondition(condition, false, outer), () => Value(whenFalse, scope)));
            }
            case IInvocationOperation invocation:
                return Invocation(invocation, scope);
            case IAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation:
                throw Unsupported(DiagnosticDescriptors.Mutation, operation.Syntax.GetLocation(), operation.Syntax.ToString());
            case IInvalidOperation:
                throw new BrokenCodeException();
            case var _ when operation.DescendantsAndSelf().Any(o => o is IInvalidOperation || o.Type is IErrorTypeSymbol):
                throw new BrokenCodeException();
            default:
                throw Unsupported(DiagnosticDescriptors.UnsupportedExpression, operation.Syntax.GetLocation(), operation.Syntax.ToString());
        }
    }

    private Expr Binary(IBinaryOperation binary, Dictionary<ISymbol, Expr> scope)
    {
        BinaryOperatorKind kind = binary.OperatorKind;
        bool isLogical = kind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr
            || (kind is BinaryOperatorKind.And or BinaryOperatorKind.Or && binary.Type?.SpecialType == SpecialType.System_Boolean);
        bool known = isLogical || kind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide
            or BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
            or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;
        if (!known || (binary.OperatorMethod is not null && !GenericMath.IsOperator(binary.OperatorMethod)))
        {
            throw Unsupported(DiagnosticDescriptors.UnsupportedOperator, binary.Syntax.GetLocation(), OperatorText(binary.Syntax));
        }
        Expr left = Value(binary.LeftOperand, scope), right = Value(binary.RightOperand, scope);
        return kind switch
        {
            BinaryOperatorKind.Add => Ex.Add(left, right),
            BinaryOperatorKind.Subtract => Ex.Sub(left, right),
            BinaryOperatorKind.Multiply => Ex.Mul(left, right),
            BinaryOperatorKind.Divide => Ex.Div(left, right),
            BinaryOperatorKind.Equals => Ex.Compare(CompareOp.Equal, left, right),
            BinaryOperatorKind.NotEquals => Ex.Compare(CompareOp.NotEqual, left, right),
            BinaryOperatorKind.LessThan => Ex.Compare(CompareOp.Less, left, right),
            BinaryOperatorKind.LessThanOrEqual => Ex.Compare(CompareOp.LessOrEqual, left, right),
            BinaryOperatorKind.GreaterThan => Ex.Compare(CompareOp.Greater, left, right),
            BinaryOperatorKind.GreaterThanOrEqual => Ex.Compare(CompareOp.GreaterOrEqual, left, right),
            BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And => Ex.And(left, right),
            _ => Ex.Or(left, right),
        };
    }

    private static string OperatorText(SyntaxNode syntax) => syntax switch
    {
        BinaryExpressionSyntax b => b.OperatorToken.Text,
        PrefixUnaryExpressionSyntax u => u.OperatorToken.Text,
        PostfixUnaryExpressionSyntax u => u.OperatorToken.Text,
        _ => syntax.ToString(),
    };

    private Expr Invocation(IInvocationOperation invocation, Dictionary<ISymbol, Expr> scope)
    {
        IMethodSymbol target = invocation.TargetMethod;
        if (IsInlinable(target)) return Inline(invocation, scope);
        if (IsRowAggregate(target)) return RowAggregate(invocation, scope);
        if (GenericMath.IsConversion(target)) return Value(invocation.Arguments[0].Value, scope);
        if (!LanguageFunctions.TryRecognize(target, out LanguageFunctions.Shape shape, out Function function))
        {
            throw Unsupported(DiagnosticDescriptors.UnknownCall, invocation.Syntax.GetLocation(), target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
        }
        ImmutableArray<Expr> args = Arguments(invocation, scope).Select(a => a.Value).ToImmutableArray();
        return shape switch
        {
            LanguageFunctions.Shape.Square => Ex.Pow(args[0], Ex.Const(2)),
            LanguageFunctions.Shape.Pow => Ex.Pow(args[0], args[1]),
            _ => Ex.Call(function, args),
        };
    }

    /// <summary>Arguments in parameter order (named arguments and omitted defaults included).</summary>
    private List<(IParameterSymbol Parameter, Expr Value)> Arguments(IInvocationOperation invocation, Dictionary<ISymbol, Expr> scope) =>
        invocation.Arguments
            .Where(a => a.Parameter is not null)
            .OrderBy(a => a.Parameter!.Ordinal)
            .Select(a => (a.Parameter!, Value(a.Value, scope)))
            .ToList();

    private Expr Inline(IInvocationOperation invocation, Dictionary<ISymbol, Expr> scope)
    {
        IMethodSymbol target = invocation.TargetMethod.OriginalDefinition;
        Location callSite = invocation.Syntax.GetLocation();
        string name = target.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        if (_inlining.Contains(target, SymbolEqualityComparer.Default))
        {
            string chain = string.Join(" → ", _inlining.Select(m => m.Name).Concat(new[] { target.Name }));
            throw Unsupported(DiagnosticDescriptors.RecursiveInlining, callSite, target.Name, chain);
        }
        var arguments = Arguments(invocation, scope);
        if (SignatureValidator.FirstProblem(target) is { } problem)
        {
            throw Unsupported(DiagnosticDescriptors.NotInlinable, callSite, name, problem);
        }
        var key = (target, arguments.Select(a => a.Value).ToEquatableArray());
        if (_inlined.TryGetValue(key, out Expr? known)) return known;
        IOperation? outerCallSite = _callSite;
        _callSite ??= invocation;
        try
        {
            Expr result = InlineOnce(target, arguments, callSite, name);
            _inlined[key] = result;
            return result;
        }
        finally
        {
            _callSite = outerCallSite;
        }
    }

    private Expr InlineOnce(IMethodSymbol target, List<(IParameterSymbol Parameter, Expr Value)> arguments, Location callSite, string name)
    {

        var declaration = target.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(_cancellationToken))
            .OfType<MethodDeclarationSyntax>()
            .FirstOrDefault(d => _compilation.ContainsSyntaxTree(d.SyntaxTree));
        if (declaration is not null)
        {
            try
            {
                // A generic callee's arguments bind its constructed parameters; its body refers to the definition's.
                return TranslateMethod(target, declaration, arguments.Select(a => (target.Parameters[a.Parameter.Ordinal], a.Value)));
            }
            catch (UnsupportedCodeException inner) when (inner.Diagnostic.Descriptor.Id != DiagnosticIds.RecursiveInlining)
            {
                throw Unsupported(DiagnosticDescriptors.NotInlinable, callSite, name, inner.FormattedMessage);
            }
        }
        return InlineFromMetadata(target, arguments, callSite, name);
    }

    // A [Loss] of a referenced assembly: its generated class carries the body as [LossFormula].
    private Expr InlineFromMetadata(IMethodSymbol target, List<(IParameterSymbol Parameter, Expr Value)> arguments, Location callSite, string name)
    {
        AttributeData? formula = target.ContainingType.GetTypeMembers(target.Name + "Loss")
            .SelectMany(t => t.GetAttributes())
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == LossFormulaAttributeName);
        if (formula is null || formula.ConstructorArguments.Length != 2
            || formula.ConstructorArguments[0].Value is not string parameters || formula.ConstructorArguments[1].Value is not string body)
        {
            throw Unsupported(DiagnosticDescriptors.NotInlinable, callSite, name,
                "its assembly was not compiled by the LossDsl generator, or it is a [Differentiable] helper of another assembly (only [Loss] methods are inlined across assemblies)");
        }
        string[] names = parameters.Split(',');
        if (names.Length != arguments.Count) throw Unsupported(DiagnosticDescriptors.NotInlinable, callSite, name, "its recorded formula does not match its parameters");
        var bindings = new Dictionary<string, Expr>();
        for (int i = 0; i < names.Length; i++) bindings[names[i]] = arguments[i].Value;
        try
        {
            return Ex.Substitute(ExprSerializer.Deserialize(body), bindings);
        }
        catch (FormatException e)
        {
            throw Unsupported(DiagnosticDescriptors.NotInlinable, callSite, name, "its recorded formula is unreadable (" + e.Message + ")");
        }
    }

    private sealed class InlineKeyComparer : IEqualityComparer<(IMethodSymbol Method, EquatableArray<Expr> Arguments)>
    {
        public bool Equals((IMethodSymbol Method, EquatableArray<Expr> Arguments) x, (IMethodSymbol Method, EquatableArray<Expr> Arguments) y) =>
            SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && x.Arguments.Equals(y.Arguments);

        public int GetHashCode((IMethodSymbol Method, EquatableArray<Expr> Arguments) key) =>
            unchecked(SymbolEqualityComparer.Default.GetHashCode(key.Method) * 31 + key.Arguments.GetHashCode());
    }

    private static bool IsNumeric(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double || IsIntegral(type);

    private static bool IsIntegral(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_UInt32
        or SpecialType.System_UInt64 or SpecialType.System_UInt16;

    private static UnsupportedCodeException Unsupported(DiagnosticDescriptor descriptor, Location location, params string[] args) =>
        new(DiagnosticInfo.Create(descriptor, location, args));
}
