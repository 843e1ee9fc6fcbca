extern alias GeneratorAssembly;

using System.Collections.Immutable;
using LossDsl.Generator.Differentiation;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossDsl.Analyzers.Tests.Infrastructure;

/// <summary>What a fixed file must still do: compile through the real generator, and have gradients that match finite differences.</summary>
internal static class FixedCodeChecks
{
    /// <summary>Runs the LossDsl generator over the source and fails on any error in the output.</summary>
    public static void AssertCompilesWithGenerator(string source)
    {
        CSharpCompilation compilation = Verify.Compile(source);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new GeneratorAssembly::LossDsl.Generator.LossGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        var errors = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The fixed code does not compile:\n" + string.Join("\n", errors) + "\n" + source);
    }

    /// <summary>
    /// For every [Loss] in the source: the derivative the generator emits for each differentiated input, against a
    /// central difference of the loss in double, at each point (other inputs 0.25, hyperparameters at their defaults);
    /// and a finite gradient wherever the loss is finite, including at <paramref name="extremes"/>.
    /// </summary>
    public static void AssertGradientsMatch(string source, double[] points, double[] extremes)
    {
        CSharpCompilation compilation = Verify.Compile(source);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (MethodDeclarationSyntax syntax in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                IMethodSymbol method = model.GetDeclaredSymbol(syntax)!;
                if (!method.GetAttributes().Any(a => a.AttributeClass?.Name == "LossAttribute")) continue;
                var result = LossParser.ParseMethod(method, syntax, compilation, CancellationToken.None);
                LossMethodSpec spec = result.Value ?? throw new Xunit.Sdk.XunitException("Not a valid loss: " + string.Join("; ", result.Diagnostics));
                foreach (ParameterSpec wrt in spec.Parameters.Where(p => p.IsWrt))
                {
                    Expr gradient = Differentiator.Derive(spec.Body, wrt.Name);
                    foreach (double x in points) CheckPoint(spec, wrt.Name, gradient, x, compareWithDifferences: true);
                    foreach (double x in extremes) CheckPoint(spec, wrt.Name, gradient, x, compareWithDifferences: false);
                }
            }
        }
    }

    private static void CheckPoint(LossMethodSpec spec, string wrt, Expr gradient, double x, bool compareWithDifferences)
    {
        Dictionary<string, double> At(double value) => spec.Parameters.ToDictionary(
            p => p.Name, p => p.Name == wrt ? value : p.Role == ParameterRole.Hyper ? p.DefaultValue ?? 1 : 0.25);
        double loss = Evaluator.Evaluate(spec.Body, At(x));
        if (!double.IsFinite(loss)) return;
        double derivative = Evaluator.Evaluate(gradient, At(x));
        Assert.True(double.IsFinite(derivative), $"{spec.MethodName}: d/d{wrt} at {x} is {derivative} where the loss is {loss}");
        if (!compareWithDifferences) return;
        double h = 1e-6 * Math.Max(1, Math.Abs(x));
        double central = (Evaluator.Evaluate(spec.Body, At(x + h)) - Evaluator.Evaluate(spec.Body, At(x - h))) / (2 * h);
        Assert.True(Math.Abs(central - derivative) <= 1e-5 * Math.Max(1, Math.Abs(central)),
            $"{spec.MethodName}: d/d{wrt} at {x} is {derivative}, finite differences give {central}");
    }
}
