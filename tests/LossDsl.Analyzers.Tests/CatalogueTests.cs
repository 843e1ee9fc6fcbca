using static LossDsl.Analyzers.Tests.Infrastructure.Verify;

namespace LossDsl.Analyzers.Tests;

public class CatalogueTests
{
    [Fact]
    public Task The_catalogue_has_no_stability_warnings() =>
        AnalyzeAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Losses.cs.txt")));
}
