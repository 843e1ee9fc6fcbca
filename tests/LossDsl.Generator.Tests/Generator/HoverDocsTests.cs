using LossDsl.Generator.Tests.Infrastructure;

namespace LossDsl.Generator.Tests.Generator;

/// <summary>What an IDE shows on hover: the formulas on the class and on its constructor, where users hover.</summary>
public class HoverDocsTests
{
    [Fact]
    public void The_constructor_documents_the_loss_and_its_derivatives_as_the_class_does()
    {
        string source = GeneratorHarness.RunGenerator(GeneratorHarness.InClass("""
            [Loss] public static float Cauchy(float prediction, float target, [Hyper] float scale = 1f) => Log1p(Square((prediction - target) / scale));
            [Loss] public static float Ce(ReadOnlySpan<float> x, int y) => LogSumExp(x) - x[y];
            """)).Sources.Select(s => s.SourceText.ToString()).Aggregate((a, b) => a + b);
        foreach (string constructor in new[] { "public CauchyLoss(", "public CeLoss(" })
        {
            int at = source.IndexOf(constructor, StringComparison.Ordinal);
            string docs = source.Substring(source.LastIndexOf("/// <summary>Creates the loss", at, StringComparison.Ordinal), at - source.LastIndexOf("/// <summary>Creates the loss", at, StringComparison.Ordinal));
            Assert.Contains("/// <para>loss = ", docs);
            Assert.Contains("/// <para>∂loss/∂", docs);
        }
        Assert.Contains("/// <para>∂²loss/∂prediction² = ", source);
    }
}
