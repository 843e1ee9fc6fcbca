using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace LossDsl.Fuzz.Tests;

/// <summary>
/// Compiles a batch of random losses through the generator in one compilation and checks each: no generator
/// exception or LossDsl diagnostic, no compiler error, the vector kernel equal to the scalar [Loss] method,
/// and (double) gradient and Hessian against central finite differences where the loss is smooth and finite.
/// </summary>
public static class CaseChecker
{
    public static int CasesRun;
    public static int PointsChecked;

    private const int Points = 3 * 16 + 1; // every vector width and the scalar tail

    public static string Source(IReadOnlyList<LossCase> batch)
    {
        var source = new StringBuilder(Compiler.Usings).Append("namespace Fuzz;\n");
        for (int i = 0; i < batch.Count; i++)
        {
            source.Append(batch[i].Render($"C{i}"));
            string t = batch[i].T;
            source.Append($"public static class Harness{i} {{ public static void Run({t}[] x, {t}[] y, {t}[] loss, {t}[] g, {t}[] h) {{ var l = new C{i}.MLoss(); l.Forward(x, y, loss); l.GradientHessian(x, y, g, h); }} }}\n");
        }
        return source.ToString();
    }

    /// <summary>Throws with the offending case's source on the first failure.</summary>
    public static void Check(LossCase[] batch)
    {
        string source = Source(batch);
        var result = Compiler.RunChecked(source);

        Assembly assembly = Compiler.Load(result.Output, out AssemblyLoadContext context);
        try
        {
            for (int i = 0; i < batch.Length; i++)
            {
                MethodInfo scalar = assembly.GetType($"Fuzz.C{i}")!.GetMethod("M")!;
                MethodInfo harness = assembly.GetType($"Fuzz.Harness{i}")!.GetMethod("Run")!;
                string what = batch[i].Render("C");
                if (batch[i].IsDouble) CheckDouble(batch[i], scalar, harness, i, what);
                else CheckFloat(batch[i], scalar, harness, i, what);
                Interlocked.Increment(ref CasesRun);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static void CheckDouble(LossCase c, MethodInfo scalar, MethodInfo harness, int seed, string what)
    {
        var random = new Random(seed);
        double[] x = new double[Points], y = new double[Points];
        for (int j = 0; j < Points; j++)
        {
            // Exact specials for the vector/scalar comparison; continuous random values elsewhere, so derivative
            // checks never sit exactly on an equality boundary (x == c ? … : …), where the documented convention
            // (the derivative of the branch taken) need not match the limit finite differences see.
            x[j] = j < 3 ? new[] { 0.0, 1.0, -1.0 }[j] : (random.NextDouble() - 0.5) * 6;
            y[j] = (random.NextDouble() - 0.5) * 6;
        }
        double[] loss = new double[Points], g = new double[Points], h = new double[Points];
        harness.Invoke(null, [x, y, loss, g, h]);
        double F(double xv, double yv) => (double)scalar.Invoke(null, [xv, yv, 1.5])!;
        (double G, double H) Kernel(double xv, double yv)
        {
            double[] l1 = new double[1], g1 = new double[1], h1 = new double[1];
            harness.Invoke(null, [new[] { xv }, new[] { yv }, l1, g1, h1]);
            return (g1[0], h1[0]);
        }

        for (int j = 0; j < Points; j++)
        {
            double expected = F(x[j], y[j]);
            // Fragile points prove nothing (Interpreter.IsFragile: NaN/∞ intermediates, near-ties, domain edges).
            if (Interpreter.IsFragile(c, x[j], y[j])) continue;
            Same(expected, loss[j], 1e-9, $"vector loss at x={x[j]}, y={y[j]}", what);
            if (j < 3 || !double.IsFinite(g[j]) || !double.IsFinite(h[j])) continue;
            double step = 1e-4 * Math.Max(1, Math.Abs(x[j]));
            if (!Smooth(v => F(v, y[j]), x[j], step, out double gradientFd)) continue;
            Same(gradientFd, g[j], 1e-4, $"gradient at x={x[j]}, y={y[j]}", what);
            if (!Smooth(v => Kernel(v, y[j]).G, x[j], step, out double hessianFd)) continue;
            Same(hessianFd, h[j], 1e-4, $"Hessian at x={x[j]}, y={y[j]}", what);
            Interlocked.Increment(ref PointsChecked);
        }
    }

    private static void CheckFloat(LossCase c, MethodInfo scalar, MethodInfo harness, int seed, string what)
    {
        var random = new Random(seed);
        float[] x = new float[Points], y = new float[Points];
        for (int j = 0; j < Points; j++)
        {
            x[j] = (float)Math.Round((random.NextDouble() - 0.5) * 6, 3);
            y[j] = (float)Math.Round((random.NextDouble() - 0.5) * 6, 3);
        }
        float[] loss = new float[Points], g = new float[Points], h = new float[Points];
        harness.Invoke(null, [x, y, loss, g, h]);
        for (int j = 0; j < Points; j++)
        {
            float expected = (float)scalar.Invoke(null, [x[j], y[j], 1.5f])!;
            if (Interpreter.IsFragile(c, x[j], y[j])) continue; // as for double
            Same(expected, loss[j], 1e-4, $"vector loss at x={x[j]}, y={y[j]}", what, absolute: 1e-5);
        }
    }

    /// <summary>
    /// Richardson-extrapolated central difference, and whether f is smooth there: two step sizes agree (no
    /// kink nearby) and f(x) lies on the line through its neighbours (no isolated branch such as x == 0 ? … : …).
    /// </summary>
    internal static bool Smooth(Func<double, double> f, double x, double step, out double derivative)
    {
        double Central(double s) => (f(x + s) - f(x - s)) / (2 * s);
        double coarse = Central(step), fine = Central(step / 2);
        derivative = (4 * fine - coarse) / 3;
        double here = f(x), around = (f(x + step / 2) + f(x - step / 2)) / 2;
        return double.IsFinite(coarse) && double.IsFinite(fine) && Math.Abs(coarse - fine) <= 1e-3 * Math.Max(1, Math.Abs(fine))
            && Math.Abs(here - around) <= 1e-5 * Math.Max(1, Math.Abs(here));
    }

    internal static void Same(double expected, double actual, double relative, string where, string what, double absolute = 0)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual)) return;
        if (double.IsInfinity(expected) && expected == actual) return;
        if (Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)) + absolute) return;
        throw new FuzzFailure($"{where}: expected {expected:R}, got {actual:R}", what);
    }
}

public sealed class FuzzFailure(string message, string source) : Exception(message + "\n--- case ---\n" + source);
