using LossDsl;

namespace RobustRegression;

/// <summary>Fits y ≈ a·x + b by gradient descent on any loss: one training loop for every <see cref="ILoss{T}"/>.</summary>
public static class LineFit
{
    public static (double A, double B) Fit<TLoss>(TLoss loss, float[] x, float[] y, (double A, double B) start, int steps = 3000, double rate = 0.05)
        where TLoss : ILoss<float>
    {
        var prediction = new float[x.Length];
        var gradient = new float[x.Length];
        (double a, double b) = start;
        for (int step = 0; step < steps; step++)
        {
            for (int i = 0; i < x.Length; i++) prediction[i] = (float)(a * x[i] + b);
            loss.Backward(prediction, y, gradient); // ∂(mean loss)/∂prediction, fused in one pass
            double da = 0, db = 0;
            for (int i = 0; i < x.Length; i++)
            {
                da += gradient[i] * x[i];
                db += gradient[i];
            }
            a -= rate * da;
            b -= rate * db;
        }
        return (a, b);
    }
}
