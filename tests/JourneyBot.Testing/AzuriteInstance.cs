namespace JourneyBot.Testing;

/// <summary>
/// An Azurite Table service of its own (see <see cref="Azurite.StartInstanceAsync"/> and
/// <see cref="Azurite.StartSecuredAsync"/>), stopped when disposed.
/// </summary>
public sealed class AzuriteInstance(ChildProcess process, int port, bool https) : IAsyncDisposable
{
    /// <summary>The port its Table service listens on.</summary>
    public int Port { get; } = port;

    /// <summary>The node process, e.g. for its CPU time.</summary>
    public int ProcessId => process.Id;

    /// <summary>A connection string for its <c>devstoreaccount1</c> account (plain HTTP instances).</summary>
    public string ConnectionString => Azurite.ConnectionStringFor(Port);

    /// <summary>The Table endpoint of its <c>devstoreaccount1</c> account, as <c>Storage:TableServiceUri</c>.</summary>
    public Uri TableServiceUri { get; } = new($"{(https ? "https" : "http")}://127.0.0.1:{port}/devstoreaccount1");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => process.DisposeAsync();
}
