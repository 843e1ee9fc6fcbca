using LossDsl.Samples;

namespace GradientBoosting;

/// <summary>A table of rows: row-major features and one label per row.</summary>
public sealed record Table(float[] Features, int Columns, float[] Labels)
{
    public int Rows => Labels.Length;
}

/// <summary>The two synthetic problems: insurance claims (many zeros, a skewed tail) and 1:100 fraud.</summary>
public static class Problems
{
    /// <summary>
    /// Yearly claim amount per policy: a Poisson number of claims (rate from driver age, vehicle power, region and
    /// a bonus-malus score, with interactions) times gamma-like severities. About 85 % of policies claim nothing.
    /// </summary>
    public static Table Claims(int rows, int seed)
    {
        var random = new Random(seed);
        const int columns = 6;
        var x = new float[rows * columns];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double age = 18 + 62 * random.NextDouble(), power = 4 + 11 * random.NextDouble(), region = random.Next(8);
            double bonus = 50 + 100 * Math.Pow(random.NextDouble(), 3), density = random.NextDouble(), noise = random.NextDouble();
            x[i * columns] = (float)age; x[i * columns + 1] = (float)power; x[i * columns + 2] = (float)region;
            x[i * columns + 3] = (float)bonus; x[i * columns + 4] = (float)density; x[i * columns + 5] = (float)noise;
            double logRate = -2.4 + 1.4 * Math.Exp(-(age - 18) / 8) + 0.08 * (power - 8) + 0.25 * (region % 3) + 0.015 * (bonus - 70)
                + 0.8 * density * (age < 30 ? 1 : 0);
            int claims = random.Poisson(Math.Exp(logRate));
            double total = 0;
            for (int k = 0; k < claims; k++) total += random.Gamma(shape: 1.5, scale: 800 * (1 + 0.05 * (power - 4)));
            y[i] = (float)(total / 1000); // in thousands
        }
        return new Table(x, columns, y);
    }

    /// <summary>Transactions, about 1 in 100 fraudulent: the fraud signal lives in a few interactions.</summary>
    public static Table Fraud(int rows, int seed)
    {
        var random = new Random(seed);
        const int columns = 8;
        var x = new float[rows * columns];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++) x[i * columns + j] = (float)random.NextGaussian();
            double a = x[i * columns], b = x[i * columns + 1], c = x[i * columns + 2], d = x[i * columns + 3];
            double logit = -7.35 + 1.4 * a + 1.1 * (b * c > 0.5 ? 1 : 0) + 0.8 * d * d - 0.5 * Math.Abs(x[i * columns + 4]);
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? 1 : 0;
        }
        return new Table(x, columns, y);
    }
}
