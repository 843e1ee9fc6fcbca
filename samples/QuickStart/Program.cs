using LossDsl;
using QuickStart;

// 1. What the generator derived, at build time, from the two [Loss] methods in MyLosses.cs.
Print("Cauchy", MyLosses.CauchyLoss.Formulas);
Print("RobustMix", MyLosses.RobustMixLoss.Formulas);
Print("SmoothedCrossEntropy", MyLosses.SmoothedCrossEntropyLoss.Formulas);

// 2. A real fit: y = 2x + 1 with noise, and 15% of the points replaced by gross outliers.
const int N = 2000;
var random = new Random(7);
float[] x = new float[N], y = new float[N];
for (int i = 0; i < N; i++)
{
    x[i] = (float)(random.NextDouble() * 4 - 2);
    y[i] = 2 * x[i] + 1 + (float)(random.NextDouble() - 0.5) * 0.2f;
    if (random.NextDouble() < 0.15) y[i] += 15 + (float)random.NextDouble() * 10; // outliers all on one side
}

Console.WriteLine("Fitting y = a·x + b (truth: a = 2, b = 1) on data with 15% outliers:");
Fit("MSE", new Losses.MseLoss().ForwardBackward);
Fit("Huber", new Losses.HuberLoss(delta: 1f).ForwardBackward);
Fit("Cauchy", new MyLosses.CauchyLoss(scale: 0.5f).ForwardBackward);
Fit("RobustMix", new MyLosses.RobustMixLoss().ForwardBackward);

// 3. A row loss: softmax regression of 3 classes from 2 features, trained through the fused kernel.
ClassifyPoints();

void ClassifyPoints()
{
    const int Classes = 3, Points = 600;
    float[] features = new float[Points * 2];
    int[] labels = new int[Points];
    for (int i = 0; i < Points; i++)
    {
        labels[i] = i % Classes; // three blobs around the corners of a triangle
        features[2 * i] = MathF.Cos(2 * MathF.PI * labels[i] / Classes) * 2 + (float)(random.NextDouble() - 0.5) * 4;
        features[2 * i + 1] = MathF.Sin(2 * MathF.PI * labels[i] / Classes) * 2 + (float)(random.NextDouble() - 0.5) * 4;
    }
    float[] weights = new float[Classes * 3]; // per class: two feature weights and a bias
    float[] scores = new float[Points * Classes], scoresGradient = new float[Points * Classes];
    var loss = new MyLosses.SmoothedCrossEntropyLoss(smoothing: 0.1f);
    float value = 0;
    for (int step = 0; step < 200; step++)
    {
        for (int i = 0; i < Points; i++)
        {
            for (int c = 0; c < Classes; c++)
            {
                scores[i * Classes + c] = weights[3 * c] * features[2 * i] + weights[3 * c + 1] * features[2 * i + 1] + weights[3 * c + 2];
            }
        }
        value = loss.ForwardBackward(scores, labels, Classes, scoresGradient); // rows of 3 scores, one label each
        for (int i = 0; i < Points; i++)
        {
            for (int c = 0; c < Classes; c++)
            {
                float g = scoresGradient[i * Classes + c];
                weights[3 * c] -= 0.5f * g * features[2 * i];
                weights[3 * c + 1] -= 0.5f * g * features[2 * i + 1];
                weights[3 * c + 2] -= 0.5f * g;
            }
        }
    }
    int correct = 0;
    for (int i = 0; i < Points; i++)
    {
        var row = scores.AsSpan(i * Classes, Classes);
        int best = 0;
        for (int c = 1; c < Classes; c++) if (row[c] > row[best]) best = c;
        if (best == labels[i]) correct++;
    }
    Console.WriteLine();
    Console.WriteLine($"Softmax regression, 3 classes, smoothed cross-entropy: loss {value:F4}, accuracy {100.0 * correct / Points:F1}%");
}

void Fit(string name, LossStep step)
{
    float a = 0, b = 0, loss = 0;
    float[] prediction = new float[N], gradient = new float[N];
    for (int iteration = 0; iteration < 3000; iteration++)
    {
        for (int i = 0; i < N; i++) prediction[i] = a * x[i] + b;
        loss = step(prediction, y, gradient); // mean loss and ∂loss/∂prediction in one pass
        float da = 0, db = 0;                 // chain rule to the two parameters
        for (int i = 0; i < N; i++)
        {
            da += gradient[i] * x[i];
            db += gradient[i];
        }
        a -= 0.1f * da;
        b -= 0.1f * db;
    }
    Console.WriteLine($"  {name,-10} a = {a,6:F3}  b = {b,6:F3}   |error| = {Math.Abs(a - 2) + Math.Abs(b - 1),6:F3}   final loss {loss:F4}");
}

// Formulas prints the loss, then ∂ and ∂² of each differentiated input, a line each.
static void Print(string name, LossFormulas formulas)
{
    Console.WriteLine($"{name}:");
    foreach (string line in formulas.ToString().Split('\n')) Console.WriteLine("  " + line);
    Console.WriteLine();
}

delegate float LossStep(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> predictionGradient);
