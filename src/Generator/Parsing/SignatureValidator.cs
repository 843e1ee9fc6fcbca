using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossDsl.Generator.Parsing;

/// <summary>The signature rules shared by [Loss] methods and the methods they inline.</summary>
internal static class SignatureValidator
{
    public const string WrtAttributeName = "LossDsl.WrtAttribute";
    public const string HyperAttributeName = "LossDsl.HyperAttribute";
    public const string IgnoreIndexAttributeName = "LossDsl.IgnoreIndexAttribute";
    public const string ClassWeightsAttributeName = "LossDsl.ClassWeightsAttribute";

    public static bool IsScalar(ITypeSymbol type) => type.SpecialType is SpecialType.System_Single or SpecialType.System_Double || IsFloatingTypeParameter(type);

    /// <summary>
    /// The T of a generic loss: a type parameter constrained to <c>IFloatingPointIeee754&lt;T&gt;</c> (directly or through
    /// an interface that extends it, such as <c>IBinaryFloatingPointIeee754&lt;T&gt;</c>), which gives the math the DSL uses.
    /// </summary>
    public static bool IsFloatingTypeParameter(ITypeSymbol type) =>
        type is ITypeParameterSymbol parameter && parameter.ConstraintTypes.OfType<INamedTypeSymbol>().Any(c => IsIeee754Of(c, parameter)
            || c.AllInterfaces.Any(i => IsIeee754Of(i, parameter)));

    private static bool IsIeee754Of(INamedTypeSymbol type, ITypeParameterSymbol parameter) =>
        type.ConstructedFrom.ToDisplayString() == "System.Numerics.IFloatingPointIeee754<TSelf>"
        && SymbolEqualityComparer.Default.Equals(type.TypeArguments[0], parameter);

    /// <summary>A generic loss: one type parameter T (see <see cref="IsFloatingTypeParameter"/>), returned and taken as the scalar type.</summary>
    public static bool IsGenericLoss(IMethodSymbol method) =>
        method.TypeParameters.Length == 1 && IsFloatingTypeParameter(method.TypeParameters[0])
        && SymbolEqualityComparer.Default.Equals(method.ReturnType, method.TypeParameters[0]);

    /// <summary>A <c>ReadOnlySpan&lt;…&gt;</c> of any element type.</summary>
    public static bool IsSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && named.ConstructedFrom.ToDisplayString() == "System.ReadOnlySpan<T>";

    /// <summary>A row of a row loss: <c>ReadOnlySpan&lt;T&gt;</c> of the method's floating type.</summary>
    public static bool IsRow(ITypeSymbol type, ITypeSymbol scalar) =>
        IsSpan(type) && SymbolEqualityComparer.Default.Equals(((INamedTypeSymbol)type).TypeArguments[0], scalar);

    /// <summary>A class label of a row loss.</summary>
    public static bool IsLabel(ITypeSymbol type) => type.SpecialType == SpecialType.System_Int32;

    /// <summary>Whether the method is a row loss: some parameter is a row.</summary>
    public static bool IsRowLoss(IMethodSymbol method) => method.Parameters.Any(p => IsRow(p.Type, method.ReturnType));

    public static bool Has(IParameterSymbol parameter, string attributeName) =>
        parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attributeName);

    /// <summary>All signature problems of a [Loss] method, located at the offending syntax.</summary>
    public static List<DiagnosticInfo> Check(IMethodSymbol method, MethodDeclarationSyntax syntax)
    {
        var problems = new List<DiagnosticInfo>();
        string name = method.Name;
        if (!method.IsStatic)
        {
            problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LossNotStatic, syntax.Identifier.GetLocation(), name));
        }
        if ((method.IsGenericMethod && !IsGenericLoss(method)) || IsInGenericType(method))
        {
            problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericLoss, syntax.Identifier.GetLocation(), name));
        }
        for (SyntaxNode? node = syntax.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax type && !type.Modifiers.Any(m => m.Text == "partial"))
            {
                problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, type.Identifier.GetLocation(), type.Identifier.Text, name + "Loss"));
            }
        }
        if (!IsScalar(method.ReturnType))
        {
            problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, syntax.ReturnType.GetLocation(), name, method.ReturnType.ToDisplayString()));
            return problems; // parameter types are judged against the return type
        }
        bool rowLoss = IsRowLoss(method);
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            ParameterSyntax parameterSyntax = syntax.ParameterList.Parameters[i];
            if (parameter.RefKind != RefKind.None || parameter.IsParams || parameter.IsThis)
            {
                string modifier = parameter.IsParams ? "params" : parameter.IsThis ? "this" : parameter.RefKind.ToString().ToLowerInvariant().Replace("readonlyparameter", "ref readonly");
                problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterModifier, parameterSyntax.GetLocation(), parameter.Name, modifier));
            }
            else if (!SymbolEqualityComparer.Default.Equals(parameter.Type, method.ReturnType)
                && !(rowLoss && (IsRow(parameter.Type, method.ReturnType) || IsLabel(parameter.Type))))
            {
                problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameterType, parameterSyntax.GetLocation(),
                    parameter.Name, parameter.Type.ToDisplayString(), name, method.ReturnType.ToDisplayString()));
            }
            if (Has(parameter, WrtAttributeName) && Has(parameter, HyperAttributeName))
            {
                problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrtAndHyper, parameterSyntax.GetLocation(), parameter.Name));
            }
            if (RowRoleProblem(method, parameter, rowLoss) is { } problem)
            {
                problems.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RowLossParameter, parameterSyntax.GetLocation(), parameter.Name, problem));
            }
        }
        return problems;
    }

    // Labels index rows and are not values; only rows are differentiated; the two row-loss attributes go where they mean something.
    private static string? RowRoleProblem(IMethodSymbol method, IParameterSymbol parameter, bool rowLoss)
    {
        bool row = IsRow(parameter.Type, method.ReturnType), label = IsLabel(parameter.Type), hyper = Has(parameter, HyperAttributeName);
        if (Has(parameter, IgnoreIndexAttributeName) && !label) return "has [IgnoreIndex], which belongs on the int class label of a row loss";
        if (Has(parameter, ClassWeightsAttributeName))
        {
            if (!row || !hyper) return "has [ClassWeights], which belongs on a [Hyper] ReadOnlySpan row of per-class weights";
            if (!method.Parameters.Any(p => IsLabel(p.Type))) return "has [ClassWeights] but the loss has no int class label to index the weights by";
            if (method.Parameters.First(p => Has(p, ClassWeightsAttributeName)).Ordinal != parameter.Ordinal) return "is a second [ClassWeights] row; a loss has at most one";
        }
        if (!rowLoss) return null;
        if (label && (hyper || Has(parameter, WrtAttributeName))) return "is an int class label: it indexes rows and is neither [Wrt] nor [Hyper]";
        if (!row && !label && !hyper && Has(parameter, WrtAttributeName)) return "is a per-row scalar; a row loss is differentiated with respect to its rows: mark a ReadOnlySpan row [Wrt]";
        if (row && hyper && parameter.HasExplicitDefaultValue) return "is a [Hyper] row; it has no default value (the generated constructor takes an array)";
        return null;
    }

    /// <summary>Why an inlined method cannot be used, or null if its signature is fine.</summary>
    public static string? FirstProblem(IMethodSymbol method)
    {
        if (!method.IsStatic) return "it is not static";
        if (method.IsGenericMethod && !IsGenericLoss(method)) return "it is generic other than over one floating-point T";
        if (!IsScalar(method.ReturnType)) return "it does not return float, double or a floating-point T";
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams) return $"parameter '{parameter.Name}' is not a plain value parameter";
            if (!IsScalar(parameter.Type)) return $"parameter '{parameter.Name}' is not float, double or a floating-point T";
        }
        return null;
    }

    private static bool IsInGenericType(IMethodSymbol method)
    {
        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType) return true;
        }
        return false;
    }
}
