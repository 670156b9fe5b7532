using System.Diagnostics;
using System.Net;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// A turn as an operator sees it in traces and logs: one span per turn with its storage calls
/// beneath it, its deferred sends in a span of their own linked to it, and nothing a member wrote.
/// </summary>
public sealed class TurnTracingTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    // Distinctive enough that only this test's member text can contain it.
    private const string Phrase = "Quokka Zanzibar 7431";
    private readonly RecordingConnector _connector;
    private readonly TelemetryCapture _telemetry = new();
    private readonly BotApp _app;

    public TurnTracingTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
        // Debug too: a turn's own lines are Debug, and no level may carry member text either.
        _app = new BotApp(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" }, _telemetry.Install);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_message_turn_is_one_span_over_its_storage_calls_and_its_deferred_send_is_linked_to_it()
    {
        var message = Message($"start {Phrase}");

        var response = await _app.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(_telemetry.Spans, s => s.DisplayName == ProtocolTelemetry.TurnSpan && IsOf(s, message));
        Assert.Equal("message", turn.GetTagItem(ProtocolTelemetry.ActivityType));
        Assert.Equal("msteams", turn.GetTagItem(ProtocolTelemetry.Channel));
        Assert.Contains(Below(turn), s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal));

        var deferred = Assert.Single(_telemetry.Spans, s => s.DisplayName == ProtocolTelemetry.DeferredSendSpan && IsOf(s, message));
        Assert.Contains(deferred.Links, l => l.Context.TraceId == turn.TraceId && l.Context.SpanId == turn.SpanId);
        Assert.NotEqual(turn.TraceId, deferred.TraceId);
        Assert.Contains(Below(deferred), s => s.Kind == ActivityKind.Client
            && s.GetTagItem("url.full") is string url && url.Contains("/v3/conversations/{id}/activities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_progress_card_update_sent_later_is_a_span_of_its_own_linked_to_the_turn_that_changed_the_map()
    {
        // Updates go out as soon as the outbox's timer fires, so the test waits for no clock.
        var app = new BotApp(new Dictionary<string, string?> { ["ProgressCard:UpdateInterval"] = "00:00:00" }, _telemetry.Install);
        foreach (var line in new[] { "start Traced progress", "Sell more shoes", "skip", "skip", "skip", "template", "next" })
        {
            await app.PostActivityAsync(Message(line));
        }

        var contribution = Message("touchpoint Purchase | website | Pays by card");
        await app.PostActivityAsync(contribution);
        await _connector.WaitForAsync(r => r.Method == "PUT", TimeSpan.FromSeconds(30));
        await app.DisposeAsync(); // stopping waits for every send, so every span has ended

        // The contribution's turn is the conversation's last.
        var turn = _telemetry.Spans.Where(s => s.DisplayName == ProtocolTelemetry.TurnSpan && IsOf(s, contribution)).MaxBy(s => s.StartTimeUtc)!;
        var update = Assert.Single(_telemetry.Spans, s => s.DisplayName == ProtocolTelemetry.DeferredSendSpan && IsOf(s, contribution)
            && Below(s).Any(c => c.GetTagItem("http.request.method") as string == "PUT"));
        Assert.Contains(update.Links, l => l.Context.TraceId == turn.TraceId && l.Context.SpanId == turn.SpanId);
        Assert.NotEqual(turn.TraceId, update.TraceId);
    }

    [Fact]
    public async Task No_span_attribute_or_log_value_holds_what_the_member_wrote()
    {
        var message = Message($"start {Phrase}");

        await _app.PostActivityAsync(message);
        await _app.PostActivityAsync(Message($"goal Awareness | {Phrase}"));

        Assert.Contains(_connector.Requests, r => r.Body.Contains(Phrase, StringComparison.Ordinal)); // the bot did read it
        Assert.Contains(_telemetry.Spans, s => IsOf(s, message));
        Assert.Contains(_telemetry.Logs, l => l.Scopes.Any(s => s.Key == ProtocolTelemetry.ScopeConversationHash));
        Assert.All(_telemetry.Spans, span => Assert.DoesNotContain(Phrase, SpanText(span), StringComparison.OrdinalIgnoreCase));
        Assert.All(_telemetry.Logs, log => Assert.DoesNotContain(Phrase, LogText(log), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_failed_deferred_send_is_logged_within_its_turns_scope()
    {
        _connector.Script(Enumerable.Repeat(new ConnectorAnswer(403), 5).ToArray());
        var message = Message("help");

        await _app.PostActivityAsync(message);

        var failed = Assert.Single(_telemetry.Logs, l => l.EventId == 1008);
        Assert.Contains(failed.Scopes, s => s.Key == ProtocolTelemetry.ScopeActivityId && Equals(s.Value, message.Id));
        Assert.Contains(failed.Scopes, s => s.Key == ProtocolTelemetry.ScopeConversationHash && Equals(s.Value, HashOf(message)));
        var deferred = Assert.Single(_telemetry.Spans, s => s.DisplayName == ProtocolTelemetry.DeferredSendSpan && IsOf(s, message));
        Assert.Equal(ActivityStatusCode.Error, deferred.Status);
    }

    private Protocol.Schema.Activity Message(string text) =>
        Activities.Message(_connector.ServiceUrl(), text, mentionBot: true,
            conversationId: _conversationId, activityId: $"1:tracing-{Interlocked.Increment(ref _activities)}");

    private readonly string _conversationId = $"19:tracing-{Guid.NewGuid():N}@thread.tacv2;messageid=1";
    private int _activities;

    private bool IsOf(Activity span, Protocol.Schema.Activity message) =>
        Equals(span.GetTagItem(ProtocolTelemetry.ConversationHashAttribute), HashOf(message));

    private string HashOf(Protocol.Schema.Activity message) =>
        ConversationHash.Of(new TurnContext(message, _app.Services.GetRequiredService<ConnectorClient>(),
            _app.Services.GetRequiredService<ConversationOutbox>()).ConversationKey);

    // Every span of the same trace that descends from the given one.
    private List<Activity> Below(Activity root)
    {
        var trace = _telemetry.Spans.Where(s => s.TraceId == root.TraceId).ToDictionary(s => s.SpanId);
        return [.. trace.Values.Where(span =>
        {
            for (var parent = span.ParentSpanId; trace.TryGetValue(parent, out var above); parent = above.ParentSpanId)
            {
                if (above.SpanId == root.SpanId)
                {
                    return true;
                }
            }

            return false;
        })];
    }

    private static string SpanText(Activity span) => string.Join('\n',
        new[] { span.DisplayName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Prepend(e.Name)))
            .Concat(span.Links.SelectMany(l => l.Tags?.Select(t => $"{t.Key}={t.Value}") ?? [])));

    private static string LogText(TelemetryCapture.CapturedLog log) => string.Join('\n',
        log.Attributes.Concat(log.Scopes).Select(p => $"{p.Key}={p.Value}").Prepend(log.Body ?? string.Empty));
}
