namespace LossDsl.Testing;

/// <summary>Shared by the test projects (linked source): where the repository is.</summary>
internal static class TestPaths
{
    /// <summary>The folder holding LossDsl.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LossDsl.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LossDsl.sln not found above " + AppContext.BaseDirectory);
    }
}
