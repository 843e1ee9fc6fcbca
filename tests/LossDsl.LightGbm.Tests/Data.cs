namespace LossDsl.LightGbm.Tests;

/// <summary>Small synthetic problems: features row-major, labels from a known function of them plus noise.</summary>
internal static class Data
{
    public const int Columns = 5;

    public static float[] Features(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * Columns];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(random.NextDouble() * 2 - 1);
        return x;
    }

    private static double Signal(float[] x, int row) =>
        1.5 * x[row * Columns] - x[row * Columns + 1] + 0.8 * x[row * Columns + 2] * x[row * Columns + 3];

    public static float[] Regression(float[] x, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, x.Length / Columns).Select(i => (float)(3 + 2 * Signal(x, i) + random.NextDouble() - 0.5)).ToArray();
    }

    public static float[] Binary(float[] x, int seed) =>
        Probabilities(x).Select((p, i) => new Random(seed + i).NextDouble() < p ? 1f : 0f).ToArray();

    public static float[] Probabilities(float[] x) =>
        Enumerable.Range(0, x.Length / Columns).Select(i => (float)(1 / (1 + Math.Exp(-(2 * Signal(x, i) - 1))))).ToArray();

    public static float[] Counts(float[] x, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, x.Length / Columns).Select(i => (float)Poisson(random, Math.Exp(0.5 + 0.7 * Signal(x, i)))).ToArray();
    }

    // Claims: mostly zero, a gamma-like skewed tail where there is a claim.
    public static float[] Claims(float[] x, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, x.Length / Columns).Select(i =>
        {
            int n = Poisson(random, Math.Exp(-1 + 0.5 * Signal(x, i)));
            double total = 0;
            for (int k = 0; k < n; k++) total += -Math.Log(1 - random.NextDouble()) * 2;
            return (float)total;
        }).ToArray();
    }

    public static float[] Classes(float[] x, int classes, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, x.Length / Columns).Select(i =>
        {
            var scores = Enumerable.Range(0, classes).Select(k => Math.Exp(2 * x[i * Columns + k % Columns] * (k % 2 == 0 ? 1 : -1))).ToArray();
            double u = random.NextDouble() * scores.Sum();
            for (int k = 0; k < classes; k++)
            {
                if ((u -= scores[k]) <= 0) return (float)k;
            }
            return (float)(classes - 1);
        }).ToArray();
    }

    private static int Poisson(Random random, double mean)
    {
        double limit = Math.Exp(-mean), product = random.NextDouble();
        int n = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            n++;
        }
        return n;
    }
}
