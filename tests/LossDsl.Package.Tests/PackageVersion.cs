using System.Diagnostics;

namespace LossDsl.Package.Tests;

/// <summary>
/// The version the packages get at this commit, by MinVer's rules with the settings of Directory.Build.props
/// (tag prefix v, minimum 1.0, pre-release preview.0), derived here from git independently of MinVer.
/// </summary>
internal static class PackageVersion
{
    public static string AtHead { get; } = Compute();

    /// <summary>The commit checked out (what the package's repository metadata names).</summary>
    public static string Commit { get; } = Git("rev-parse", "HEAD").Output.Trim();

    private static string Compute()
    {
        // "v1.2.3-rc.1-5-gabc1234": the nearest v* tag, and the commits since it.
        var (exitCode, describe) = Git("describe", "--tags", "--long", "--match", "v[0-9]*");
        if (exitCode != 0)
        {
            // No tag: the height counts from the root commit (which is 0).
            int commits = int.Parse(Git("rev-list", "--count", "HEAD").Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            return $"1.0.0-preview.0.{commits - 1}";
        }
        string[] parts = describe.Trim().Split('-');
        int height = int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture);
        string tag = string.Join('-', parts[..^2])[1..];
        if (height == 0) return tag;
        if (tag.Contains('-')) return $"{tag}.{height}";
        int[] v = tag.Split('.').Select(int.Parse).ToArray();
        return $"{v[0]}.{v[1]}.{v[2] + 1}-preview.0.{height}";
    }

    private static (int ExitCode, string Output) Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = LossDsl.Testing.TestPaths.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process git = Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd();
        git.StandardError.ReadToEnd();
        git.WaitForExit();
        return (git.ExitCode, output);
    }
}
