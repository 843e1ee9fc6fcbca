using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LossDsl.LightGbm;

/// <summary>
/// The machines of a distributed (data-parallel, <c>tree_learner=data</c>) training run over LightGBM's own
/// TCP network. Every machine runs the same training call with its own rows and the same options; this
/// machine listens on <see cref="LocalPort"/>, which must appear in <see cref="Machines"/>.
/// </summary>
/// <remarks>
/// LightGBM's network is one per process: a process takes part in one distributed run at a time.
/// </remarks>
public sealed class LightGbmNetwork
{
    /// <summary>Describes the machines of a run.</summary>
    /// <param name="machines">Every machine as <c>host:port</c>, comma-separated, the same list and order on every machine.</param>
    /// <param name="localPort">The port this machine listens on.</param>
    /// <param name="timeoutMinutes">How long a socket waits for the others, in minutes (LightGBM's <c>time_out</c>).</param>
    /// <exception cref="ArgumentException">Malformed entries, fewer than two machines, a port outside 1…65535.</exception>
    public LightGbmNetwork(string machines, int localPort, int timeoutMinutes = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(machines);
        string[] entries = machines.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length < 2)
        {
            throw new ArgumentException($"Distributed training needs at least two machines; '{machines}' names {entries.Length}.", nameof(machines));
        }
        foreach (string entry in entries)
        {
            int colon = entry.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            {
                throw new ArgumentException($"'{entry}' is not host:port with a port in 1…65535.", nameof(machines));
            }
        }
        if (localPort is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(localPort), localPort, "A port is in 1…65535.");
        if (!entries.Any(e => e.EndsWith(":" + localPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The local port {localPort} is not among the machines '{machines}'.", nameof(localPort));
        }
        if (timeoutMinutes < 1) throw new ArgumentOutOfRangeException(nameof(timeoutMinutes), timeoutMinutes, "The time-out is at least 1 minute.");
        Machines = string.Join(',', entries);
        LocalPort = localPort;
        TimeoutMinutes = timeoutMinutes;
        Count = entries.Length;
    }

    /// <summary>The machines, <c>host:port</c>, comma-separated.</summary>
    public string Machines { get; }

    /// <summary>The port this machine listens on.</summary>
    public int LocalPort { get; }

    /// <summary>Socket time-out in minutes.</summary>
    public int TimeoutMinutes { get; }

    /// <summary>How many machines take part.</summary>
    public int Count { get; }

    internal IEnumerable<string> Parameters()
    {
        yield return "tree_learner=data";
        yield return "num_machines=" + Count.ToString(CultureInfo.InvariantCulture);
    }
}
