using System.Net;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>The connector client as the host registers it: what is retried, how often, how long it waits.</summary>
public sealed class ConnectorRetryTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?> { ["ConnectorRetry:MaxRetries"] = "2" });

    public ConnectorRetryTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ConnectorClient Client => _app.Services.GetRequiredService<ConnectorClient>();

    [Fact]
    public async Task A_429_is_retried_after_the_delay_the_service_asks_for()
    {
        _connector.Script(new ConnectorAnswer(429, RetryAfter: "1"));

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl(), "conv", new Activity { Type = "message", Text = "hi" },
            TestContext.Current.CancellationToken);

        Assert.Equal("activity-1", result.Id);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal(_connector.Requests[0].Body, _connector.Requests[1].Body);
        var retry = Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1101);
        Assert.Equal("429", retry.StructuredState!.Single(s => s.Key == "Status").Value);
        Assert.Equal(TimeSpan.FromSeconds(1).ToString(), retry.StructuredState!.Single(s => s.Key == "Delay").Value);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Passing_faults_are_retried_a_bounded_number_of_times(int status)
    {
        _connector.Script(Enumerable.Repeat(new ConnectorAnswer(status), 10).ToArray());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(
            _connector.ServiceUrl(), "conv", new Activity { Type = "message" }, TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(3, _connector.Requests.Count);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(403, "MessageWritesBlocked")]
    [InlineData(413, "MessageSizeTooBig")]
    public async Task Other_errors_are_not_retried_and_carry_the_connector_error_code(int status, string code)
    {
        _connector.Script(new ConnectorAnswer(status, $$$"""{"error":{"code":"{{{code}}}","message":"no"}}"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(
            _connector.ServiceUrl(), "conv", new Activity { Type = "message" }, TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Single(_connector.Requests);
    }
}
