namespace LossDsl.Samples;

public static class RandomExtensions
{
    /// <summary>A standard normal sample (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>A Poisson count (Knuth's method: fine for the small means of the samples).</summary>
    public static int Poisson(this Random random, double mean)
    {
        double limit = Math.Exp(-mean), product = random.NextDouble();
        int count = 0;
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }
        return count;
    }

    /// <summary>A gamma sample with shape ≥ 1 (Marsaglia and Tsang's method).</summary>
    public static double Gamma(this Random random, double shape, double scale)
    {
        double d = shape - 1.0 / 3, c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z = random.NextGaussian(), v = Math.Pow(1 + c * z, 3);
            if (v <= 0) continue;
            if (Math.Log(1 - random.NextDouble()) < 0.5 * z * z + d - d * v + d * Math.Log(v)) return d * v * scale;
        }
    }
}
