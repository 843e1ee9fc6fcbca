using LossDsl.Analyzers.Tests.Infrastructure;

namespace LossDsl.Analyzers.Tests;

public class CatalogueTests
{
    [Fact]
    public async Task The_catalogue_has_no_stability_warnings()
    {
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Losses.cs.txt"));
        var diagnostics = await AnalyzerHarness.DiagnosticsAsync(source);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics.Select(d => d.ToString())));
    }
}
