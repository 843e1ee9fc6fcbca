using System.Reflection;
using System.Text.RegularExpressions;
using LossDsl.Generator.Diagnostics;
using LossDsl.Testing;
using Microsoft.CodeAnalysis;
using static LossDsl.Analyzers.Tests.Infrastructure.Verify;

namespace LossDsl.Analyzers.Tests;

/// <summary>Every LD diagnostic — the generator's and the analyzers' — has a page, a help link and a release entry; the pages' examples do what they say.</summary>
public class DocumentationTests
{
    private static IEnumerable<DiagnosticDescriptor> GeneratorDescriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static string Page(string id) => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics", id + ".md"));

    [Fact]
    public void Every_diagnostic_has_a_page_a_help_link_and_a_release_entry()
    {
        string root = TestPaths.RepositoryRoot;
        var sets = new[]
        {
            (Descriptors: GeneratorDescriptors().ToList(), Releases: Path.Combine(root, "src", "Generator", "AnalyzerReleases.Unshipped.md")),
            (Descriptors: StabilityDescriptors.Everything.ToList(), Releases: Path.Combine(root, "src", "Analyzers", "LossDsl.Analyzers", "AnalyzerReleases.Unshipped.md")),
        };
        foreach (var (descriptors, releaseFile) in sets)
        {
            string releases = File.ReadAllText(releaseFile);
            foreach (DiagnosticDescriptor d in descriptors)
            {
                Assert.True(File.Exists(Path.Combine(root, "docs", "diagnostics", d.Id + ".md")), $"docs/diagnostics/{d.Id}.md is missing");
                Assert.EndsWith($"docs/diagnostics/{d.Id}.md", d.HelpLinkUri);
                Assert.Contains(d.Id + " |", releases);
                Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
                Assert.StartsWith($"# {d.Id}: ", Page(d.Id));
            }
        }
        var ids = sets.SelectMany(s => s.Descriptors).Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(Directory.GetFiles(Path.Combine(root, "docs", "diagnostics"), "*.md"), page => Assert.Contains(Path.GetFileNameWithoutExtension(page), ids));
    }

    public static TheoryData<string> StabilityIds => new(StabilityDescriptors.Everything.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(StabilityIds))]
    public async Task Every_example_under_Triggers_triggers_its_rule(string id)
    {
        Match block = Regex.Match(Page(id), @"## Triggers\s+```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, $"{id}.md has no csharp block under ## Triggers");
        foreach (string example in SplitLosses(block.Groups["code"].Value))
        {
            var diagnostics = await ReportedAsync(InClass(example));
            Assert.True(diagnostics.Any(d => d.Id == id), $"{id}.md: this example does not trigger it:\n{example}");
        }
    }

    [Fact]
    public Task The_focal_loss_written_as_LD2006_advises_is_clean()
    {
        Match block = Regex.Match(Page("LD2006"), @"## Instead\s+.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        return AnalyzeAsync(InClass(block.Groups["code"].Value));
    }

    [Fact]
    public async Task The_custom_losses_of_coming_from_compile_and_are_stable()
    {
        string page = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "docs", "coming-from.md"));
        var snippets = Regex.Matches(page, @"`(\[Loss\][^`]+)`").Select(m => m.Groups[1].Value.Replace("[Loss] ", "[Loss] public static ")).ToList();
        Assert.True(snippets.Count >= 4, "expected the custom objectives of coming-from.md");
        foreach (string snippet in snippets)
        {
            string source = InClass(snippet);
            await AnalyzeAsync(source);
            Infrastructure.FixedCodeChecks.AssertCompilesWithGenerator(source);
        }
    }

    // Each [Loss] (with its body) on its own: one example per analyzer run.
    private static IEnumerable<string> SplitLosses(string code) =>
        Regex.Split(code, @"(?=\[Loss\])").Where(s => !string.IsNullOrWhiteSpace(s));
}
