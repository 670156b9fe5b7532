namespace JourneyBot.Testing;

/// <summary>
/// An Azurite Table service on HTTPS that takes bearer tokens, as Azure Storage does for a managed
/// identity (see <see cref="Azurite.StartSecuredAsync"/>). It knows no account key a bot could use.
/// </summary>
public sealed class SecuredAzurite(ChildProcess process, int port) : IAsyncDisposable
{
    /// <summary>The Table endpoint of its <c>devstoreaccount1</c> account, as <c>Storage:TableServiceUri</c>.</summary>
    public Uri TableServiceUri { get; } = new($"https://127.0.0.1:{port}/devstoreaccount1");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => process.DisposeAsync();
}
