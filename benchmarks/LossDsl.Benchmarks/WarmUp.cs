using System.Diagnostics;

namespace LossDsl.Benchmarks;

/// <summary>
/// Issue 15's warm-up question, which BenchmarkDotNet (steady state by design) cannot answer: in a fresh process,
/// how long do the first 20 calls of a 1M-element training loop take against 20 calls once the JIT has settled?
/// Run as <c>dotnet run -c Release --project benchmarks/LossDsl.Benchmarks -- warmup</c>; each run is one fresh process.
/// </summary>
public static class WarmUp
{
    private const int N = 1 << 20, Calls = 20;

    public static void Run()
    {
        var random = new Random(42);
        float[] x = Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        float[] t = Enumerable.Range(0, N).Select(_ => (float)random.Next(2)).ToArray();
        float[] g = new float[N];
        Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}, 1M floats, ForwardBackward");
        Measure("SigmoidFocal", new Losses.SigmoidFocalLoss(), x, t, g);
        Measure("BceWithLogits", new Losses.BceWithLogitsLoss(), x, t, g);
        Measure("Mse", new Losses.MseLoss(), x, t, g);
    }

    // The first loss measured in a process also pays for the runtime's own start-up code paths; later ones only for theirs.
    private static void Measure(string name, ILoss<float> loss, float[] x, float[] t, float[] g)
    {
        var clock = Stopwatch.StartNew();
        loss.ForwardBackward(x, t, g);
        double firstCall = clock.Elapsed.TotalMilliseconds;
        double first = firstCall + Time(loss, x, t, g, Calls - 1);
        for (int i = 0; i < 400; i++) loss.ForwardBackward(x, t, g); // let tiered JIT and OSR finish
        Thread.Sleep(200);
        for (int i = 0; i < 100; i++) loss.ForwardBackward(x, t, g);
        double steady = Time(loss, x, t, g, Calls);
        Console.WriteLine($"{name,-14} first {Calls} calls {first,8:F2} ms (the very first {firstCall:F2} ms), {Calls} steady calls {steady,8:F2} ms: {first / steady:F2}×");
    }

    private static double Time(ILoss<float> loss, float[] x, float[] t, float[] g, int calls)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++) loss.ForwardBackward(x, t, g);
        return clock.Elapsed.TotalMilliseconds;
    }
}
