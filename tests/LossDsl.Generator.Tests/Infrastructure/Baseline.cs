using System.Runtime.CompilerServices;

namespace LossDsl.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot tests, a small stand-in for Verify.SourceGenerators: generated text is compared line by line
/// with Baselines/{Test}/{HintName}.cs.txt, and a failure names the first differing line. Build with
/// <c>dotnet test -p:UpdateBaselines=true</c> (or set LOSSDSL_UPDATE_BASELINES=1) to rewrite them.
/// </summary>
internal static class Baseline
{
    public static void Match(string test, string hintName, string actual, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Baselines", test);
        string path = Path.Combine(directory, hintName + ".txt");
        actual = actual.Replace("\r\n", "\n");
        if (ShouldUpdate)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No baseline at {path}; run 'dotnet test -p:UpdateBaselines=true' and review the new file.");
        string[] expectedLines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        string[] actualLines = actual.Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? expected = i < expectedLines.Length ? expectedLines[i] : null;
            string? got = i < actualLines.Length ? actualLines[i] : null;
            if (expected != got)
            {
                Assert.Fail($"{path} differs at line {i + 1}:\n  expected: {expected ?? "<end of file>"}\n  actual:   {got ?? "<end of file>"}\n" +
                    "If the change is intended, run 'dotnet test -p:UpdateBaselines=true' and review the diff.");
            }
        }
    }

    private static bool ShouldUpdate =>
#if UPDATE_BASELINES
        true ||
#endif
        Environment.GetEnvironmentVariable("LOSSDSL_UPDATE_BASELINES") == "1";
}
