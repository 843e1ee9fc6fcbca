namespace LossDsl.Package.Tests;

/// <summary>A fresh console project as a user would create it, restoring only from the given folder feeds.</summary>
internal static class ConsumerProject
{
    public static string Create(string directory, IEnumerable<string> feeds, IEnumerable<(string Id, string Version)> packages, string program)
    {
        Directory.CreateDirectory(directory);
        string sources = string.Join("\n", feeds.Select((feed, i) => $"""    <add key="feed{i}" value="{feed}" />"""));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
            {sources}
              </packageSources>
            </configuration>
            """);
        string references = string.Join("\n", packages.Select(p => $"""    <PackageReference Include="{p.Id}" Version="{p.Version}" />"""));
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        return directory;
    }
}
