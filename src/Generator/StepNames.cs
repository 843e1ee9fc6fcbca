namespace LossDsl.Generator;

/// <summary>Tracking names of the pipeline steps, so tests can assert what is cached.</summary>
internal static class StepNames
{
    public const string Parse = "LossDsl.Parse";
    public const string Spec = "LossDsl.Spec";
    public const string Compile = "LossDsl.Compile";
}
