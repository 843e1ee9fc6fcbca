namespace LossDsl.Package.Tests;

/// <summary>
/// The package tests share one feed, packed once (<see cref="PackedFeed"/>), and run one at a time: their consumer
/// builds share the machine's two cores and the repository's Release outputs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackingCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "dotnet pack";
}

/// <summary>LossDsl and LossDsl.LightGbm, packed from this repository into a temporary folder feed, once per test run.</summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        var pack = new DotNet(packagesFolder: null);
        foreach (string project in new[] { Path.Combine("src", "Runtime", "LossDsl.Runtime.csproj"), Path.Combine("src", "LightGbm", "LossDsl.LightGbm.csproj") })
            pack.Succeed(LossDsl.Testing.TestPaths.RepositoryRoot, "pack", project, "-c", "Release", "-o", Folder);
    }

    /// <summary>The folder feed holding the .nupkg and .snupkg files.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("lossdsl-feed-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } // a build server may still hold a file
    }
}
