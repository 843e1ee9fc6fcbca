using LossDsl;
using QuickStart;

// 1. What the generator derived, at build time, from the two [Loss] methods in MyLosses.cs.
Print("Cauchy", MyLosses.CauchyLoss.Formulas);
Print("RobustMix", MyLosses.RobustMixLoss.Formulas);

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

static void Print(string name, LossFormulas formulas)
{
    Console.WriteLine($"{name}:");
    Console.WriteLine($"  loss            = {formulas.Loss}");
    foreach (DerivativeFormula d in formulas.Derivatives)
    {
        Console.WriteLine($"  ∂loss/∂{d.Input,-9} = {d.Gradient}");
        Console.WriteLine($"  ∂²loss/∂{d.Input}² = {d.Hessian}");
    }
    Console.WriteLine();
}

delegate float LossStep(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> predictionGradient);
