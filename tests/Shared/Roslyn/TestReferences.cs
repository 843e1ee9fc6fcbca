using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    /// <summary>
    /// Compiles a testing framework's test as a user's project would be: .NET 10, the runtime referenced, nullable
    /// annotations on.
    /// </summary>
    public static void UseLossDsl(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = Net10;
        test.TestState.AdditionalReferences.Add(Runtime);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var options = (CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!;
            return solution.WithProjectCompilationOptions(projectId, options.WithNullableContextOptions(NullableContextOptions.Enable));
        });
    }
}
