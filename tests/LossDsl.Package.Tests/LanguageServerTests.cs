using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LossDsl.Package.Tests;

/// <summary>
/// The packed LossDsl package in an editor: csharp-ls 0.28 (a Roslyn language server, installed as a dotnet tool) over
/// LSP on a fresh consumer project that is restored but never built. The stability analyzers publish LD2xxx as the
/// file is opened and edited; hovering the generated type and its constructor shows the loss and its derivatives; a
/// [Loss] added by an edit is generated and usable at once. (csharp-ls does not offer an analyzer package's code
/// fixes yet; those are tested through the Roslyn workspace in LossDsl.Analyzers.Tests.)
/// </summary>
[Collection(PackingCollection.Name)]
public sealed class LanguageServerTests(PackedFeed packed) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _root = Directory.CreateTempSubdirectory("lossdsl-lsp-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } // the server may still hold a file
    }

    private const string Program = """
        using LossDsl;
        using static LossDsl.LossMath;

        Demo.CauchyLoss cauchy = new Demo.CauchyLoss(scale: 2f);
        Console.WriteLine(cauchy.Forward(new float[] { 1f }, new float[] { 0f }));
        // (usage)

        public static partial class Demo
        {
            [Loss]
            public static float Cauchy(float prediction, float target, [Hyper(Min = 1e-6)] float scale = 1f) => Log1p(Square((prediction - target) / scale));

            [Loss]
            public static float Unstable(float z, float y) => -y * Log(Sigmoid(z));
            // (loss)
        }
        """;

    [Fact]
    public async Task An_editor_shows_LD2xxx_and_the_gradients_and_generates_a_loss_added_by_an_edit()
    {
        string packages = Path.Combine(_root, "packages"), tools = Path.Combine(_root, "tools");
        new DotNet(packagesFolder: null).Succeed(_root, "tool", "install", "--tool-path", tools, "csharp-ls", "--version", "0.28.0");
        string project = ConsumerProject.Create(Path.Combine(_root, "consumer"), [packed.Folder], [("LossDsl", PackageVersion.AtHead)], Program);
        new DotNet(packages).Succeed(project, "restore");

        var start = new ProcessStartInfo(Path.Combine(tools, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls")) { WorkingDirectory = project };
        DotNet.AsAUser(start, packages);
        // The analyzers run only when the client's "csharp" settings say so.
        using var server = new LspClient(start, item => (string?)item?["section"] == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
        string rootUri = new Uri(project + Path.DirectorySeparatorChar).AbsoluteUri, uri = new Uri(Path.Combine(project, "Program.cs")).AbsoluteUri;

        await server.RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            rootUri,
            capabilities = new { workspace = new { configuration = true }, textDocument = new { hover = new { contentFormat = new[] { "markdown" } }, publishDiagnostics = new { } } },
        }, Patience);
        await server.NotifyAsync("initialized", new { });
        await server.NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "csharp", version = 1, text = Program } });

        // Opened: LD2001 on the textbook log of a sigmoid, published by the server.
        JsonArray opened = await PublishedAsync(server, uri, d => Codes(d).Contains("LD2001"));
        Assert.DoesNotContain(opened, d => (int?)d!["severity"] == 1);

        // Hover where users hover: the constructor, and the type.
        string constructor = await HoverAsync(server, uri, Program, "new Demo.CauchyLoss(", "CauchyLoss");
        Assert.Contains("loss = log1p((prediction - target)^2 / scale^2)", constructor);
        Assert.Contains("∂loss/∂prediction = ", constructor);
        Assert.Contains("∂²loss/∂prediction² = ", constructor);
        Assert.Contains("Demo.Cauchy(prediction, target, scale)", constructor); // the [Loss] method, as it is called
        string type = await HoverAsync(server, uri, Program, "Demo.CauchyLoss cauchy", "CauchyLoss");
        Assert.Contains("∂loss/∂prediction = ", type);

        // Typing a new [Loss] and its use: generated without a build, and its hazard published.
        string edited = Program
            .Replace("// (loss)", "[Loss] public static float Soft(float x, float y) => Log(1 + Exp(x)) - y * x;")
            .Replace("// (usage)", "Console.WriteLine(new Demo.SoftLoss().Forward(new float[] { 1f }, new float[] { 0f }));");
        await server.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version = 2 }, contentChanges = new[] { new { text = edited } } });
        JsonArray after = await PublishedAsync(server, uri, d => Codes(d).Contains("LD2002"));
        Assert.True(!after.Any(d => (int?)d!["severity"] == 1), "errors after the edit (the new loss's class should exist):\n" + after.ToJsonString());
        string soft = await HoverAsync(server, uri, edited, "new Demo.SoftLoss(", "SoftLoss");
        Assert.Contains("∂loss/∂x = ", soft);
    }

    private static string[] Codes(JsonArray diagnostics) => diagnostics.Select(d => (string?)d!["code"] ?? "").ToArray();

    /// <summary>The first diagnostics published for <paramref name="uri"/> that satisfy <paramref name="wanted"/>.</summary>
    private static async Task<JsonArray> PublishedAsync(LspClient server, string uri, Func<JsonArray, bool> wanted)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            while (server.Published.TryDequeue(out var published))
            {
                if (published.Uri == uri && wanted(published.Diagnostics)) return published.Diagnostics;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"no such diagnostics published within {Patience}; server log:\n{server.Log}");
    }

    /// <summary>The hover text on <paramref name="word"/> inside the first <paramref name="context"/> of the text.</summary>
    private static async Task<string> HoverAsync(LspClient server, string uri, string text, string context, string word)
    {
        int offset = text.IndexOf(context, StringComparison.Ordinal) + context.IndexOf(word, StringComparison.Ordinal) + 1;
        int line = text[..offset].Count(c => c == '\n'), character = offset - (text.LastIndexOf('\n', offset - 1) + 1);
        JsonNode? hover = await server.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = new { line, character } }, Patience);
        return (string?)hover?["contents"]?["value"] ?? throw new Xunit.Sdk.XunitException($"no hover on '{word}' in '{context}'");
    }
}
