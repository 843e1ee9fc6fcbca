using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;

namespace LossDsl.Package.Tests;

/// <summary>
/// The real consumer path: <c>dotnet pack</c> the LossDsl package, then a fresh console project that references
/// it from a local folder feed (no other source), with a [Loss] in it, is restored, built and run.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class ConsumerTests(PackedFeed packed) : IDisposable
{
    private static string Version => PackageVersion.AtHead;
    private readonly string _root = Directory.CreateTempSubdirectory("lossdsl-package-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } // a build server may still hold a file
    }

    [Fact]
    public void A_fresh_project_builds_and_runs_a_loss_from_the_package()
    {
        var dotnet = new DotNet(Path.Combine(_root, "packages"));
        string feed = packed.Folder;

        string package = Path.Combine(feed, $"LossDsl.{Version}.nupkg");
        Assert.True(File.Exists(package), $"expected the version {Version} (MinVer, from git) among: {string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName))}");
        AssertLayout(package);
        string symbols = Path.Combine(feed, $"LossDsl.{Version}.snupkg");
        Assert.True(File.Exists(symbols), "no symbol package");
        AssertDeterministicSymbols(symbols);

        string project = ConsumerProject.Create(Path.Combine(_root, "consumer"), [feed], [("LossDsl", Version)], ConsumerProgram);

        DotNet.Result build = dotnet.Succeed(project, "build", "-c", "Release");
        // The analyzers came with the package: the deliberately unstable loss is flagged, with its fix.
        Assert.Contains("warning LD2001: 'Log(Sigmoid(z))'", build.Output);
        Assert.Contains("use LogSigmoid(z)", build.Output);
        AssertOnlyTheRuntimeIsACompileReference(project);

        DotNet.Result run = dotnet.Succeed(project, "run", "-c", "Release", "--no-build");
        AssertCauchyValues(run.Output);
        Assert.Contains("log1p((prediction - target)^2 / scale^2)", run.Output); // Formulas: the derived math
        Assert.Contains("huber via ILoss<float> = 0.812500", run.Output);
    }

    // Cauchy with scale 2 at residuals 0, 1, 4 (mean reduction): the float kernels against double math here.
    private static void AssertCauchyValues(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, @"cauchy = (\S+) gradient = (\S+),(\S+),(\S+)");
        Assert.True(match.Success, "no result line in:\n" + output);
        double[] printed = Enumerable.Range(1, 4).Select(i => double.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        double[] r = { 0, 1, 4 };
        double[] expected = r.Select(x => 2 * x / 4 / (1 + x * x / 4) / 3).Prepend(r.Select(x => Math.Log(1 + x * x / 4)).Average()).ToArray();
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], printed[i], 5e-6);
    }

    private const string ConsumerProgram = """
        using LossDsl;
        using static LossDsl.LossMath;

        var cauchy = new Demo.CauchyLoss(scale: 2f);
        float[] prediction = { 0f, 1f, 4f }, target = { 0f, 0f, 0f };
        var gradient = new float[3];
        float value = cauchy.ForwardBackward(prediction, target, gradient);
        Console.WriteLine(FormattableString.Invariant($"cauchy = {value:F6} gradient = {gradient[0]:F6},{gradient[1]:F6},{gradient[2]:F6}"));
        Console.WriteLine(Demo.CauchyLoss.Formulas);

        ILoss<float> huber = new Losses.HuberLoss(delta: 1f);
        Console.WriteLine(FormattableString.Invariant($"huber via ILoss<float> = {huber.Forward(new float[] { 0.5f, 2f }, new float[] { 0f, 0f }):F6}"));

        public static partial class Demo
        {
            [Loss]
            public static float Cauchy(float prediction, float target, [Hyper(Min = 1e-6)] float scale = 1f)
            {
                float r = (prediction - target) / scale;
                return Log1p(r * r);
            }

            [Loss]
            public static float Unstable(float z, float y) => -y * Log(Sigmoid(z));
        }
        """;

    private static void AssertLayout(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        var files = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (string expected in new[]
        {
            "lib/net10.0/LossDsl.Runtime.dll", "lib/net10.0/LossDsl.Runtime.xml", "README.md",
            "analyzers/dotnet/cs/LossDsl.Generator.dll", "analyzers/dotnet/cs/LossDsl.Analyzers.dll", "analyzers/dotnet/cs/LossDsl.Analyzers.CodeFixes.dll",
        })
        {
            Assert.Contains(expected, files);
        }
        Assert.DoesNotContain(files, f => f.StartsWith("lib/", StringComparison.Ordinal) && !f.Contains("LossDsl.Runtime", StringComparison.Ordinal));
        using (var readme = new StreamReader(zip.GetEntry("README.md")!.Open()))
        {
            string text = readme.ReadToEnd();
            Assert.Contains("[Loss]", text); // the package's own page (src/Runtime/PACKAGE.md), not the clone instructions
            Assert.DoesNotContain("dotnet test LossDsl.sln", text);
        }

        using Stream nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        XElement metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        Assert.Equal("LossDsl", Value("id"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        XElement repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Contains("github.com", repository.Attribute("url")!.Value);
        Assert.Equal(PackageVersion.Commit, repository.Attribute("commit")?.Value); // the commit it was built from (SourceLink's data)
        // The generator and analyzers ride along inside the package: no package dependencies at all.
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    // Under CI=true (ContinuousIntegrationBuild) paths in the PDB are /_/…, not the machine's: the same package wherever
    // CI builds it (Directory.Build.targets recompiles when that setting changes). With a GitHub origin remote,
    // SourceLink also maps /_/ to raw.githubusercontent.com at the commit; a clone may have no remote.
    private static void AssertDeterministicSymbols(string symbolPackage)
    {
        if (Environment.GetEnvironmentVariable("CI") != "true") return;
        using ZipArchive zip = ZipFile.OpenRead(symbolPackage);
        using var pdb = new MemoryStream();
        using (Stream entry = zip.GetEntry("lib/net10.0/LossDsl.Runtime.pdb")!.Open()) entry.CopyTo(pdb);
        using var reader = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb.ToArray()));
        var metadata = reader.GetMetadataReader();
        string[] documents = metadata.Documents.Select(d => metadata.GetString(metadata.GetDocument(d).Name)).ToArray();
        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.StartsWith("/_/", d));
        Assert.Contains(documents, d => d.EndsWith(".g.cs", StringComparison.Ordinal)); // generated kernels, embedded
    }

    // The generator and analyzers must not leak into the user's compile references.
    private static void AssertOnlyTheRuntimeIsACompileReference(string project)
    {
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "obj", "project.assets.json")));
        JsonElement library = assets.RootElement.GetProperty("targets").GetProperty("net10.0").GetProperty($"LossDsl/{Version}");
        Assert.Equal(new[] { "lib/net10.0/LossDsl.Runtime.dll" }, library.GetProperty("compile").EnumerateObject().Select(p => p.Name).ToArray());
    }
}
