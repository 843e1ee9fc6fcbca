using System.Reflection;
using LossDsl.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Tests.Generator;

public class DocumentationTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LossDsl.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LossDsl.sln not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    [Fact]
    public void The_three_vector_ops_structs_differ_only_in_width()
    {
        // Vector128/256/512 share no interface .NET exposes (ISimdVector is internal), so the three structs
        // are the same text with another width: this keeps them from drifting apart.
        string kernels = Path.Combine(RepositoryRoot(), "src", "Runtime", "Kernels");
        string Normalized(string width) => File.ReadAllText(Path.Combine(kernels, $"Simd{width}.cs")).Replace(width, "NNN");
        Assert.Equal(Normalized("512"), Normalized("256"));
        Assert.Equal(Normalized("512"), Normalized("128"));
    }

    [Fact]
    public void Every_diagnostic_has_a_page_a_help_link_and_a_release_entry()
    {
        string root = RepositoryRoot();
        string releases = File.ReadAllText(Path.Combine(root, "src", "Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor d in Descriptors())
        {
            Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", d.Id + ".md")), $"docs/diagnostics/{d.Id}.md is missing");
            Assert.EndsWith($"docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
            Assert.Contains(d.Id + " |", releases);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
        }
        var ids = Descriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Directory.GetFiles(Path.Combine(root, "docs", "diagnostics"), "*.md"), page => Assert.Contains(Path.GetFileNameWithoutExtension(page), ids));
    }
}
