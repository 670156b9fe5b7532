using JourneyBot.Protocol.Connector;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Each turn gets its own connector client from the HttpClient factory, so the client follows the
/// factory's handler recycling instead of one HttpClient living as long as the host.
/// </summary>
public sealed class ConnectorPerRequestTests : IClassFixture<ConnectorFixture>
{
    private readonly RecordingConnector _connector;

    public ConnectorPerRequestTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task Every_turn_resolves_a_connector_client_of_its_own()
    {
        var created = 0;
        await using var app = new BotApp(new Dictionary<string, string?>(), s =>
            s.AddHttpClient<ConnectorClient>().ConfigureHttpClient(_ => Interlocked.Increment(ref created)));

        await app.PostActivityAsync(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true, activityId: "1:first"));
        await app.PostActivityAsync(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true, activityId: "1:second"));

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal(2, Volatile.Read(ref created));
    }
}
