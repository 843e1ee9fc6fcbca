using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LossDsl.Package.Tests;

/// <summary>
/// A minimal Language Server Protocol client over a server's stdin/stdout (JSON-RPC with Content-Length framing):
/// requests with their responses, the server's own requests answered (workspace/configuration from
/// <paramref name="configuration"/>, the rest with null), and the last diagnostics published per document.
/// </summary>
internal sealed class LspClient : IDisposable
{
    private readonly Process _server;
    private readonly Func<JsonNode?, JsonNode?> _configuration;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StringBuilder _log = new();
    private int _nextId;

    /// <summary>Every publishDiagnostics, in order: the document's URI and its diagnostics.</summary>
    public ConcurrentQueue<(string Uri, JsonArray Diagnostics)> Published { get; } = new();

    public LspClient(ProcessStartInfo server, Func<JsonNode?, JsonNode?> configuration)
    {
        server.RedirectStandardInput = server.RedirectStandardOutput = server.RedirectStandardError = true;
        server.UseShellExecute = false;
        _configuration = configuration;
        _server = Process.Start(server)!;
        _ = Task.Run(ReadMessagesAsync);
        _ = Task.Run(async () =>
        {
            string? line;
            while ((line = await _server.StandardError.ReadLineAsync()) is not null) lock (_log) _log.AppendLine(line);
        });
    }

    /// <summary>The server's log messages and stderr so far, for a failure message.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    public async Task<JsonNode?> RequestAsync(string method, object parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters) });
        return await response.Task.WaitAsync(timeout);
    }

    public Task NotifyAsync(string method, object parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = JsonSerializer.SerializeToNode(parameters) });

    private async Task SendAsync(JsonNode message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _writeLock.WaitAsync();
        try
        {
            Stream input = _server.StandardInput.BaseStream;
            await input.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            await input.WriteAsync(body);
            await input.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadMessagesAsync()
    {
        Stream output = _server.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                int length = -1;
                string header;
                while ((header = await ReadHeaderLineAsync(output)).Length > 0)
                {
                    if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
                byte[] body = new byte[length];
                await output.ReadExactlyAsync(body);
                await HandleAsync(JsonNode.Parse(body)!);
            }
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ObjectDisposedException)
        {
            foreach (var pending in _pending.Values) pending.TrySetException(new IOException("the language server exited:\n" + Log, e));
        }
    }

    private static async Task<string> ReadHeaderLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            await stream.ReadExactlyAsync(one);
            if (one[0] == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)one[0]);
        }
    }

    private async Task HandleAsync(JsonNode message)
    {
        string? method = (string?)message["method"];
        JsonNode? id = message["id"];
        if (method is null)
        {
            if (_pending.TryRemove((int)id!, out var response))
            {
                if (message["error"] is { } error) response.TrySetException(new InvalidOperationException(error.ToJsonString()));
                else response.TrySetResult(message["result"]);
            }
            return;
        }
        if (id is not null)
        {
            JsonNode? result = method == "workspace/configuration"
                ? new JsonArray(message["params"]!["items"]!.AsArray().Select(item => _configuration(item)).ToArray())
                : null;
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            return;
        }
        if (method == "textDocument/publishDiagnostics")
            Published.Enqueue(((string)message["params"]!["uri"]!, message["params"]!["diagnostics"]!.AsArray()));
        else if (method == "window/logMessage")
            lock (_log) _log.AppendLine((string?)message["params"]!["message"]);
    }

    public void Dispose()
    {
        try
        {
            if (!_server.HasExited) _server.Kill(entireProcessTree: true);
            _server.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }
        _server.Dispose();
    }
}
