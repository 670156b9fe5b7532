using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using JourneyBot.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Protocol.Tests;

/// <summary>
/// What turns send after their answer goes out one piece after another in each conversation, in
/// the order handed over; other conversations never wait; failures are logged and told.
/// </summary>
public sealed class ConversationOutboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly FakeLogger<ConversationOutbox> _logger = new();
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly TimerNotingClock _timers;
    private readonly ConversationOutbox _outbox;
    private RecordingConnector _connector = null!;

    public ConversationOutboxTests()
    {
        _timers = new TimerNotingClock(_clock);
        _outbox = new ConversationOutbox(Options.Create(new BotHostOptions()), _timers, _logger);
    }

    public async ValueTask InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _outbox.Dispose();
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Work_in_one_conversation_waits_for_the_earlier_work_and_other_conversations_do_not()
    {
        var ran = new List<string>();
        var firstMayFinish = new TaskCompletionSource();
        var otherRan = new TaskCompletionSource();
        var thread = Turn("19:a@thread.tacv2;messageid=1");

        await _outbox.EnqueueAsync(thread, async _ =>
        {
            await firstMayFinish.Task;
            Note(ran, "a1");
        }, TestContext.Current.CancellationToken);
        await _outbox.EnqueueAsync(thread, _ =>
        {
            Note(ran, "a2");
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        await _outbox.EnqueueAsync(Turn("19:b@thread.tacv2;messageid=1"), _ =>
        {
            Note(ran, "b1");
            otherRan.SetResult();
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        await otherRan.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["b1"], Snapshot(ran));
        Assert.False(_outbox.WhenIdleAsync(TestContext.Current.CancellationToken).IsCompleted);

        firstMayFinish.SetResult();
        await _outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["b1", "a1", "a2"], Snapshot(ran));
    }

    [Fact]
    public async Task A_turn_waits_for_room_only_when_its_conversation_has_as_many_queued_as_allowed()
    {
        using var outbox = new ConversationOutbox(Options.Create(new BotHostOptions { MaxQueuedPerConversation = 2 }), _clock, _logger);
        var mayFinish = new TaskCompletionSource();
        var thread = Turn("19:a@thread.tacv2;messageid=1");
        await outbox.EnqueueAsync(thread, _ => mayFinish.Task, TestContext.Current.CancellationToken);
        await outbox.EnqueueAsync(thread, _ => Task.CompletedTask, TestContext.Current.CancellationToken);

        var third = outbox.EnqueueAsync(thread, _ => Task.CompletedTask, TestContext.Current.CancellationToken);
        await outbox.EnqueueAsync(Turn("19:b@thread.tacv2;messageid=1"), _ => Task.CompletedTask, TestContext.Current.CancellationToken)
            .WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.False(third.IsCompleted);

        mayFinish.SetResult();
        await third.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Failed_work_is_logged_without_the_members_text_the_member_is_told_and_later_work_still_runs()
    {
        var thread = Turn("19:a@thread.tacv2;messageid=1", "my secret plan");
        var later = false;

        await _outbox.EnqueueAsync(thread, _ => throw new InvalidOperationException("the connector refused"), TestContext.Current.CancellationToken);
        await _outbox.EnqueueAsync(thread, _ =>
        {
            later = true;
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        await _outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        var apology = Assert.Single(_connector.Requests).Activity;
        Assert.StartsWith("Sorry, something went wrong", apology.Text, StringComparison.Ordinal);
        Assert.True(later);
        var failure = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1008);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Message.Contains("my secret plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_waits_for_queued_work()
    {
        var mayFinish = new TaskCompletionSource();
        var finished = false;
        await _outbox.EnqueueAsync(Turn("19:a@thread.tacv2;messageid=1"), async _ =>
        {
            await mayFinish.Task;
            finished = true;
        }, TestContext.Current.CancellationToken);

        var stopping = _outbox.StopAsync(TestContext.Current.CancellationToken);
        Assert.False(stopping.IsCompleted);

        mayFinish.SetResult();
        await stopping.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.True(finished);
    }

    [Fact]
    public async Task Work_still_queued_when_the_shutdown_time_is_up_is_cancelled()
    {
        var cancelled = false;
        await _outbox.EnqueueAsync(Turn("19:a@thread.tacv2;messageid=1"), async token =>
        {
            try
            {
                await NeverEndsAsync(token);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        }, TestContext.Current.CancellationToken);

        await _outbox.StopAsync(new CancellationToken(canceled: true));
        await _outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.True(cancelled);
        Assert.Empty(_connector.Requests); // a cancelled shutdown is no failure to apologise for
    }

    [Fact]
    public async Task A_timed_send_waits_for_its_delay_on_the_hosts_clock_and_is_addressed_as_the_turns_answers()
    {
        var turn = Turn("19:a@thread.tacv2;messageid=1");
        var sent = new TaskCompletionSource<ResourceResponse>();

        _outbox.SendLater(turn, TimeSpan.FromSeconds(2), async (sender, token) =>
            sent.SetResult(await sender.ReplyToAsync("1:card", new Activity { Text = "later" }, token)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([TimeSpan.FromSeconds(2)], _timers.DueTimes); // the send waits on the host's clock, not beside it
        Assert.False(sent.Task.IsCompleted);
        Assert.Empty(_connector.Requests);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await sent.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        var reply = Assert.Single(_connector.Requests);
        Assert.EndsWith("/activities/1%3Acard", reply.RawTarget, StringComparison.Ordinal);
        Assert.Equal(("later", "1:card", "19:a@thread.tacv2;messageid=1"), (reply.Activity.Text, reply.Activity.ReplyToId, reply.Activity.Conversation?.Id));
        Assert.Equal(turn.Activity.From!.Id, reply.Activity.Recipient!.Id);
    }

    [Fact]
    public async Task Stopping_sends_what_is_timed_at_once_and_waits_for_it()
    {
        var mayFinish = new TaskCompletionSource();
        var finished = false;
        _outbox.SendLater(Turn("19:a@thread.tacv2;messageid=1"), TimeSpan.FromHours(1), async (sender, token) =>
        {
            await sender.SendAsync(new Activity { Text = "gathered" }, token);
            await mayFinish.Task;
            finished = true;
        });

        var stopping = _outbox.StopAsync(TestContext.Current.CancellationToken);
        await _connector.WaitForAsync(r => r.Activity.Text == "gathered", Bound);
        Assert.False(stopping.IsCompleted);

        mayFinish.SetResult();
        await stopping.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.True(finished);
    }

    [Fact]
    public async Task A_timed_send_still_running_when_the_shutdown_time_is_up_is_cancelled_and_no_one_is_told()
    {
        var cancelled = false;
        _outbox.SendLater(Turn("19:a@thread.tacv2;messageid=1"), TimeSpan.FromHours(1), async (_, token) =>
        {
            // Seen by the work itself, not by a token registration: cancellation callbacks run last
            // registered first, so the wait's own callback could end the work and dispose a
            // registration made before it, unrun (the race that made this test flaky).
            try
            {
                await NeverEndsAsync(token);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });

        // Returns only once the given-up send has seen the cancellation: nothing left running to wait for.
        await _outbox.StopAsync(new CancellationToken(canceled: true)).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.True(cancelled);
        Assert.Empty(_connector.Requests);
    }

    // A connector that never answers (progress-card retries to an unreachable host) must not hold
    // the process past BotHost:ShutdownGrace: the host would wait its whole timeout and be killed.
    [Fact]
    public async Task Stopping_gives_up_what_is_still_pending_after_the_grace_and_logs_how_much()
    {
        using var outbox = new ConversationOutbox(Options.Create(new BotHostOptions { ShutdownGrace = TimeSpan.FromSeconds(5) }), _clock, _logger);
        var thread = Turn("19:a@thread.tacv2;messageid=1");
        var cancelled = 0;
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task NeverEndsButCountsAsync(CancellationToken token)
        {
            try
            {
                await NeverEndsAsync(token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                throw;
            }
        }

        await outbox.EnqueueAsync(thread, token =>
        {
            running.SetResult();
            return NeverEndsButCountsAsync(token);
        }, TestContext.Current.CancellationToken);
        await outbox.EnqueueAsync(thread, _ => Task.CompletedTask, TestContext.Current.CancellationToken);
        outbox.SendLater(Turn("19:b@thread.tacv2;messageid=1"), TimeSpan.FromHours(1), (_, token) => NeverEndsButCountsAsync(token));
        await running.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);

        var stopping = outbox.StopAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(stopping.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await stopping.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(2, cancelled); // StopAsync returns once what it gave up has seen the cancellation
        var gaveUp = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1150);
        Assert.Equal("3", gaveUp.StructuredState!.Single(p => p.Key == "Pending").Value);
        Assert.Empty(_connector.Requests);
    }

    private TurnContext Turn(string conversationId, string text = "hello") =>
        new(Activities.Message(_connector.ServiceUrl(), text, conversationId: conversationId), new ConnectorClient(_http), _outbox);

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

    /// <summary>The test's fake clock, noting the due time of every timer set on it.</summary>
    private sealed class TimerNotingClock(FakeTimeProvider clock) : TimeProvider
    {
        private readonly List<TimeSpan> _dueTimes = [];

        public IReadOnlyList<TimeSpan> DueTimes
        {
            get
            {
                lock (_dueTimes)
                {
                    return [.. _dueTimes];
                }
            }
        }

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_dueTimes)
            {
                _dueTimes.Add(dueTime);
            }

            return clock.CreateTimer(callback, state, dueTime, period);
        }
    }

    // Work that would never finish on its own: it ends only when its token is cancelled.
    private static Task NeverEndsAsync(CancellationToken token) =>
        new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task.WaitAsync(token);
}
