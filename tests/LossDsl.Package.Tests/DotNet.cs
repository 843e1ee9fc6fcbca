using System.Diagnostics;

namespace LossDsl.Package.Tests;

/// <summary>
/// Runs the dotnet CLI as a user would. With a packages folder, NuGet restores into it (a fresh cache, so
/// nothing stale or global is used) — only for the consumer project: restoring this repository's projects there
/// would point their shared obj/project.assets.json at a folder the test deletes, under builds running beside it.
/// </summary>
internal sealed class DotNet(string? packagesFolder)
{
    public sealed record Result(int ExitCode, string Output);

    public Result Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        AsAUser(start, packagesFolder);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took over 5 minutes");
        }
        return new Result(process.ExitCode, output.Result + error.Result);
    }

    /// <summary>The environment of a process a user starts: the given NuGet cache, and none of the test host's MSBuild settings.</summary>
    public static void AsAUser(ProcessStartInfo start, string? packagesFolder)
    {
        if (packagesFolder is not null) start.Environment["NUGET_PACKAGES"] = packagesFolder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (string name in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "VSTEST_HOST_DEBUG" }) start.Environment.Remove(name);
    }

    public Result Succeed(string workingDirectory, params string[] arguments)
    {
        Result result = Run(workingDirectory, arguments);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}");
        return result;
    }
}
