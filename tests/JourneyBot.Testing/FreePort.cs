using System.Net;
using System.Net.Sockets;

namespace JourneyBot.Testing;

/// <summary>Free TCP ports on 127.0.0.1, for processes that must be told their port up front.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
