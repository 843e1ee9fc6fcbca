using FsCheck;
using FsCheck.Fluent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace LossDsl.Fuzz.Tests;

/// <summary>
/// Half-typed and broken code, as the generator sees it on every keystroke: token-level mutations of valid
/// losses must yield only compiler errors and LD1xxx diagnostics — never a generator exception (CS8785),
/// never an LD9xxx internal error.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private static readonly string[] Replacements =
    {
        "+", "-", "*", "/", "%", "<<", "&", "(", ")", ";", ",", "=", "+=", "++", "Frobnicate", "Undefined(x)", "int", "string",
        "\"text\"", "null", "new float[1]", "x =>", "ref", "out", "for (;;)", "return", "if", "else", "?", ":", "Log(", "Math.Round(",
        "[Loss]", "[Wrt]", "[Hyper]", "static", "partial", "1e400", "0x10", "default", "this", "typeof(int)", "await", "nameof(x)",
    };

    internal sealed record Mutation(int Seed, int Kind, int Position, int Replacement);

    /// <summary>Applies one mutation to a valid loss's source: delete, replace, insert, duplicate or truncate a token.</summary>
    internal static string Apply(Mutation m)
    {
        var random = new Random(m.Seed);
        string source = Compiler.Usings + "namespace Fuzz;\n" + RandomLosses.Build(m.Seed, 24).Render("C");
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        SyntaxToken token = tokens[m.Position % tokens.Count];
        string replacement = Replacements[m.Replacement % Replacements.Length];
        int start = token.SpanStart, end = token.Span.End;
        return (m.Kind % 5) switch
        {
            0 => source.Remove(start, end - start),
            1 => source.Remove(start, end - start).Insert(start, replacement),
            2 => source.Insert(start, replacement + " "),
            3 => source.Insert(end, " " + token.Text),
            _ => source[..start],
        };
    }

    public static int Mutations => int.TryParse(Environment.GetEnvironmentVariable("LOSSDSL_FUZZ_MUTATIONS"), out int n) ? n : 2000;

    [Fact]
    public void Mutated_losses_never_crash_the_generator()
    {
        int checkedCount = 0;
        var arbitrary = Arb.From(Gen.Four(Gen.Choose(0, int.MaxValue)).Select(t => new Mutation(t.Item1, t.Item2, t.Item3, t.Item4)));
        var config = Config.QuickThrowOnFailure.WithMaxTest(Mutations)
            .WithReplay(new Replay(new Rnd(FuzzTests.Seed), FSharpOption<int>.None));
        Check.One(config, Prop.ForAll(arbitrary, (Action<Mutation>)(m =>
        {
            string source = Apply(m);
            var result = Compiler.Run(Compiler.Compilation([source]));
            if (result.GeneratorException is not null) throw new FuzzFailure("generator threw " + result.GeneratorException, source);
            var bad = result.GeneratorDiagnostics.Where(d => !(d.Id.StartsWith("LD1", StringComparison.Ordinal) || d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Id != "CS8785")).ToList();
            if (bad.Count > 0) throw new FuzzFailure("unexpected diagnostics: " + string.Join("; ", bad), source);
            if (result.GeneratorDiagnostics.Any(d => d.Location.SourceTree is null && d.Id.StartsWith("LD1", StringComparison.Ordinal)))
            {
                throw new FuzzFailure("an LD1xxx diagnostic without a source location", source);
            }
            Interlocked.Increment(ref checkedCount);
        })));
        output.WriteLine($"mutations: {checkedCount} broken sources, seed {FuzzTests.Seed}");
        Assert.Equal(Mutations, checkedCount);
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_of_files()
    {
        var cases = Enumerable.Range(0, 6).Select(i => RandomLosses.Build(1000 + i, 24)).ToList();
        string[] sources = cases.Select((c, i) => Compiler.Usings + "namespace Fuzz;\n" + c.Render($"C{i}")).ToArray();
        Dictionary<string, string> Generate(IEnumerable<string> files) =>
            Compiler.Run(Compiler.Compilation(files)).Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        var forward = Generate(sources);
        var backward = Generate(sources.Reverse());
        Assert.Equal(6, forward.Count);
        foreach (var (hint, text) in forward) Assert.Equal(text, backward[hint]);
    }
}
