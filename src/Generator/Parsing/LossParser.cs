using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Diagnostics;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossDsl.Generator.Parsing;

/// <summary>Turns a [Loss] method into a <see cref="LossMethodSpec"/> plus located diagnostics. Never throws.</summary>
internal static class LossParser
{
    public static Result<LossMethodSpec?> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return new Result<LossMethodSpec?>(null, EquatableArray<DiagnosticInfo>.Empty);
        }
        try
        {
            return ParseMethod(method, syntax, context.SemanticModel.Compilation, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (BrokenCodeException)
        {
            return new Result<LossMethodSpec?>(null, EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (InsufficientExecutionStackException)
        {
            return Result<LossMethodSpec?>.Failure(
                DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), method.Name, "the expression is nested too deeply; split it into locals or helper methods"), null);
        }
        catch (Exception e)
        {
            // Never let an exception escape into the compiler (users would see only CS8785 and lose all output).
            return Result<LossMethodSpec?>.Failure(
                DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), method.Name, e.GetType().Name + ": " + e.Message), null);
        }
    }

    internal static Result<LossMethodSpec?> ParseMethod(IMethodSymbol method, MethodDeclarationSyntax syntax, Compilation compilation, CancellationToken cancellationToken)
    {
        // A type the compiler cannot resolve is its error to report (half-typed code, a missing using).
        if (method.ReturnType is IErrorTypeSymbol || method.Parameters.Any(p => p.Type is IErrorTypeSymbol))
        {
            return new Result<LossMethodSpec?>(null, EquatableArray<DiagnosticInfo>.Empty);
        }
        List<DiagnosticInfo> diagnostics = SignatureValidator.Check(method, syntax);
        if (diagnostics.Count > 0) return new Result<LossMethodSpec?>(null, diagnostics.ToEquatableArray());

        List<ParameterSpec> parameters = Parameters(method);
        bool rowLoss = parameters.Any(p => p.Shape == ParameterShape.Row);
        if (!parameters.Any(p => p.Role == ParameterRole.Input && (!rowLoss || p.Shape == ParameterShape.Row)))
        {
            return Result<LossMethodSpec?>.Failure(DiagnosticInfo.Create(DiagnosticDescriptors.NoElementInput, syntax.Identifier.GetLocation(), method.Name), null);
        }
        if (ReservedNameProblem(method, syntax, parameters) is { } reserved) return Result<LossMethodSpec?>.Failure(reserved, null);

        Expr body;
        RowTranslation? rows = rowLoss ? new RowTranslation(method, parameters) : null;
        try
        {
            var translator = new BodyTranslator(compilation, cancellationToken, rows: rows);
            body = translator.TranslateMethod(method, syntax, method.Parameters.Select(p => (p, Ex.Sym(p.Name))));
        }
        catch (UnsupportedCodeException unsupported)
        {
            return Result<LossMethodSpec?>.Failure(unsupported.Diagnostic, null);
        }

        RowShape? shape = rows?.Shape(body);
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].IsWrt && !(shape?.Reads(parameters[i].Name) ?? body.ContainsSymbol(parameters[i].Name)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WrtUnused, syntax.ParameterList.Parameters[i].Identifier.GetLocation(), parameters[i].Name));
            }
        }

        var spec = new LossMethodSpec(
            method.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingNamespace.ToDisplayString(),
            ContainingTypes(syntax).ToEquatableArray(),
            method.Name,
            Accessibility(method.DeclaredAccessibility),
            method.ReturnType.SpecialType == SpecialType.System_Double ? ScalarType.Double : ScalarType.Float,
            parameters.ToEquatableArray(),
            body,
            SourceSpanOf(syntax.Identifier.GetLocation()),
            shape,
            RewriteRequested(method),
            method.IsGenericMethod ? method.TypeParameters[0].Name : null);
        return new Result<LossMethodSpec?>(spec, diagnostics.ToEquatableArray());
    }

    internal const string LossAttributeName = "LossDsl.LossAttribute";

    /// <summary>The method's [Loss] attribute, or null where it has none.</summary>
    internal static AttributeData? LossAttribute(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == LossAttributeName);

    /// <summary>[Loss(Rewrite = false)] opts out of the stable rewrites; anything else (the default) keeps them.</summary>
    internal static bool RewriteRequested(IMethodSymbol method) =>
        LossAttribute(method)?.NamedArguments.Any(n => n.Key == "Rewrite" && n.Value.Value is false) != true;

    /// <summary>Each parameter's role; without any [Wrt], the first per-element input is the differentiated one.</summary>
    internal static List<ParameterSpec> Parameters(IMethodSymbol method)
    {
        bool anyWrt = method.Parameters.Any(p => SignatureValidator.Has(p, SignatureValidator.WrtAttributeName));
        bool rowLoss = SignatureValidator.IsRowLoss(method);
        var result = new List<ParameterSpec>();
        bool firstInputSeen = false;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            bool hyper = SignatureValidator.Has(parameter, SignatureValidator.HyperAttributeName);
            ParameterShape shape = SignatureValidator.IsRow(parameter.Type, method.ReturnType) ? ParameterShape.Row
                : SignatureValidator.IsLabel(parameter.Type) ? ParameterShape.Label : ParameterShape.Scalar;
            // Without any [Wrt], the first per-element parameter (of a row loss: the first row) is differentiated.
            bool candidate = !hyper && (!rowLoss || shape == ParameterShape.Row);
            bool wrt = anyWrt ? SignatureValidator.Has(parameter, SignatureValidator.WrtAttributeName) : candidate && !firstInputSeen;
            firstInputSeen |= candidate;
            double? defaultValue = shape == ParameterShape.Scalar && parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is IConvertible value
                ? value.ToDouble(CultureInfo.InvariantCulture)
                : hyper && shape == ParameterShape.Scalar ? HyperDefault(parameter) : null;
            int? ignoreIndex = parameter.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == SignatureValidator.IgnoreIndexAttributeName)?
                .ConstructorArguments.FirstOrDefault().Value as int?;
            result.Add(new ParameterSpec(parameter.Name, hyper ? ParameterRole.Hyper : ParameterRole.Input, wrt, defaultValue,
                shape == ParameterShape.Scalar ? StatedRanges.Of(parameter) : null, shape, ignoreIndex,
                SignatureValidator.Has(parameter, SignatureValidator.ClassWeightsAttributeName)));
        }
        return result;
    }

    // [Hyper(Default = 0.25)]: the default a generic T parameter cannot state in C# (only '= default' compiles there).
    private static double? HyperDefault(IParameterSymbol parameter) =>
        parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == SignatureValidator.HyperAttributeName)?
            .NamedArguments.FirstOrDefault(n => n.Key == "Default").Value.Value is double value && !double.IsNaN(value) ? value : null;

    // Generated member and parameter names must not collide: hyperparameters become properties and
    // constructor parameters beside 'Reduction'; outputs are named 'losses', '{x}Gradient', '{x}Hessian'.
    private static DiagnosticInfo? ReservedNameProblem(IMethodSymbol method, MethodDeclarationSyntax syntax, List<ParameterSpec> parameters)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Reduction"] = "Reduction", ["Formulas"] = "Formulas", ["Forward"] = "Forward", ["Backward"] = "Backward",
            ["ForwardBackward"] = "ForwardBackward", ["GradientHessian"] = "GradientHessian", [method.Name + "Loss"] = method.Name + "Loss",
            ["reduction"] = "reduction", ["losses"] = "losses",
        };
        if (method.IsGenericMethod) taken[method.Name + "LossDouble"] = method.Name + "LossDouble";
        if (parameters.Any(p => p.Shape == ParameterShape.Row))
        {
            taken["width"] = "width";
            taken[RowShape.Width] = "the row width C of the formulas";
            // x[j] is element j of row x in the formulas: a label named j would make x[j] mean two things.
            foreach (ParameterSpec label in parameters.Where(p => p.Shape == ParameterShape.Label && p.Name == "j")) taken["j"] = "the element index j of the row formulas";
            taken["Denominator"] = "Denominator";
            if (parameters.Any(p => p.IgnoreIndex is not null)) (taken["ignoreIndex"], taken["IgnoreIndex"]) = ("ignoreIndex", "IgnoreIndex");
        }
        // Locals of a row loss's public members, which take its inputs (not its hyperparameters) as parameters.
        var memberLocals = parameters.Any(p => p.Shape == ParameterShape.Row)
            ? new HashSet<string> { "rows", "total", "scale", "denominator", "chunkRows", "start", "end", "pinned", "pinnedLabels" }
            : new HashSet<string>();
        for (int i = 0; i < parameters.Count; i++)
        {
            ParameterSpec p = parameters[i];
            if (p.Role == ParameterRole.Input && memberLocals.Contains(p.Name))
            {
                return DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, syntax.ParameterList.Parameters[i].Identifier.GetLocation(), p.Name, $"the local '{p.Name}' of the generated members");
            }
            IEnumerable<string> names = p.Role == ParameterRole.Hyper
                ? new[] { p.Name, Naming.Pascal(p.Name) }
                : p.IsWrt ? new[] { p.Name, p.Name + "Gradient", p.Name + "Hessian" } : new[] { p.Name };
            if (p.Role == ParameterRole.Hyper && p.Shape == ParameterShape.Row) names = names.Concat(new[] { "_" + p.Name });
            foreach (string name in names)
            {
                if (taken.TryGetValue(name, out string? clash))
                {
                    return DiagnosticInfo.Create(DiagnosticDescriptors.ReservedName, syntax.ParameterList.Parameters[i].Identifier.GetLocation(), p.Name, clash);
                }
                taken[name] = name;
            }
        }
        return null;
    }

    private static IEnumerable<TypeDeclarationSpec> ContainingTypes(MethodDeclarationSyntax syntax) =>
        syntax.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(t => new TypeDeclarationSpec(Keyword(t), t.Identifier.ValueText));

    private static string Keyword(TypeDeclarationSyntax type) => type switch
    {
        RecordDeclarationSyntax r => r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
        _ => type.Keyword.ValueText,
    };

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    public static SourceSpan SourceSpanOf(Location location)
    {
        FileLinePositionSpan lines = location.GetLineSpan();
        return new SourceSpan(lines.Path ?? "", location.SourceSpan.Start, location.SourceSpan.Length,
            lines.StartLinePosition.Line, lines.StartLinePosition.Character, lines.EndLinePosition.Line, lines.EndLinePosition.Character);
    }
}
