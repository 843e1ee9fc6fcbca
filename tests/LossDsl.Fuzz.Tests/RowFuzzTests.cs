using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Xunit.Abstractions;

namespace LossDsl.Fuzz.Tests;

/// <summary>
/// Random row losses: two aggregates of random kinds (LogSumExp, Sum, Mean, Max, Dot, SquaredNorm, Norm, mapped sums
/// of random element functions that may capture x[y], indexed elements, the width) combined by a random outer
/// expression. Each must compile without a LossDsl diagnostic; per row, the kernel's loss must equal the scalar
/// method, and (double) its gradient the central differences of the scalar method where that is smooth.
/// 300 cases by default; LOSSDSL_FUZZ_ROW_CASES runs more.
/// </summary>
public class RowFuzzTests(ITestOutputHelper output)
{
    private const int BatchSize = 25;
    private const int Rows = 3;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("LOSSDSL_FUZZ_ROW_CASES"), out int n) ? n : 300;

    [Fact]
    public void Random_row_losses_compile_and_their_kernels_match_the_scalar_method_and_finite_differences()
    {
        int points = 0;
        for (int first = 0; first < Cases; first += BatchSize)
        {
            var batch = Enumerable.Range(first, BatchSize).Select(i => RowLossCase.Build((int)(FuzzTests.Seed % 1_000_000_000) + i)).ToList();
            points += CheckBatch(batch);
        }
        output.WriteLine($"row fuzz: {Cases} random row losses, {points} gradient elements checked against finite differences");
        Assert.True(points > Cases, $"only {points} gradient elements were smooth enough to check");
    }

    private static int CheckBatch(List<RowLossCase> batch)
    {
        var source = new StringBuilder(Compiler.Usings).Append("namespace Fuzz;\n");
        for (int i = 0; i < batch.Count; i++) source.Append(batch[i].Render($"R{i}"));
        string text = source.ToString();
        var result = Compiler.RunChecked(text);

        Assembly assembly = Compiler.Load(result.Output, out AssemblyLoadContext context);
        int points = 0;
        try
        {
            for (int i = 0; i < batch.Count; i++)
            {
                Type harness = assembly.GetType($"Fuzz.R{i}Harness")!;
                string what = batch[i].Render("R");
                points += batch[i].IsDouble ? CheckDouble(batch[i], harness, what) : CheckFloat(batch[i], harness, what);
            }
        }
        finally
        {
            context.Unload();
        }
        return points;
    }

    private static int CheckDouble(RowLossCase c, Type harness, string what)
    {
        var random = new Random(c.Seed);
        int width = c.Width;
        double[] x = Enumerable.Range(0, Rows * width).Select(_ => (random.NextDouble() - 0.5) * 6).ToArray();
        double[] t = Enumerable.Range(0, Rows * width).Select(_ => (random.NextDouble() - 0.5) * 6).ToArray();
        int[] y = Enumerable.Range(0, Rows).Select(_ => random.Next(width)).ToArray();
        double[] losses = new double[Rows], gradient = new double[x.Length];
        harness.GetMethod("Run")!.Invoke(null, [x, t, y, width, losses, gradient]);
        MethodInfo scalar = harness.GetMethod("Scalar")!;
        double Row(double[] xs, int r) => (double)scalar.Invoke(null, [xs.AsSpan(r * width, width).ToArray(), t.AsSpan(r * width, width).ToArray(), y[r]])!;
        bool Fragile(int r)
        {
            double[] xr = x.AsSpan(r * width, width).ToArray(), tr = t.AsSpan(r * width, width).ToArray();
            return c.IsFragile(xr, tr, y[r], Aggregates(harness, xr, tr, y[r]));
        }

        int points = 0;
        for (int r = 0; r < Rows; r++)
        {
            double expected = Row(x, r);
            if (!double.IsFinite(expected) || Fragile(r)) continue;
            CaseChecker.Same(expected, losses[r], 1e-9, $"loss of row {r}", what);
            for (int j = r * width; j < (r + 1) * width; j++)
            {
                if (!double.IsFinite(gradient[j]) || !double.IsFinite(expected)) continue;
                double original = x[j];
                double At(double v) { x[j] = v; double value = Row(x, r); x[j] = original; return value; }
                double step = 1e-4 * Math.Max(1, Math.Abs(original));
                if (!CaseChecker.Smooth(At, original, step, out double fd)) continue;
                // A change of the loss below its own rounding is invisible to finite differences (e.g. one tiny term of
                // a sum next to a huge one): nothing to compare.
                if (Math.Max(Math.Abs(fd), Math.Abs(gradient[j])) * step < 1e-9 * Math.Abs(expected)) continue;
                CaseChecker.Same(fd, gradient[j], 1e-4, $"∂loss/∂x[{j - r * width}] of row {r}", what);
                points++;
            }
        }
        return points;
    }

    private static int CheckFloat(RowLossCase c, Type harness, string what)
    {
        var random = new Random(c.Seed);
        int width = c.Width;
        float[] x = Enumerable.Range(0, Rows * width).Select(_ => (float)Math.Round((random.NextDouble() - 0.5) * 6, 3)).ToArray();
        float[] t = Enumerable.Range(0, Rows * width).Select(_ => (float)Math.Round((random.NextDouble() - 0.5) * 6, 3)).ToArray();
        int[] y = Enumerable.Range(0, Rows).Select(_ => random.Next(width)).ToArray();
        float[] losses = new float[Rows], gradient = new float[x.Length];
        harness.GetMethod("Run")!.Invoke(null, [x, t, y, width, losses, gradient]);
        MethodInfo scalar = harness.GetMethod("Scalar")!;
        for (int r = 0; r < Rows; r++)
        {
            float expected = (float)scalar.Invoke(null, [x.AsSpan(r * width, width).ToArray(), t.AsSpan(r * width, width).ToArray(), y[r]])!;
            float[] xr = x.AsSpan(r * width, width).ToArray(), tr = t.AsSpan(r * width, width).ToArray();
            double[] aggregates = ((float[])harness.GetMethod("Aggregates")!.Invoke(null, [xr, tr, y[r], 1.5f])!).Select(v => (double)v).ToArray();
            if (!float.IsFinite(expected) || c.IsFragile(xr.Select(v => (double)v).ToArray(), tr.Select(v => (double)v).ToArray(), y[r], aggregates)) continue;
            CaseChecker.Same(expected, losses[r], 1e-4, $"loss of row {r}", what, absolute: 1e-5);
        }
        return 0;
    }

    private static double[] Aggregates(Type harness, double[] x, double[] t, int y) =>
        (double[])harness.GetMethod("Aggregates")!.Invoke(null, [x, t, y, 1.5])!;
}

/// <summary>One random row aggregate: its kind (an index into <see cref="RowLossCase.Text"/>) and, for mapped sums, its element tree.</summary>
public sealed record AggregateChoice(int Kind, Node Element);

/// <summary>One random row loss: two aggregates and an outer expression over them (as x and y) and k.</summary>
public sealed record RowLossCase(int Seed, bool IsDouble, int Width, AggregateChoice[] Aggregates, Node Outer)
{
    public const int MappedPair = 7, MappedWithLabel = 9;

    public static RowLossCase Build(int seed)
    {
        var random = new Random(seed);
        AggregateChoice Aggregate()
        {
            int kind = random.Next(12);
            return new AggregateChoice(kind == 8 ? MappedPair : kind, RandomLosses.Expression(random, 3));
        }
        return new RowLossCase(seed, random.Next(4) != 0, 1 + random.Next(20), [Aggregate(), Aggregate()], RandomLosses.Expression(random, 3));
    }

    /// <summary>The tree as a scalar case over x, y and k, for <see cref="Interpreter.IsFragile"/>.</summary>
    public LossCase Scalar(Node body) => new(IsDouble, [], body, false, new Num(0));

    private LossCase Shell => Scalar(new Num(0));

    public string Text(AggregateChoice a) => a.Kind switch
    {
        0 => "LogSumExp(x)",
        1 => "Sum(x)",
        2 => "Mean(x)",
        3 => "Max(x)",
        4 => "Dot(x, t)",
        5 => "SquaredNorm(x)",
        6 => "Norm(x)",
        MappedPair => $"Sum(x, t, (a, b) => {Shell.Expr(a.Element, name => name switch { "x" => "a", "y" => "b", _ => name })})",
        MappedWithLabel => $"Sum(x, a => {Shell.Expr(a.Element, name => name switch { "x" => "a", "y" => "c", _ => name })})",
        10 => "x[y]",
        _ => "x.Length * t[y]",
    };

    public string Render(string className)
    {
        string T = Shell.T;
        string outer = Shell.Expr(Outer, name => name switch { "x" => "a0", "y" => "a1", _ => name });
        return $$"""
            public static partial class {{className}}
            {
                [Loss] public static {{T}} M(ReadOnlySpan<{{T}}> x, ReadOnlySpan<{{T}}> t, int y, [Hyper] {{T}} k = {{Shell.Literal(1.5)}})
                {
                    {{T}} c = x[y];
                    {{T}} a0 = {{Text(Aggregates[0])}};
                    {{T}} a1 = {{Text(Aggregates[1])}};
                    return {{outer}};
                }
            }
            public static class {{className}}Harness
            {
                public static {{T}} Scalar({{T}}[] x, {{T}}[] t, int y) => {{className}}.M(x, t, y);
                public static {{T}}[] Aggregates({{T}}[] x, {{T}}[] t, int y, {{T}} k)
                {
                    {{T}} c = x[y];
                    return new[] { {{Text(Aggregates[0])}}, {{Text(Aggregates[1])}} };
                }
                public static void Run({{T}}[] x, {{T}}[] t, int[] y, int width, {{T}}[] losses, {{T}}[] gradient)
                {
                    var loss = new {{className}}.MLoss(reduction: Reduction.Sum);
                    loss.Forward(x, t, y, width, losses);
                    loss.Backward(x, t, y, width, gradient);
                }
            }

            """;
    }

    /// <summary>
    /// Whether a row is fragile in the interpreter's sense (an intermediate NaN or ∞, a near tie, a domain edge): in an
    /// element function at any j, or in the outer expression at the aggregates' values.
    /// </summary>
    public bool IsFragile(double[] x, double[] t, int y, double[] aggregates)
    {
        foreach (AggregateChoice a in Aggregates.Where(a => a.Kind is MappedPair or MappedWithLabel))
        {
            for (int j = 0; j < x.Length; j++)
            {
                if (Interpreter.IsFragile(Scalar(a.Element), x[j], a.Kind == MappedPair ? t[j] : x[y])) return true;
            }
        }
        return Interpreter.IsFragile(Scalar(Outer), aggregates[0], aggregates[1]);
    }
}
