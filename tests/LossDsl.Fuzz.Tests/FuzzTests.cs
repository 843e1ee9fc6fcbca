using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace LossDsl.Fuzz.Tests;

/// <summary>
/// Property-based search over random well-formed losses. 2,000 cases by default (80 batches of 25, each
/// batch one compilation); LOSSDSL_FUZZ_CASES runs more, LOSSDSL_FUZZ_SEED another fixed seed. A failing
/// batch shrinks to one minimal case, printed with the exception.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int BatchSize = 25;

    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable("LOSSDSL_FUZZ_CASES"), out int n) ? n : 2000;

    public static ulong Seed => ulong.TryParse(Environment.GetEnvironmentVariable("LOSSDSL_FUZZ_SEED"), out ulong s) ? s : 20261122;

    private static Arbitrary<LossCase[]> Batches() => Arb.From(
        Gen.Sized(size => Gen.Choose(0, int.MaxValue).Select(seed => seed)).ArrayOf(BatchSize).Select(seeds =>
            seeds.Select((seed, i) => RandomLosses.Build(seed, 8 + i)).ToArray()),
        ShrinkBatch);

    private static IEnumerable<LossCase[]> ShrinkBatch(LossCase[] batch) => batch.Length > 1
        ? batch.Select(c => new[] { c })
        : RandomLosses.Shrink(batch[0]).Select(c => new[] { c });

    [Fact]
    public void Random_losses_compile_and_their_kernels_match_the_scalar_method_and_finite_differences()
    {
        int before = CaseChecker.CasesRun, points = CaseChecker.PointsChecked;
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(Math.Max(1, Cases / BatchSize))
            .WithReplay(new Replay(new Rnd(Seed), FSharpOption<int>.None));
        Check.One(config, Prop.ForAll(Batches(), (Action<LossCase[]>)CaseChecker.Check));
        int run = CaseChecker.CasesRun - before;
        output.WriteLine($"fuzz: {run} random losses, {CaseChecker.PointsChecked - points} points checked against finite differences, seed {Seed}");
        Assert.True(run >= Cases, $"only {run} cases ran");
    }
}
