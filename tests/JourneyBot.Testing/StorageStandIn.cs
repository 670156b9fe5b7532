using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace JourneyBot.Testing;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a storage service (e.g. Azurite), for outage tests: it
/// forwards, or <see cref="Stall"/>s (accepts and holds every byte, as a frozen service does), or
/// <see cref="Refuse"/>s (nothing listens: connection refused), and <see cref="Forward"/>s again.
/// </summary>
/// <remarks>
/// What was held during a stall is never delivered: the connections it arrived on are closed when
/// forwarding resumes, as a frozen service that comes back has forgotten them. So a request the bot
/// gave up on cannot land later and pass for one it finished.
/// </remarks>
public sealed class StorageStandIn : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<Link, byte> _links = new();
    private readonly Lock _gate = new();
    private Socket? _listener;
    private TaskCompletionSource _released = Released();
    private bool _stalled;

    private StorageStandIn(int targetPort, int port) => (_targetPort, Port) = (targetPort, port);

    /// <summary>The port the bot connects to.</summary>
    public int Port { get; }

    /// <summary>A proxy on a free loopback port, forwarding to <paramref name="targetPort"/>.</summary>
    public static StorageStandIn Start(int targetPort)
    {
        var proxy = new StorageStandIn(targetPort, FreePort.Next());
        proxy.Listen();
        return proxy;
    }

    /// <summary>From now on nothing gets through, in either direction, on new or open connections; nothing is refused either.</summary>
    public void Stall()
    {
        lock (_gate)
        {
            _stalled = true;
        }
    }

    /// <summary>Stops listening and drops every connection: the next connect is refused.</summary>
    public void Refuse()
    {
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
        }

        DropAll();
    }

    /// <summary>Forwards again, on the same port; what was held meanwhile is dropped with its connections.</summary>
    public void Forward()
    {
        TaskCompletionSource held;
        lock (_gate)
        {
            _stalled = false;
            held = _released;
            _released = Released();
        }

        held.TrySetResult();
        if (_listener is null)
        {
            Listen();
        }
    }

    public ValueTask DisposeAsync()
    {
        Refuse();
        Forward();
        lock (_gate)
        {
            _listener?.Dispose();
            _listener = null;
        }

        return ValueTask.CompletedTask;
    }

    private static TaskCompletionSource Released() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Listen()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, Port));
        listener.Listen();
        lock (_gate)
        {
            _listener = listener;
        }

        _ = AcceptAsync(listener);
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var link = new Link(client);
        _links[link] = 0;
        try
        {
            if (HeldUntilReleased() is { } held)
            {
                await held;
                return;
            }

            await link.Target.ConnectAsync(IPAddress.Loopback, _targetPort);
            await Task.WhenAll(PumpAsync(link.Client, link.Target), PumpAsync(link.Target, link.Client));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // A dropped connection: the bot sees a reset, as from a service that went away.
        }
        finally
        {
            _links.TryRemove(link, out _);
            link.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None);
            if (HeldUntilReleased() is { } held)
            {
                await held;
                throw new ObjectDisposedException(nameof(StorageStandIn), "Held during a stall: dropped.");
            }

            if (read == 0)
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }

            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        }
    }

    // Null while forwarding; during a stall, the task that completes when forwarding resumes.
    private Task? HeldUntilReleased()
    {
        lock (_gate)
        {
            return _stalled ? _released.Task : null;
        }
    }

    private void DropAll()
    {
        foreach (var link in _links.Keys)
        {
            link.Dispose();
        }
    }

    private sealed class Link(Socket client) : IDisposable
    {
        public Socket Client { get; } = client;

        public Socket Target { get; } = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public void Dispose()
        {
            Client.Dispose();
            Target.Dispose();
        }
    }
}
