using System.Net;
using System.Text.Json;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Turns;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>How the host turns what a handler did into the HTTP answer: invoke responses and failures.</summary>
public sealed class TurnOutcomeTests : IClassFixture<ConnectorFixture>
{
    private readonly RecordingConnector _connector;

    public TurnOutcomeTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task An_invoke_response_is_written_as_the_http_status_and_json_body()
    {
        await using var app = WithHandler(new AnswersInvoke(InvokeResponse.AdaptiveCard(AdaptiveCardInvokeResponse.Message("Saved."))));

        var response = await app.PostActivityAsync(Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action",
            """{"action":{"type":"Action.Execute","verb":"save","data":{"x":1}},"trigger":"manual"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.MediaType());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.activity.message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("Saved.", body.RootElement.GetProperty("value").GetString());
        Assert.False(body.RootElement.TryGetProperty("status", out _));
        Assert.False(body.RootElement.TryGetProperty("body", out _));
    }

    [Fact]
    public async Task An_invoke_response_without_a_body_is_the_bare_status()
    {
        await using var app = WithHandler(new AnswersInvoke(new InvokeResponse(202, null)));

        var response = await app.PostActivityAsync(Activities.Invoke(_connector.ServiceUrl(), "task/submit", "{}"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failing_turn_answers_500_and_tells_the_user_without_logging_their_text()
    {
        await using var app = WithHandler(new Throws());
        var message = Activities.Message(_connector.ServiceUrl(), "my secret plan");

        var response = await app.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var apology = Assert.Single(_connector.Requests).Activity;
        Assert.StartsWith("Sorry, something went wrong", apology.Text, StringComparison.Ordinal);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 1005);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Message.Contains("my secret plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_card_action_past_the_turn_deadline_answers_200_with_the_apology_in_the_card()
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["BotHost:TurnTimeout"] = "00:00:01" },
            services => services.AddSingleton<ITurnHandler>(new WaitsForever()));

        var response = await app.PostActivityAsync(Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action",
            """{"action":{"type":"Action.Execute","verb":"save","data":{}},"trigger":"manual"}"""))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("Sorry, something went wrong", body.RootElement.GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 1140);
    }

    [Fact]
    public async Task Another_invoke_past_the_turn_deadline_answers_503_with_a_retry_after()
    {
        await using var app = new BotApp(new Dictionary<string, string?> { ["BotHost:TurnTimeout"] = "00:00:01" },
            services => services.AddSingleton<ITurnHandler>(new WaitsForever()));

        var response = await app.PostActivityAsync(Activities.Invoke(_connector.ServiceUrl(), "composeExtension/query", "{}"))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    private static BotApp WithHandler(ITurnHandler handler) =>
        new(new Dictionary<string, string?>(), services => services.AddSingleton(handler));

    private sealed class AnswersInvoke(InvokeResponse response) : ITurnHandler
    {
        public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            turn.InvokeResponse = response;
            return Task.CompletedTask;
        }
    }

    private sealed class Throws : ITurnHandler
    {
        public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the handler broke");
    }

    private sealed class WaitsForever : ITurnHandler
    {
        public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) =>
            Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
