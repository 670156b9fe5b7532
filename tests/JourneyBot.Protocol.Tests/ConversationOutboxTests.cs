using System.Diagnostics.Metrics;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
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

        _outbox.Enqueue(thread, async _ =>
        {
            await firstMayFinish.Task;
            Note(ran, "a1");
        });
        _outbox.Enqueue(thread, _ =>
        {
            Note(ran, "a2");
            return Task.CompletedTask;
        });
        _outbox.Enqueue(Turn("19:b@thread.tacv2;messageid=1"), _ =>
        {
            Note(ran, "b1");
            otherRan.SetResult();
            return Task.CompletedTask;
        });

        await otherRan.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["b1"], Snapshot(ran));
        Assert.False(_outbox.WhenIdleAsync(TestContext.Current.CancellationToken).IsCompleted);

        firstMayFinish.SetResult();
        await _outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["b1", "a1", "a2"], Snapshot(ran));
    }

    // Issue 16, item 5: beyond the bound a turn was held until there was room, past Teams' 15 s.
    [Fact]
    public async Task A_turn_beyond_the_bound_is_never_held_its_foldable_sends_are_shed_and_counted_and_the_rest_queue_in_order()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var shedCounted = new MetricCollector<long>(meters, ProtocolTelemetry.Name, ProtocolMetrics.OutboxShed);
        using var outbox = new ConversationOutbox(
            Options.Create(new BotHostOptions { MaxQueuedPerConversation = 2 }), _clock, _logger, new ProtocolMetrics(meters));
        var ran = new List<string>();
        var mayFinish = new TaskCompletionSource();
        var thread = Turn("19:a@thread.tacv2;messageid=1", outbox: outbox);

        Assert.True(outbox.Enqueue(thread, _ => RunAfter(mayFinish.Task, ran, "first"), () => Note(ran, "first shed")));
        Assert.True(outbox.Enqueue(thread, _ => Run(ran, "second"), () => Note(ran, "second shed")));

        // At the bound: each call returns at once, the foldable ones having run their alternative.
        Assert.False(outbox.Enqueue(thread, _ => Run(ran, "confirmation"), () => Note(ran, "confirmation folded")));
        Assert.True(outbox.Enqueue(thread, _ => Run(ran, "answer")));
        Assert.False(outbox.Enqueue(thread, _ => Run(ran, "card update"), () => Note(ran, "card update folded")));
        Assert.Equal(["confirmation folded", "card update folded"], Snapshot(ran));
        Assert.Equal(2, shedCounted.GetMeasurementSnapshot().Sum(m => m.Value));
        var started = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1160);
        Assert.Equal(LogLevel.Information, started.Level);
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1161);

        mayFinish.SetResult();
        await outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["confirmation folded", "card update folded", "first", "second", "answer"], Snapshot(ran));
        var drained = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1161);
        Assert.Equal(("2", "0"), (State(drained, "Shed"), State(drained, "Dropped")));
        Assert.Equal(ConversationHash.Of(thread.ConversationKey), State(drained, "ConversationHash"));
        Assert.DoesNotContain(_logger.Collector.GetSnapshot(), r => r.Message.Contains("19:a@thread", StringComparison.Ordinal));

        // Below the bound again, work is queued as usual.
        Assert.True(outbox.Enqueue(thread, _ => Run(ran, "later"), () => Note(ran, "later shed")));
        await outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal("later", Snapshot(ran)[^1]);
    }

    [Fact]
    public async Task Beyond_the_hard_cap_work_that_cannot_be_shed_is_dropped_with_a_warning_and_counted()
    {
        using var outbox = new ConversationOutbox(Options.Create(new BotHostOptions { MaxQueuedPerConversation = 1 }), _clock, _logger);
        var ran = new List<string>();
        var mayFinish = new TaskCompletionSource();
        var thread = Turn("19:a@thread.tacv2;messageid=1", outbox: outbox);
        outbox.Enqueue(thread, _ => RunAfter(mayFinish.Task, ran, "1"));
        for (var n = 2; n <= ConversationOutbox.HardCapFactor; n++)
        {
            var name = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(outbox.Enqueue(thread, _ => Run(ran, name)));
        }

        Assert.False(outbox.Enqueue(thread, _ => Run(ran, "beyond the cap")));

        var dropped = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1162);
        Assert.Equal(LogLevel.Warning, dropped.Level);
        mayFinish.SetResult();
        await outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["1", "2", "3", "4"], Snapshot(ran));
        var drained = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1161);
        Assert.Equal(("0", "1"), (State(drained, "Shed"), State(drained, "Dropped")));
    }

    [Fact]
    public async Task Work_outside_any_turn_waits_for_room_below_the_bound_while_turns_go_on()
    {
        using var outbox = new ConversationOutbox(Options.Create(new BotHostOptions { MaxQueuedPerConversation = 2 }), _clock, _logger);
        var ran = new List<string>();
        var mayFinish = new TaskCompletionSource();
        var thread = Turn("19:a@thread.tacv2;messageid=1", outbox: outbox);
        outbox.Enqueue(thread, _ => RunAfter(mayFinish.Task, ran, "first"));
        outbox.Enqueue(thread, _ => Run(ran, "second"));

        var reminder = outbox.EnqueueAsync(new ConversationSender(new ConnectorClient(_http), thread.Conversation), (_, _) => Run(ran, "reminder"),
            TestContext.Current.CancellationToken);
        Assert.True(outbox.Enqueue(thread, _ => Run(ran, "answer")));
        await outbox.EnqueueAsync(new ConversationSender(new ConnectorClient(_http), Turn("19:b@thread.tacv2;messageid=1").Conversation),
            (_, _) => Task.CompletedTask, TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.False(reminder.IsCompleted);

        mayFinish.SetResult();
        await reminder.WaitAsync(Bound, TestContext.Current.CancellationToken);
        await outbox.WhenIdleAsync(TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal(["first", "second", "answer", "reminder"], Snapshot(ran));
    }

    [Fact]
    public async Task Failed_work_is_logged_without_the_members_text_the_member_is_told_and_later_work_still_runs()
    {
        var thread = Turn("19:a@thread.tacv2;messageid=1", "my secret plan");
        var later = false;

        _outbox.Enqueue(thread, _ => throw new InvalidOperationException("the connector refused"));
        _outbox.Enqueue(thread, _ =>
        {
            later = true;
            return Task.CompletedTask;
        });
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
        _outbox.Enqueue(Turn("19:a@thread.tacv2;messageid=1"), async _ =>
        {
            await mayFinish.Task;
            finished = true;
        });

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
        _outbox.Enqueue(Turn("19:a@thread.tacv2;messageid=1"), async token =>
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
        });

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

        outbox.Enqueue(thread, token =>
        {
            running.SetResult();
            return NeverEndsButCountsAsync(token);
        });
        outbox.Enqueue(thread, _ => Task.CompletedTask);
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

    private TurnContext Turn(string conversationId, string text = "hello", ConversationOutbox? outbox = null) =>
        new(Activities.Message(_connector.ServiceUrl(), text, conversationId: conversationId), new ConnectorClient(_http), outbox ?? _outbox);

    private static Task Run(List<string> ran, string what)
    {
        Note(ran, what);
        return Task.CompletedTask;
    }

    private static async Task RunAfter(Task mayFinish, List<string> ran, string what)
    {
        await mayFinish;
        Note(ran, what);
    }

    private static string? State(FakeLogRecord record, string key) => record.StructuredState!.Single(p => p.Key == key).Value;

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
