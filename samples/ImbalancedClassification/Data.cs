using LossDsl.Samples;

namespace ImbalancedClassification;

/// <summary>Two overlapping Gaussian classes in 2-D, 50 negatives for every positive.</summary>
public sealed class Data
{
    public required float[] X0 { get; init; }
    public required float[] X1 { get; init; }
    public required float[] Label { get; init; }
    public int Count => Label.Length;

    public static Data Generate(int positives, int seed)
    {
        var random = new Random(seed);
        int n = positives * 51;
        var data = new Data { X0 = new float[n], X1 = new float[n], Label = new float[n] };
        for (int i = 0; i < n; i++)
        {
            bool positive = i < positives;
            double center = positive ? 1.8 : 0, spread = positive ? 0.8 : 1.0;
            data.X0[i] = (float)(center + spread * random.NextGaussian());
            data.X1[i] = (float)(center + spread * random.NextGaussian());
            data.Label[i] = positive ? 1 : 0;
        }
        return data;
    }
}
