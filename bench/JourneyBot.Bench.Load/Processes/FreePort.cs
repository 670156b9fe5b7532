using System.Net;
using System.Net.Sockets;

namespace JourneyBot.Bench.Load.Processes;

/// <summary>Free TCP ports on 127.0.0.1, for child processes that must be told their port up front.</summary>
internal static class FreePort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
