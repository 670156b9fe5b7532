using System.Net;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests;

/// <summary>
/// A turn is answered once it is handled; its replies follow through the conversation's outbox,
/// so a slow or busy connector never holds the HTTP answer Teams waits for.
/// </summary>
public sealed class SendsAfterAnswerTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>());

    public SendsAfterAnswerTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Turns_are_answered_while_the_connector_holds_their_replies_which_then_go_out_in_order()
    {
        var release = _connector.Hold();
        try
        {
            var help = Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true, activityId: "1:first");
            var other = Activities.Message(_connector.ServiceUrl(), "what is this", mentionBot: true, activityId: "1:second");

            var first = await _app.PostWithoutWaitingForSendsAsync(help.ToJson()).WaitAsync(Bound, TestContext.Current.CancellationToken);
            var second = await _app.PostWithoutWaitingForSendsAsync(other.ToJson()).WaitAsync(Bound, TestContext.Current.CancellationToken);

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
            Assert.Empty(_connector.Requests);
        }
        finally
        {
            release();
        }

        await _app.SendsAfterAnswerAsync().WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["1:first", "1:second"], _connector.Requests.Select(r => r.Activity.ReplyToId));
        Assert.Contains("help", _connector.Requests[0].Activity.Text, StringComparison.Ordinal);
    }
}
