using Microsoft.CodeAnalysis;

#if LOSSDSL_ANALYZERS
// Compiled into the analyzers too, for the shared translator's errors; the generator reports these and
// its AnalyzerReleases files track them.
#pragma warning disable RS2000
#endif

namespace LossDsl.Generator.Diagnostics;

internal static class DiagnosticDescriptors
{
    private const string Usage = "LossDsl.Usage";
    private const string Language = "LossDsl.Language";
    private const string HelpRoot = "https://github.com/lossdsl/lossdsl/blob/main/docs/diagnostics/";

    private static DiagnosticDescriptor Error(string id, string title, string message, string category) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");

    public static readonly DiagnosticDescriptor LossNotStatic = Error(DiagnosticIds.LossNotStatic,
        "A [Loss] method must be static",
        "'{0}' must be static: a [Loss] method is a pure function of its parameters", Usage);

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(DiagnosticIds.ContainingTypeNotPartial,
        "The type containing a [Loss] method must be partial",
        "Type '{0}' must be declared partial so the generated '{1}' class can be added to it (every containing type must be partial)", Usage);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(DiagnosticIds.UnsupportedReturnType,
        "A [Loss] method must return float or double",
        "'{0}' returns '{1}'; a [Loss] or [Differentiable] method must return float, double or a T constrained to IFloatingPointIeee754<T>", Usage);

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(DiagnosticIds.UnsupportedParameterType,
        "Every parameter must have the method's floating type",
        "Parameter '{0}' is '{1}'; every parameter of '{2}' must be '{3}', the type it returns (a row loss also takes ReadOnlySpan<{3}> rows and int class labels)", Usage);

    public static readonly DiagnosticDescriptor WrtAndHyper = Error(DiagnosticIds.WrtAndHyper,
        "A parameter cannot be both [Wrt] and [Hyper]",
        "Parameter '{0}' is marked both [Wrt] and [Hyper]; a hyperparameter is a shared scalar and is not differentiated — keep one of the two", Usage);

    public static readonly DiagnosticDescriptor NoElementInput = Error(DiagnosticIds.NoElementInput,
        "A loss needs a per-element input",
        "'{0}' has no per-element input: every parameter is [Hyper]; leave at least one parameter unmarked or [Wrt]", Usage);

    public static readonly DiagnosticDescriptor ParameterModifier = Error(DiagnosticIds.ParameterModifier,
        "Parameters are passed by value",
        "Parameter '{0}' is declared '{1}'; parameters of a [Loss] or [Differentiable] method must be plain value parameters", Usage);

    public static readonly DiagnosticDescriptor UnsupportedStatement = Error(DiagnosticIds.UnsupportedStatement,
        "Statement not allowed in a loss body",
        "{0} is not allowed in a loss body; write local declarations, 'if (…) return …;' and a final 'return'", Language);

    public static readonly DiagnosticDescriptor Mutation = Error(DiagnosticIds.Mutation,
        "Variables cannot change after their declaration",
        "'{0}' changes a variable; declare a new local instead (a loss body has no mutation)", Language);

    public static readonly DiagnosticDescriptor UnknownCall = Error(DiagnosticIds.UnknownCall,
        "Call to a method outside the loss language",
        "'{0}' is not a loss-language function; use LossMath functions (Abs, Sign, Exp, Log, Log1p, Expm1, Sqrt, Square, Pow, Max, Min, Clamp, Sigmoid, Softplus, LogSigmoid, Tanh, LogCosh) or mark the method [Differentiable]", Language);

    public static readonly DiagnosticDescriptor RecursiveInlining = Error(DiagnosticIds.RecursiveInlining,
        "Recursive inlining",
        "'{0}' calls itself through {1}; inlined [Loss] and [Differentiable] calls cannot be recursive", Language);

    public static readonly DiagnosticDescriptor UnsupportedOperator = Error(DiagnosticIds.UnsupportedOperator,
        "Operator outside the loss language",
        "Operator '{0}' is not supported; use + - * / and unary -, comparisons < <= > >= == != in conditions, and && || !", Language);

    public static readonly DiagnosticDescriptor UnsupportedExpression = Error(DiagnosticIds.UnsupportedExpression,
        "Expression outside the loss language",
        "'{0}' is not supported in a loss; use numeric literals, parameters, locals, arithmetic, '?:' and loss-language functions", Language);

    public static readonly DiagnosticDescriptor MissingReturn = Error(DiagnosticIds.MissingReturn,
        "A loss needs a body that returns",
        "'{0}' needs a body that returns a value: local declarations, 'if (…) return …;' and a final 'return'", Language);

    public static readonly DiagnosticDescriptor NotInlinable = Error(DiagnosticIds.NotInlinable,
        "Call cannot be inlined",
        "'{0}' cannot be inlined: {1}", Language);

    public static readonly DiagnosticDescriptor GenericLoss = Error(DiagnosticIds.GenericLoss,
        "Loss is generic in a way LossDsl cannot compile",
        "'{0}' is inside a generic type, or generic other than 'static T {0}<T>(…) where T : IFloatingPointIeee754<T>'; write it for float or double, or over one floating-point T, in a non-generic type", Usage);

    public static readonly DiagnosticDescriptor ReservedName = Error(DiagnosticIds.ReservedName,
        "Parameter name is reserved",
        "Parameter '{0}' would generate a member that clashes with '{1}' of the generated class; rename the parameter", Usage);

    public static readonly DiagnosticDescriptor RowLossParameter = Error(DiagnosticIds.RowLossParameter,
        "Parameter not allowed in this role of a row loss",
        "Parameter '{0}' {1}", Usage);

    public static readonly DiagnosticDescriptor RowUsage = Error(DiagnosticIds.RowUsage,
        "Rows are read through row aggregates and labels",
        "'{0}': {1}", Language);

    public static readonly DiagnosticDescriptor WrtUnused = new(DiagnosticIds.WrtUnused,
        "A differentiated input does not affect the loss",
        "The loss does not depend on [Wrt] parameter '{0}': its gradient and Hessian are always 0", Usage,
        DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + DiagnosticIds.WrtUnused + ".md");

    public static readonly DiagnosticDescriptor InternalError = Error(DiagnosticIds.InternalError,
        "LossDsl generator internal error",
        "The LossDsl generator failed on '{0}': {1}; please report this with the method's source", "LossDsl.Internal");
}
