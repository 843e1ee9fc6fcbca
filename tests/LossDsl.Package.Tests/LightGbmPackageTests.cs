using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace LossDsl.Package.Tests;

/// <summary>
/// The LossDsl.LightGbm package as a user gets it: packed with its dependencies (LossDsl, LightGBM), and a fresh
/// console project that restores it (the LightGBM package from the machine's NuGet cache, nothing from the network),
/// builds and trains a booster with the native library the LightGBM package carries.
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class LightGbmPackageTests(PackedFeed packed) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lossdsl-lightgbm-package-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } // a build server may still hold a file
    }

    [Fact]
    public void A_fresh_project_trains_LightGBM_with_a_loss_from_the_packages()
    {
        string feed = packed.Folder;
        AssertLayout(Path.Combine(feed, $"LossDsl.LightGbm.{PackageVersion.AtHead}.nupkg"));

        // The LightGBM package as this machine restored it for the solution: a folder feed, no network.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string project = ConsumerProject.Create(Path.Combine(_root, "consumer"), [feed, cache],
            [("LossDsl", PackageVersion.AtHead), ("LossDsl.LightGbm", PackageVersion.AtHead)], Program);
        var dotnet = new DotNet(Path.Combine(_root, "packages"));
        dotnet.Succeed(project, "build", "-c", "Release");
        DotNet.Result run = dotnet.Succeed(project, "run", "-c", "Release", "--no-build");
        var match = System.Text.RegularExpressions.Regex.Match(run.Output, @"initial (\S+) first (\S+) iterations (\d+)");
        Assert.True(match.Success, "no result line in:\n" + run.Output);
        // y = 2·x0 on 400 rows: the initial score is the mean label, the model follows x0.
        Assert.Equal(1.0, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), 6);
        Assert.Equal(20, int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        Assert.InRange(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), -0.1, 0.9);
    }

    private const string Program = """
        using LossDsl;
        using LossDsl.LightGbm;

        const int rows = 400;
        float[] x = new float[rows * 2], y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            x[2 * i] = i / (float)(rows - 1);
            x[2 * i + 1] = (i * 7919 % rows) / (float)rows;
            y[i] = 2 * x[2 * i];
        }
        using var data = LightGbmDataset.FromRows(x, 2, y);
        using LightGbmBooster booster = LightGbmTrainer.Train(data, new Losses.MseLoss(), new LightGbmOptions { Iterations = 20, Threads = 1 });
        double[] raw = booster.PredictRaw(new float[] { 0f, 0.5f }, 2);
        Console.WriteLine(FormattableString.Invariant($"initial {booster.InitialScores[0]:R} first {raw[0]:R} iterations {booster.Iterations}"));
        """;

    private static void AssertLayout(string package)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        var files = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/LossDsl.LightGbm.dll", files);
        Assert.Contains("lib/net10.0/LossDsl.LightGbm.xml", files);
        Assert.Contains("README.md", files);
        using Stream nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        XElement metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
        Assert.Equal(PackageVersion.AtHead, dependencies["LossDsl"]);
        Assert.Equal("4.7.0", dependencies["LightGBM"]);
        Assert.Equal("LossDsl.LightGbm", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
    }
}
