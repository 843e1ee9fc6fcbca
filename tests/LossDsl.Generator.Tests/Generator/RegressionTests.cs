using LossDsl.Generator.Tests.Infrastructure;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>Cases the fuzzer (tests/LossDsl.Fuzz.Tests) found, kept as regular tests.</summary>
public class RegressionTests
{
    [Fact]
    public void Hoisted_temporaries_are_declared_before_use()
    {
        // Found with seed 20261122: 1 - v0 emitted as 1 - (x·t4) looked up
        // x·t4 as a temporary that is defined later in the program: rebuilt nodes must be expanded, not looked up.
        var run = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("""
            [Loss] public static double M(double x, double y, [Hyper] double k = 1.5)
            {
                var v0 = (x / double.Pow((Sigmoid(2.0) * (-2.5)), x));
                return (1.0 >= (1.0 - v0) ? k : ((0.1 >= v0 && v0 < 0.5) ? 1.5 : x));
            }
            """));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilerErrors);
    }
}
