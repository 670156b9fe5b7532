using System.Net;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Tests;

/// <summary>
/// Sends outside any turn (a reminder, a question in a 1:1 chat, a summary into a thread) go
/// through the outbox in order with the conversation's other sends, addressed to the conversation
/// named, and tell their caller what the connector answered.
/// </summary>
public sealed class ProactiveSendsTests : IAsyncLifetime
{
    private const string Thread = "19:a@thread.tacv2;messageid=1";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly ChannelAccount Bot = new() { Id = "28:bot-app-id", Name = "JourneyBot" };
    private readonly FakeLogger<ConversationOutbox> _logger = new();
    private readonly HttpClient _http = new();
    private readonly ConversationOutbox _outbox;
    private readonly ServiceProvider _services;
    private RecordingConnector _connector = null!;

    public ProactiveSendsTests()
    {
        _outbox = new ConversationOutbox(Options.Create(new BotHostOptions()), TimeProvider.System, _logger);
        _services = new ServiceCollection().AddSingleton(new ConnectorClient(_http)).BuildServiceProvider();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _outbox.Dispose();
        await _services.DisposeAsync();
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_send_outside_any_turn_is_addressed_to_the_conversation_named_from_the_bot_and_answers_nothing()
    {
        var conversation = ConversationReference.ForConversation(_connector.ServiceUrl(), "a:1on1-megan", "tenant-1", Bot);

        var sent = await Sends().SendAsync(conversation, new Activity { Text = "Your questions are due Friday" }, Cancel);

        var request = Assert.Single(_connector.Requests);
        Assert.Equal(("POST", "/teams/v3/conversations/a%3A1on1-megan/activities"), (request.Method, request.RawTarget));
        var activity = request.Activity;
        Assert.Equal(("message", "a:1on1-megan", "tenant-1", "28:bot-app-id", "msteams"),
            (activity.Type, activity.Conversation?.Id, activity.Conversation?.TenantId, activity.From?.Id, activity.ChannelId));
        Assert.Null(activity.ReplyToId);
        Assert.Null(activity.Recipient);
        Assert.Equal(request.AnsweredId, sent.Id);
    }

    [Fact]
    public async Task A_card_sent_outside_any_turn_is_updated_in_place_by_the_id_it_was_sent_with()
    {
        var conversation = ConversationReference.ForConversation(_connector.ServiceUrl(), Thread);
        var sent = await Sends().SendAsync(conversation, new Activity { Text = "3 waiting" }, Cancel);

        await Sends().UpdateAsync(conversation, sent.Id!, new Activity { Text = "2 waiting" }, Cancel);

        var update = _connector.Requests[1];
        Assert.Equal(("PUT", $"/teams/v3/conversations/19%3Aa%40thread.tacv2%3Bmessageid%3D1/activities/{sent.Id}"), (update.Method, update.RawTarget));
        Assert.Equal((sent.Id, "2 waiting"), (update.Activity.Id, update.Activity.Text));
    }

    [Fact]
    public async Task Work_outside_any_turn_waits_for_the_turns_work_queued_before_it_in_the_same_conversation()
    {
        var ran = new List<string>();
        var turnMayFinish = new TaskCompletionSource();
        var turn = new TurnContext(Activities.Message(_connector.ServiceUrl(), "hi", conversationId: Thread), new ConnectorClient(_http), _outbox);
        _outbox.Enqueue(turn, async _ =>
        {
            await turnMayFinish.Task;
            Note(ran, "turn");
        });

        await Sends().EnqueueAsync(ConversationReference.ForConversation(_connector.ServiceUrl(), Thread), (_, _) =>
        {
            Note(ran, "summary");
            return Task.CompletedTask;
        }, Cancel);
        var other = Sends().SendAsync(ConversationReference.ForConversation(_connector.ServiceUrl(), "a:1on1-megan"), new Activity { Text = "Reminder" }, Cancel);

        await other.WaitAsync(Bound, Cancel);
        Assert.Empty(Snapshot(ran));
        turnMayFinish.SetResult();
        await _outbox.WhenIdleAsync(Cancel).WaitAsync(Bound, Cancel);
        Assert.Equal(["turn", "summary"], Snapshot(ran));
    }

    [Fact]
    public async Task A_refusal_reaches_the_caller_of_a_send_and_no_one_is_told()
    {
        _connector.Script(new ConnectorAnswer(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}"""));
        var conversation = ConversationReference.ForConversation(_connector.ServiceUrl(), "a:1on1-megan");

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => Sends().SendAsync(conversation, new Activity { Text = "Reminder" }, Cancel));

        Assert.Equal((HttpStatusCode.Forbidden, "MessageWritesBlocked"), (refused.StatusCode, refused.ErrorCode));
        Assert.Single(_connector.Requests);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1020);
    }

    [Fact]
    public async Task Failed_work_outside_any_turn_is_logged_by_conversation_hash_without_text_and_no_one_is_told()
    {
        var later = false;
        var conversation = ConversationReference.ForConversation(_connector.ServiceUrl(), "a:1on1-megan");

        await Sends().EnqueueAsync(conversation, (_, _) => throw new InvalidOperationException("the secret reminder"), Cancel);
        await Sends().EnqueueAsync(conversation, (_, _) =>
        {
            later = true;
            return Task.CompletedTask;
        }, Cancel);
        await _outbox.WhenIdleAsync(Cancel).WaitAsync(Bound, Cancel);

        Assert.Empty(_connector.Requests);
        Assert.True(later);
        var failure = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1020);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.DoesNotContain("a:1on1-megan", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_for_a_known_conversation_has_the_key_a_turn_in_it_has()
    {
        var turn = Activities.Message(_connector.ServiceUrl(), "hi", conversationId: Thread);

        var known = ConversationReference.ForConversation(_connector.ServiceUrl(), Thread);

        Assert.Equal(ConversationReference.From(turn).Key, known.Key);
        Assert.Null(known.ActivityId);
    }

    private ProactiveSends Sends() => new(_outbox, _services);

    private static void Note(List<string> ran, string what)
    {
        lock (ran)
        {
            ran.Add(what);
        }
    }

    private static List<string> Snapshot(List<string> ran)
    {
        lock (ran)
        {
            return [.. ran];
        }
    }
}
