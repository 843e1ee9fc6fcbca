using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LossDsl.Testing;

/// <summary>
/// What the Roslyn testing packages compile test sources against (linked into the analyzer and generator tests).
/// </summary>
internal static class TestReferences
{
    /// <summary>
    /// .NET 10's reference assemblies, resolved from the NuGet feed on first use. The built-in
    /// <c>ReferenceAssemblies.Net.*</c> ask for pack versions this registry does not serve.
    /// </summary>
    public static ReferenceAssemblies Net10 { get; } = new ReferenceAssemblies(
        "net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.10"), Path.Combine("ref", "net10.0"));

    /// <summary>The LossDsl runtime (attributes, LossMath, the catalogue) as the tests built it.</summary>
    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(LossAttribute).Assembly.Location);
}
