namespace LossDsl.Generator.Tests.Infrastructure;

/// <summary>
/// The reviewed text of generated sources, kept in Baselines/{Test}/{HintName}.txt and compared by the source
/// generator testing framework (Verify.SourceGenerators is not served here). Build with
/// <c>dotnet test -p:UpdateBaselines=true</c> (or set LOSSDSL_UPDATE_BASELINES=1) to rewrite them instead.
/// </summary>
internal static class Baseline
{
    public static bool ShouldUpdate =>
#if UPDATE_BASELINES
        true ||
#endif
        Environment.GetEnvironmentVariable("LOSSDSL_UPDATE_BASELINES") == "1";

    /// <summary>The baseline of one generated file; in update mode, <paramref name="actual"/> is written there first.</summary>
    public static string Expected(string test, string hintName, Func<string> actual)
    {
        // From the repository root, not [CallerFilePath]: a CI build (ContinuousIntegrationBuild) maps source paths to /_/.
        string directory = Path.Combine(LossDsl.Testing.TestPaths.RepositoryRoot, "tests", "LossDsl.Generator.Tests", "Generator", "Baselines", test);
        string path = Path.Combine(directory, hintName + ".txt");
        if (ShouldUpdate)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual().Replace("\r\n", "\n"));
        }
        Assert.True(File.Exists(path), $"No baseline at {path}; run 'dotnet test -p:UpdateBaselines=true' and review the new file.");
        return File.ReadAllText(path);
    }
}
