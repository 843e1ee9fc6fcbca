using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

// dotnet run -c Release --project benchmarks/LossDsl.Benchmarks -- --filter '*'
// The 512-bit generic math needs over a second of hot calls to reach its last JIT tier: warm up for real.
if (args.Length > 0 && args[0] == "warmup")
{
    LossDsl.Benchmarks.WarmUp.Run();
    return;
}
if (args.Length > 0 && args[0] == "codesize")
{
    LossDsl.Benchmarks.GeneratorBenchmarks.PrintCodeSize();
    return;
}

// Whole training runs (seconds each) bring their own job (LightGbmBenchmarks' [SimpleJob]); kernels get this one.
var config = args.Any(a => a.Contains("LightGbm", StringComparison.Ordinal)) ? DefaultConfig.Instance : DefaultConfig.Instance.AddJob(Job.Default
    .WithWarmupCount(8)
    .WithIterationCount(12)
    .WithLaunchCount(1)
    .WithIterationTime(TimeInterval.FromMilliseconds(250)));
BenchmarkSwitcher.FromAssembly(typeof(LossDsl.Benchmarks.KernelBenchmarks).Assembly).Run(args, config);
