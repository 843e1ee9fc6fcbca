namespace LossDsl.Generator.Tests.Generator;

public class DocumentationTests
{
    [Fact]
    public void The_three_vector_ops_structs_differ_only_in_width()
    {
        // Vector128/256/512 share no interface .NET exposes (ISimdVector is internal), so the three structs
        // are the same text with another width: this keeps them from drifting apart.
        string kernels = Path.Combine(LossDsl.Testing.TestPaths.RepositoryRoot, "src", "Runtime", "Kernels");
        string Normalized(string width) => File.ReadAllText(Path.Combine(kernels, $"Simd{width}.cs")).Replace(width, "NNN");
        Assert.Equal(Normalized("512"), Normalized("256"));
        Assert.Equal(Normalized("512"), Normalized("128"));
    }
}
