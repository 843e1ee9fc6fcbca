using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using LossDsl.Generator.Helpers;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Accuracy;

/// <summary>
/// The accuracy certificate of an element loss's kernels (docs/stability.md): each output evaluated as the kernel
/// computes it, in its precision, against the stable form of the same math in higher precision (double for a float
/// kernel, double-double for a double one), at <see cref="PointCount"/> points (<see cref="SamplePoints"/>),
/// hyperparameters at their defaults. Herbie's measurement, at compile time: the generic detector behind every
/// hazard pattern.
/// </summary>
internal static class Certificate
{
    public const int PointCount = 2048;

    /// <summary>
    /// Errors are relative to max(|exact|, magnitude/256), the magnitude being the larger of the point's (the formula with
    /// every term's absolute value) and the output's median |exact|: a sum that cancels more than 8 bits of its terms is
    /// measured against them, as no evaluation of that formula does better than ε·magnitude.
    /// </summary>
    public const double Cancellation = 1.0 / 256;

    // Keyed by everything the result depends on, so an IDE's keystrokes that leave a loss unchanged (and a new
    // generator driver over the same losses) measure nothing again.
    private static readonly ConcurrentDictionary<string, EquatableArray<OutputAccuracy>> Cache = new();
    private const int CacheLimit = 4096;

    /// <summary>Forgets every measured loss (benchmarks: the cost of a first build).</summary>
    internal static void ClearCache() => Cache.Clear();

    /// <param name="stable">The loss and its derivatives in stable form (not lowered), the reference: asked for only when not cached.</param>
    /// <param name="kernels">The programs a kernel may run at the default hyperparameters (the general one, and its specialization).</param>
    public static EquatableArray<OutputAccuracy> Measure(LossMethodSpec method, string serializedBody, Func<ImmutableArray<Expr>> stable,
        IReadOnlyList<KernelProgram> kernels, CancellationToken cancellationToken)
    {
        string key = Key(method, serializedBody);
        if (Cache.TryGetValue(key, out EquatableArray<OutputAccuracy> known)) return known;

        var names = OutputNames(method);
        var hypers = method.Parameters.Where(p => p.Role == ParameterRole.Hyper).ToDictionary(p => p.Name, HyperValue);
        var points = SamplePoints.Draw(method, hypers, PointCount, Seed(serializedBody));
        var stableTape = new ExprTape(stable());
        // Float kernels against the stable form in double (29 bits more), double kernels against double-double.
        ITapeEvaluator reference = method.Type == ScalarType.Float ? new KernelEvaluator(stableTape, ScalarType.Double) : new ReferenceEvaluator(stableTape);
        var branches = new KernelEvaluator(stableTape, method.Type); // decides the reference's kinks as the kernel does
        var kernelTapes = kernels.Select(k => new ExprTape(k.Outputs.AsImmutableArray())).ToList();
        var evaluators = kernelTapes.Select(t => new KernelEvaluator(t, method.Type)).ToList();

        int outputs = stableTape.Outputs.Length, programs = evaluators.Count;
        // Moderate: at least p bits away from underflow and overflow, so no intermediate needs to be subnormal or
        // ∞ (y²·e^-100 is a normal float, e^-100 is not). Below and above that the kernel can only underflow or overflow.
        (double smallest, double largest) = method.Type == ScalarType.Float
            ? (Math.Pow(2, -126 + 24), Math.Pow(2, 128 - 24))
            : (Math.Pow(2, -1022 + 53), Math.Pow(2, 1024 - 53));

        // First every value (the scale of an output is known only once all are), then the errors.
        var exact = new double[points.Count, outputs];
        var magnitude = new double[points.Count, outputs];
        var computed = new double[points.Count, programs, outputs];
        var row = new double[outputs];
        for (int n = 0; n < points.Count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double[] slots = stableTape.Slots(points[n]);
            branches.Evaluate(slots, row);
            reference.Evaluate(slots, row, branches.Branches);
            for (int o = 0; o < outputs; o++)
            {
                bool moderate = IsFinite(row[o]) && (row[o] == 0 || (Math.Abs(row[o]) >= smallest && Math.Abs(row[o]) <= largest));
                exact[n, o] = moderate ? row[o] : double.NaN;
                magnitude[n, o] = reference.MagnitudeOf(o);
            }
            for (int e = 0; e < programs; e++)
            {
                evaluators[e].Evaluate(kernelTapes[e].Slots(points[n]), row);
                for (int o = 0; o < outputs; o++) computed[n, e, o] = row[o];
            }
        }

        double epsilon = method.Type == ScalarType.Float ? 1.0 / (1 << 23) : 1.0 / (1L << 52);
        var result = ImmutableArray.CreateBuilder<OutputAccuracy>(outputs);
        for (int o = 0; o < outputs; o++)
        {
            // An output's scale: the median of its exact magnitudes. Near a zero of the output (a gradient at its
            // minimum, a loss that does not depend on the input there) errors are measured against 1/256 of it.
            double scale = Median(Enumerable.Range(0, points.Count).Select(n => Math.Abs(exact[n, o])).Where(IsFinite));
            int counted = 0, nonFinite = 0;
            double worst = 0;
            int worstAt = -1, nonFiniteAt = -1;
            for (int n = 0; n < points.Count; n++)
            {
                if (!IsFinite(exact[n, o])) continue;
                counted++;
                bool missed = false;
                for (int e = 0; e < programs; e++)
                {
                    double value = computed[n, e, o];
                    if (!IsFinite(value))
                    {
                        missed = true;
                        continue;
                    }
                    double floor = Cancellation * Math.Max(magnitude[n, o], scale);
                    double error = Math.Abs(value - exact[n, o]) / Math.Max(Math.Max(Math.Abs(exact[n, o]), floor), smallest);
                    if (error > worst) (worst, worstAt) = (error, n);
                }
                if (missed && nonFinite++ == 0) nonFiniteAt = n;
            }
            int shown = nonFiniteAt >= 0 ? nonFiniteAt : worstAt;
            result.Add(new OutputAccuracy(names[o], worst, worst / epsilon, counted, nonFinite, shown < 0 ? "" : Describe(method, points[shown])));
        }
        var accuracy = result.MoveToImmutable().ToEquatableArray();
        if (Cache.Count > CacheLimit) Cache.Clear();
        Cache[key] = accuracy;
        return accuracy;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>"loss", then "∂loss/∂x" and "∂²loss/∂x²" for each differentiated input.</summary>
    public static List<string> OutputNames(LossMethodSpec method) =>
        new[] { "loss" }.Concat(method.Parameters.Where(p => p.IsWrt).SelectMany(p => new[] { $"∂loss/∂{p.Name}", $"∂²loss/∂{p.Name}²" })).ToList();

    // The default, else a value inside the stated range (1 when it allows it).
    private static double HyperValue(ParameterSpec p)
    {
        if (p.DefaultValue is { } d && !double.IsNaN(d)) return d;
        (double lo, double hi) = p.Range ?? (double.NegativeInfinity, double.PositiveInfinity);
        return Math.Max(lo, Math.Min(hi, 1.0)) is var v && !double.IsInfinity(v) ? v : 1.0;
    }

    private static bool IsFinite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);

    private static string Describe(LossMethodSpec method, Dictionary<string, double>? point) =>
        point is null ? "" : string.Join(", ", method.Parameters.Where(p => p.Role == ParameterRole.Input)
            .Select(p => p.Name + " = " + point[p.Name].ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>The certificate already measured for this loss, if any (the analyzers then need not compile it).</summary>
    internal static bool TryCached(LossMethodSpec method, string serializedBody, out EquatableArray<OutputAccuracy> accuracy) =>
        Cache.TryGetValue(Key(method, serializedBody), out accuracy);

    /// <summary>Everything a certificate depends on: the type, the rewrite flag, the body, each parameter's role, default and range.</summary>
    private static string Key(LossMethodSpec method, string serializedBody) =>
        method.Type + "|" + method.Rewrite + "|" + serializedBody + "|" + string.Join(";", method.Parameters.Select(p =>
            $"{p.Name}:{p.Role}:{p.IsWrt}:{p.DefaultValue?.ToString("R", CultureInfo.InvariantCulture)}:{p.Range?.Min.ToString("R", CultureInfo.InvariantCulture)}:{p.Range?.Max.ToString("R", CultureInfo.InvariantCulture)}"));

    private static ulong Seed(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
