using System;
using System.Linq;
using LossDsl.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LossDsl.Generator.Diagnostics;

/// <summary>
/// A diagnostic as a value: descriptor, tree, span and message arguments. It becomes a real
/// <c>Location.Create(tree, span)</c> at report time, so <c>#pragma warning disable</c> works.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SyntaxTree? Tree, TextSpan Span, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SyntaxNode node, params string[] arguments) =>
        new(descriptor, node.SyntaxTree, node.Span, arguments.ToEquatableArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments) =>
        new(descriptor, location.SourceTree, location.SourceSpan, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Tree is null ? Location.None : Location.Create(Tree, Span), Arguments.Cast<object>().ToArray());
}

/// <summary>A value with the diagnostics found while producing it.</summary>
internal sealed record Result<T>(T Value, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static Result<T> Failure(DiagnosticInfo diagnostic, T value) => new(value, new[] { diagnostic }.ToEquatableArray());
}
