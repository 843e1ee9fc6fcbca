using LossDsl.Generator.Model;

namespace LossDsl.Generator.Tests.Catalogue;

/// <summary>Test points for each catalogue loss: random values in its domain plus its extremes.</summary>
internal static class CataloguePoints
{
    public static IEnumerable<Dictionary<string, double>> For(string loss, LossMethodSpec spec, int count)
    {
        // A fixed seed per loss (string.GetHashCode is randomized per process); LOSSDSL_SEED explores others.
        int seed = loss.Aggregate(2024, (hash, c) => hash * 31 + c) ^ (int.TryParse(Environment.GetEnvironmentVariable("LOSSDSL_SEED"), out int extra) ? extra : 0);
        var random = new Random(seed);
        for (int k = 0; k < count; k++)
        {
            var point = new Dictionary<string, double>();
            foreach (ParameterSpec p in spec.Parameters)
            {
                point[p.Name] = p.Role == ParameterRole.Hyper ? p.DefaultValue ?? 1 : Sample(loss, p.Name, k, random);
            }
            yield return point;
        }
    }

    private static readonly double[] Logits = { 0, 1e4, -1e4, 50, -50, 20, -20, 1e-3, -1e-3, 3, -3 };

    private static double Sample(string loss, string parameter, int k, Random random)
    {
        double Pick(double[] extremes, Func<double> otherwise) => k < extremes.Length * 3 && k % 3 == 0 ? extremes[k / 3] : otherwise();
        double Normal(double scale) => scale * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (loss, parameter) switch
        {
            (_, "probability") => Pick(new[] { 0.0, 1, 1e-7, 1 - 1e-7, 0.5 }, random.NextDouble),
            ("Bce" or "BceWithLogits" or "SigmoidFocal" or "WeightedBce" or "WeightedBceWithLogits" or "BinaryFocalCrossentropy" or "BalancedBinaryFocalCrossentropy", "target")
                => k % 4 switch { 0 => 0, 1 => 1, _ => random.NextDouble() },
            ("SoftMargin" or "Hinge" or "SquaredHinge" or "Perceptron" or "MarginRanking", "target") => random.Next(2) * 2 - 1,
            // PyTorch computes both terms for a label other than ±1: they are sampled too.
            ("HingeEmbedding", "target") => k % 5 == 4 ? 0.5 : random.Next(2) * 2 - 1,
            ("BinarySparsemax", "target") => random.Next(2),
            ("BinarySparsemax", "logit") => Pick(new[] { 1e4, -1e4, 0.5 }, () => Normal(1.5)),
            (_, "weight") => Pick(new[] { 0.0, 1, 10 }, () => 3 * random.NextDouble()),
            ("PoissonNllFull", "target") => Pick(new[] { 0.0, 1, 2, 1e4 }, () => random.Next(20)),
            // Rates near 0 are in the domain but central differences there step below it (rate 0: PoissonRateAtZero).
            ("PoissonNllRate", "rate") => Pick(new[] { 1e-3, 1e4 }, () => Math.Exp(Normal(2))),
            ("PoissonNllRate", "target") => random.Next(20),
            ("MeanAbsolutePercentageError", "target") => Pick(new[] { 0.0, 1e-8, -1e4 }, () => Normal(3)),
            ("GeneralizedKlDivergence", "target") => Pick(new[] { 0.0, 1e-30, 5 }, () => Math.Abs(Normal(2))),
            ("GeneralizedKlDivergence", "logPrediction") => Pick(new[] { 0.0, -50, 20 }, () => Normal(3)),
            ("KlDivergence", "target") => Pick(new[] { 0.0, 1, 1e-30 }, random.NextDouble),
            ("PoissonNll", "target") => random.Next(20),
            ("SquaredLogError", _) => Pick(new[] { 0.0, -1, 1e-8, 1e4 }, () => Math.Abs(Normal(3))),
            (_, "variance") => Pick(new[] { 1e-7, 1e-6, 1e4 }, () => Math.Exp(Normal(2))),
            (_, "logit" or "logRate") => Pick(Logits, () => Normal(5)),
            ("PoissonNll", _) => Normal(3),
            (_, "logProbability") => Pick(new[] { 0.0, -50 }, () => -Math.Abs(Normal(3))),
            (_, "logTarget") => -Math.Abs(Normal(3)),
            _ => Pick(new[] { 0.0, 1e4, -1e4 }, () => Normal(3)),
        };
    }
}
