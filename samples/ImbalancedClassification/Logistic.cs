using LossDsl;

namespace ImbalancedClassification;

/// <summary>A logistic model z = w·x + b trained by full-batch gradient descent on any loss of the logit.</summary>
public sealed class Logistic
{
    public double W0, W1, B;

    public float Logit(float x0, float x1) => (float)(W0 * x0 + W1 * x1 + B);

    /// <summary>Trains for <paramref name="epochs"/> steps; returns the mean training loss before each step.</summary>
    public static (Logistic Model, double[] Curve) Train<TLoss>(TLoss loss, Data data, int epochs, double rate) where TLoss : ILoss<float>
    {
        var model = new Logistic();
        var logits = new float[data.Count];
        var gradient = new float[data.Count];
        var curve = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            for (int i = 0; i < data.Count; i++) logits[i] = model.Logit(data.X0[i], data.X1[i]);
            curve[epoch] = loss.ForwardBackward(logits, data.Label, gradient); // mean loss and ∂/∂logit, one pass
            double g0 = 0, g1 = 0, gb = 0;
            for (int i = 0; i < data.Count; i++)
            {
                g0 += gradient[i] * data.X0[i];
                g1 += gradient[i] * data.X1[i];
                gb += gradient[i];
            }
            model.W0 -= rate * g0;
            model.W1 -= rate * g1;
            model.B -= rate * gb;
        }
        return (model, curve);
    }

    /// <summary>Recall and precision of the positive (minority) class at probability 0.5 (logit 0).</summary>
    public (double Recall, double Precision) Evaluate(Data data)
    {
        int truePositive = 0, falsePositive = 0, positives = 0;
        for (int i = 0; i < data.Count; i++)
        {
            bool predicted = Logit(data.X0[i], data.X1[i]) > 0, actual = data.Label[i] == 1;
            if (actual) positives++;
            if (predicted && actual) truePositive++;
            if (predicted && !actual) falsePositive++;
        }
        int flagged = truePositive + falsePositive;
        return ((double)truePositive / positives, flagged == 0 ? 0 : (double)truePositive / flagged);
    }
}
