using System.Reflection;
using LossDsl.Generator.Model;
using LossDsl.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static LossDsl.Generator.Tests.Infrastructure.GeneratorHarness;

namespace LossDsl.Generator.Tests.Generator;

public class IncrementalTests
{
    private const string Loss = "[Loss] public static float Huber(float p, float t, [Hyper] float d = 1f) => Abs(p - t) < d ? 0.5f * Square(p - t) : d * (Abs(p - t) - 0.5f * d);";

    private static (GeneratorDriver Driver, Compilation Compilation) First(string source)
    {
        Compilation compilation = Compile(source, "namespace Tests; public class Unrelated { public int X => 1; }");
        GeneratorDriver driver = CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private const string RowLoss = "[Loss] public static float Ce(ReadOnlySpan<float> x, int y, [Hyper] float e = 0f) => LogSumExp(x) - (1 - e) * x[y] - e * Mean(x);";

    public static TheoryData<string> Losses() => new(Loss, RowLoss);

    [Theory]
    [MemberData(nameof(Losses))]
    public void Same_input_is_fully_cached(string loss)
    {
        var (driver, compilation) = First(InClass(loss));
        driver = driver.RunGenerators(compilation.Clone());
        foreach (string step in new[] { StepNames.Parse, StepNames.Spec, StepNames.Compile })
        {
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void Unrelated_edit_leaves_the_compiled_loss_unchanged(string loss)
    {
        var (driver, compilation) = First(InClass(loss));
        SyntaxTree unrelated = compilation.SyntaxTrees.Last();
        compilation = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("namespace Tests; public class Unrelated { public int X => 2; }", GeneratorHarness.ParseOptions, unrelated.FilePath));
        driver = driver.RunGenerators(compilation);
        Assert.All(Reasons(driver, StepNames.Spec), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(driver, StepNames.Compile), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changed_body_is_modified()
    {
        var (driver, compilation) = First(InClass(Loss));
        SyntaxTree lossTree = compilation.SyntaxTrees.First();
        compilation = compilation.ReplaceSyntaxTree(lossTree, CSharpSyntaxTree.ParseText(InClass(Loss.Replace("0.5f * Square", "0.25f * Square")), GeneratorHarness.ParseOptions, lossTree.FilePath));
        driver = driver.RunGenerators(compilation);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, StepNames.Compile));
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilation()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SemanticModel), typeof(Location) };
        var seen = new HashSet<Type>();
        void Check(Type type)
        {
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string)) return;
            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0) continue;
                Check(property.PropertyType);
                foreach (Type argument in property.PropertyType.GetGenericArguments()) Check(argument);
            }
        }
        Check(typeof(LossMethodSpec));
        Check(typeof(KernelSpec));
    }
}
