using System;
using System.Collections.Generic;
using System.Linq;
using LossDsl.Generator.Model;

namespace LossDsl.Generator.Accuracy;

/// <summary>
/// The points the certificate measures at, deterministic per loss: each per-element input drawn from a pool
/// built from its stated range — the edges, values log-uniform over magnitudes 2⁻³⁰…1e4 of both signs
/// (approaching each finite edge the same way), the kinks 0 and ±1 and the hyperparameters' values — and with
/// probability ⅛ equal to the previous input (ties: prediction = target).
/// </summary>
internal static class SamplePoints
{
    /// <summary>Largest magnitude sampled: the ±1e4 logits the stability tests use.</summary>
    public const double Largest = 1e4;

    public static List<Dictionary<string, double>> Draw(LossMethodSpec method, IReadOnlyDictionary<string, double> hypers, int count, ulong seed)
    {
        var random = new SplitMix64(seed);
        var inputs = method.Parameters.Where(p => p.Role == ParameterRole.Input).ToList();
        var pools = inputs.Select(p => Pool(p, hypers.Values, method.Type)).ToList();
        var points = new List<Dictionary<string, double>>(count);
        for (int n = 0; n < count; n++)
        {
            var point = hypers.ToDictionary(h => h.Key, h => h.Value);
            for (int i = 0; i < inputs.Count; i++)
            {
                bool tie = i > 0 && random.Next(8) == 0 && Within(inputs[i], point[inputs[i - 1].Name]);
                double value = tie ? point[inputs[i - 1].Name] : Draw(pools[i], inputs[i], random, method.Type);
                point[inputs[i].Name] = value;
            }
            points.Add(point);
        }
        return points;
    }

    private static (double Min, double Max) RangeOf(ParameterSpec p) =>
        (Math.Max(p.Range?.Min ?? double.NegativeInfinity, -Largest), Math.Min(p.Range?.Max ?? double.PositiveInfinity, Largest));

    private static bool Within(ParameterSpec p, double value) => RangeOf(p) is var (lo, hi) && lo <= value && value <= hi;

    // Fixed values worth hitting exactly: the edges and the kinks that lie inside the range.
    private static List<double> Pool(ParameterSpec p, IEnumerable<double> hypers, ScalarType type)
    {
        (double lo, double hi) = RangeOf(p);
        var candidates = new List<double> { lo, hi, 0, 1, -1, 0.5, -0.5, Largest, -Largest };
        foreach (double h in hypers) candidates.AddRange(new[] { h, -h });
        return candidates.Select(v => Round(v, type)).Where(v => lo <= v && v <= hi).Distinct().ToList();
    }

    private static double Draw(List<double> pool, ParameterSpec p, SplitMix64 random, ScalarType type)
    {
        (double lo, double hi) = RangeOf(p);
        int choice = random.Next(4);
        if (choice == 0 && pool.Count > 0) return pool[random.Next(pool.Count)];
        if ((choice == 1 && double.IsInfinity(p.Range?.Min ?? double.NegativeInfinity)) || (choice == 2 && double.IsInfinity(p.Range?.Max ?? double.PositiveInfinity))) choice = 3;
        double magnitude = Math.Pow(2, -30 + random.NextDouble() * (30 + Math.Log(Largest) / Math.Log(2)));
        double value = choice switch
        {
            1 => lo + magnitude,                                            // just above the lower edge
            2 => hi - magnitude,                                            // just below the upper edge
            _ => random.Next(2) == 0 ? magnitude : -magnitude,              // anywhere, both signs
        };
        if (!(value >= lo && value <= hi)) value = lo + (hi - lo) * random.NextDouble();
        return Round(Math.Max(lo, Math.Min(hi, value)), type);
    }

    private static double Round(double value, ScalarType type) => type == ScalarType.Float ? (float)value : value;

    /// <summary>A small, fixed generator (System.Random's sequence is not promised across runtimes).</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextULong()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public int Next(int bound) => (int)(NextULong() % (ulong)bound);

        public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));
    }
}
