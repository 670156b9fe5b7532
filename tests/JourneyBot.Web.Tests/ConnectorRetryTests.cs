using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

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

        Assert.Equal(2, _connector.Requests.Count);
        // The id the connector gave the retried send (its numbering runs on across this class's tests).
        Assert.Equal(_connector.Requests[1].AnsweredId, result.Id);
        Assert.NotNull(result.Id);
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
    public async Task Passing_faults_of_an_update_are_retried_a_bounded_number_of_times(int status)
    {
        _connector.Script(Enumerable.Repeat(new ConnectorAnswer(status), 10).ToArray());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.UpdateActivityAsync(
            _connector.ServiceUrl(), "conv", "activity-1", new Activity { Type = "message" }, TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(3, _connector.Requests.Count);
        Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1121);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_new_activity_is_not_posted_again_after_a_fault_the_connector_may_have_accepted_it_with(int status)
    {
        _connector.Script(new ConnectorAnswer(status), new ConnectorAnswer(status));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(
            _connector.ServiceUrl(), "conv", new Activity { Type = "message", Text = "hi" }, TestContext.Current.CancellationToken));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task A_new_activity_is_posted_again_after_a_503_which_the_connector_answers_before_accepting_it()
    {
        _connector.Script(new ConnectorAnswer(503));

        var result = await Client.ReplyToActivityAsync(_connector.ServiceUrl(), "conv", "1", new Activity { Type = "message", Text = "hi" },
            TestContext.Current.CancellationToken);

        Assert.StartsWith("activity-", result.Id, StringComparison.Ordinal);
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_of_a_day_is_capped_and_the_throttled_send_given_up_within_the_throttle_budget_and_counted()
    {
        // Small budgets so that the test is short; a hang would end at the bound, failing the test.
        await using var app = new BotApp(new Dictionary<string, string?>
        {
            ["ConnectorRetry:MaxRetryAfter"] = "00:00:00.050",
            ["ConnectorRetry:TotalBudget"] = "00:00:00.500",
            ["ConnectorRetry:ThrottleBudget"] = "00:00:01",
        });
        using var given = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), ProtocolTelemetry.Name, ProtocolMetrics.ConnectorGivenUp);
        // A connector of its own: an attempt the budget cuts short could still reach a shared one
        // after the test, and take an answer scripted for the class's next test.
        await using var connector = await RecordingConnector.StartAsync();
        connector.Script(Enumerable.Repeat(new ConnectorAnswer(429, RetryAfter: "86400"), 1000).ToArray());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => app.Services.GetRequiredService<ConnectorClient>()
            .SendToConversationAsync(connector.ServiceUrl(), "conv", new Activity { Type = "message", Text = "hi" }, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));

        Assert.Equal(ConnectorException.GivenUp, error.ErrorCode);
        Assert.Contains("ConnectorRetry:ThrottleBudget", error.Message, StringComparison.Ordinal);
        var logs = app.Logs.GetSnapshot();
        var gaveUp = Assert.Single(logs, r => r.Id.Id == 1170);
        Assert.Equal(connector.Requests.Count, int.Parse(gaveUp.StructuredState!.Single(s => s.Key == "ThrottledAnswers").Value!, CultureInfo.InvariantCulture));
        Assert.DoesNotContain(logs, r => r.Id.Id == 1121);
        Assert.All(logs.Where(r => r.Id.Id == 1101),
            r => Assert.True(TimeSpan.Parse(r.StructuredState!.Single(s => s.Key == "Delay").Value!, CultureInfo.InvariantCulture) <= TimeSpan.FromMilliseconds(50)));
        // Throttled, it outlived the total budget and ended at the throttle budget.
        var elapsed = TimeSpan.Parse(gaveUp.StructuredState!.Single(s => s.Key == "Elapsed").Value!, CultureInfo.InvariantCulture);
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var counted = Assert.Single(given.GetMeasurementSnapshot());
        Assert.Equal(("throttled", 1L), (counted.Tags["journeybot.reason"] as string, counted.Value));
    }

    [Fact]
    public async Task Throttling_does_not_count_against_the_retries_of_a_send()
    {
        // The class's host allows two retries; the connector throttles five times, then takes it.
        _connector.Script(Enumerable.Repeat(new ConnectorAnswer(429, RetryAfter: "0"), 5).ToArray());

        var result = await Client.SendToConversationAsync(_connector.ServiceUrl(), "conv", new Activity { Type = "message", Text = "hi" },
            TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(6, _connector.Requests.Count);
        Assert.Equal(_connector.Requests[^1].AnsweredId, result.Id);
        Assert.DoesNotContain(_app.Logs.GetSnapshot(), r => r.Id.Id is 1121 or 1170);
    }

    [Fact]
    public async Task A_passing_fault_after_throttling_still_has_only_its_own_retries()
    {
        _connector.Script([.. Enumerable.Repeat(new ConnectorAnswer(429, RetryAfter: "0"), 3), .. Enumerable.Repeat(new ConnectorAnswer(502), 10)]);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Client.UpdateActivityAsync(
            _connector.ServiceUrl(), "conv", "activity-1", new Activity { Type = "message" }, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(3 + 3, _connector.Requests.Count); // three throttled, then the 502 and its two retries
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:30")]
    public async Task A_throttle_budget_that_is_not_positive_or_shorter_than_the_longest_Retry_After_stops_the_host(string budget)
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["ConnectorRetry:ThrottleBudget"] = budget });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("ConnectorRetry:ThrottleBudget", error.Message, StringComparison.Ordinal);
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
