namespace LossDsl.Package.Tests;

/// <summary>
/// The package tests pack the same projects (same obj/ and bin/ in Release): run one at a time, so no pack reads
/// outputs another is writing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackingCollection
{
    public const string Name = "dotnet pack";
}
