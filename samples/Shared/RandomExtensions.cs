namespace LossDsl.Samples;

public static class RandomExtensions
{
    /// <summary>A standard normal sample (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
