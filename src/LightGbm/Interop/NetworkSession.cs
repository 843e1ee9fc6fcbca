using System;
using System.Threading;

namespace LossDsl.LightGbm.Interop;

/// <summary>
/// LightGBM's network for one distributed run: up before any dataset is built (bins are agreed across machines
/// then), down when the run ends. LightGBM keeps one network per process, so runs take turns.
/// </summary>
internal sealed class NetworkSession : IDisposable
{
    private static int s_active;

    private NetworkSession() { }

    public static NetworkSession Start(LightGbmNetwork network)
    {
        if (Interlocked.Exchange(ref s_active, 1) == 1)
        {
            throw new InvalidOperationException("Another distributed LightGBM run is active in this process; LightGBM has one network per process.");
        }
        try
        {
            Native.Check(NativeMethods.LGBM_NetworkInit(network.Machines, network.LocalPort, network.TimeoutMinutes, network.Count));
            return new NetworkSession();
        }
        catch
        {
            Volatile.Write(ref s_active, 0);
            throw;
        }
    }

    public void Dispose()
    {
        NativeMethods.LGBM_NetworkFree();
        Volatile.Write(ref s_active, 0);
    }
}
