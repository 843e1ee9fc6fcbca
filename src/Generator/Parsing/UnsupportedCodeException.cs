using System;
using LossDsl.Generator.Diagnostics;

namespace LossDsl.Generator.Parsing;

/// <summary>Stops translation at the first construct outside the language, carrying its located diagnostic.</summary>
internal sealed class UnsupportedCodeException(DiagnosticInfo diagnostic) : Exception(diagnostic.Descriptor.Id)
{
    public DiagnosticInfo Diagnostic { get; } = diagnostic;

    /// <summary>The diagnostic's message text, for wrapping in another diagnostic.</summary>
    public string FormattedMessage =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Diagnostic.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Linq.Enumerable.ToArray(Diagnostic.Arguments));
}

/// <summary>
/// Stops translation silently: the code does not compile (half-typed in the IDE), and the C# compiler
/// already reports why. Generating nothing is right; a second error would be noise.
/// </summary>
internal sealed class BrokenCodeException() : Exception("The code has compiler errors.");
