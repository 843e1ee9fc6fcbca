using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossDsl.Testing;

/// <summary>Shared by the test projects (linked source): what in-memory compilations of losses reference.</summary>
internal static class TestCompilations
{
    /// <summary>The framework's System.* assemblies and the LossDsl runtime: what a loss's source needs to compile.</summary>
    public static ImmutableArray<MetadataReference> References => Lazy.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(LossAttribute).Assembly.Location))
            .ToImmutableArray());

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>An in-memory library of the sources (Source0.cs, Source1.cs, …) against <see cref="References"/>, nullable on.</summary>
    public static CSharpCompilation Compile(string assemblyName, IEnumerable<string> sources) =>
        CSharpCompilation.Create(assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
