using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Sending;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Protocol.Tests;

/// <summary>
/// However many sends a busy conversation asks for at once, they go out within Teams' per-thread
/// limits (7 a second, 8 in two seconds, 60 in thirty), in order; other conversations never wait.
/// </summary>
public sealed class ConversationSendPacerTests
{
    private const string Thread = "https://smba.example/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Twenty_sends_at_once_into_one_thread_go_out_within_every_window()
    {
        var pacer = new ConversationSendPacer(_clock, Options.Create(new SendPacingOptions()));
        var start = _clock.GetUtcNow();
        var requests = Enumerable.Range(0, 20).Select(_ => new HttpRequestMessage(HttpMethod.Post, Thread)).ToList();
        var waits = requests.Select(r => pacer.WaitForTurnAsync(r, TestContext.Current.CancellationToken)).ToList();

        var sent = StepUntilSent(waits, start);

        requests.ForEach(r => r.Dispose());
        Assert.All(sent, t => Assert.NotNull(t));
        Assert.Equal(7, sent.Count(t => t == TimeSpan.Zero));
        Assert.Equal(sent.Order(), sent); // in the order they asked
        AssertWithinWindows(sent);
    }

    // Several instances each pace alone: with the limits shared out (ConnectorPacing:Instances), what they
    // send into one thread together stays within Teams' limits, so the connector never throttles it.
    [Theory]
    [InlineData(2, 3, 4, 30)]
    [InlineData(4, 1, 2, 15)]
    public void Instances_share_the_limits_so_that_together_they_stay_within_them(int instances, int perSecond, int perTwoSeconds, int perThirty)
    {
        var windows = new SendPacingOptions { Instances = instances }.Windows();

        Assert.Equal([perSecond, perTwoSeconds, perThirty], windows.Select(w => w.Limit));
        Assert.All(windows, w => Assert.True(w.Limit * instances <= new SendPacingOptions().Windows().Single(d => d.Window == w.Window).Limit));
    }

    [Fact]
    public async Task With_two_instances_a_third_send_in_a_second_waits_where_one_instance_sends_seven()
    {
        var pacer = new ConversationSendPacer(_clock, Options.Create(new SendPacingOptions { Instances = 2 }));
        var start = _clock.GetUtcNow();
        var requests = Enumerable.Range(0, 8).Select(_ => new HttpRequestMessage(HttpMethod.Post, Thread)).ToList();
        var waits = requests.Select(r => pacer.WaitForTurnAsync(r, TestContext.Current.CancellationToken)).ToList();

        var sent = StepUntilSent(waits, start);

        requests.ForEach(r => r.Dispose());
        Assert.Equal(3, sent.Count(t => t == TimeSpan.Zero));
        Assert.All(sent, t => Assert.NotNull(t));
    }

    [Fact]
    public async Task A_send_answered_late_counts_from_its_answer_for_the_sends_after_it()
    {
        var pacer = new ConversationSendPacer(_clock, Options.Create(new SendPacingOptions
        {
            PerSecond = 1, PerTwoSeconds = 10, PerThirtySeconds = 100, Margin = TimeSpan.FromMilliseconds(50),
        }));
        using var first = new HttpRequestMessage(HttpMethod.Post, Thread);
        var slot = await pacer.WaitForTurnAsync(first, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMilliseconds(500)); // held up on its way: Teams may count it only now
        pacer.Arrived(slot);

        using var second = new HttpRequestMessage(HttpMethod.Post, Thread);
        var waiting = pacer.WaitForTurnAsync(second, TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.False(waiting.IsCompleted); // 1.05 s after it left would be too soon
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Another_conversation_and_reads_never_wait()
    {
        var pacer = new ConversationSendPacer(_clock, Options.Create(new SendPacingOptions { PerSecond = 1, PerTwoSeconds = 1, Margin = TimeSpan.FromMilliseconds(50) }));
        using var first = new HttpRequestMessage(HttpMethod.Post, Thread);
        await pacer.WaitForTurnAsync(first, TestContext.Current.CancellationToken);

        using var busy = new HttpRequestMessage(HttpMethod.Put, Thread + "/1%3Acard");
        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, Thread.Replace("abc", "other", StringComparison.Ordinal));
        using var read = new HttpRequestMessage(HttpMethod.Get, "https://smba.example/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/pagedmembers");
        var waiting = pacer.WaitForTurnAsync(busy, TestContext.Current.CancellationToken);
        var other = pacer.WaitForTurnAsync(elsewhere, TestContext.Current.CancellationToken);
        var reading = pacer.WaitForTurnAsync(read, TestContext.Current.CancellationToken);

        Assert.True(other.IsCompleted && reading.IsCompleted);
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted); // one in two seconds
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted); // and the margin
        _clock.Advance(TimeSpan.FromMilliseconds(50));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_429_holds_every_send_into_its_conversation_until_its_Retry_After_has_passed()
    {
        var pacer = new ConversationSendPacer(_clock, Options.Create(new SendPacingOptions()));
        using var throttled = new HttpRequestMessage(HttpMethod.Post, Thread);
        var slot = await pacer.WaitForTurnAsync(throttled, TestContext.Current.CancellationToken);
        pacer.Throttled(slot, TimeSpan.FromSeconds(2));
        pacer.Arrived(slot);

        // Another caller's send into the same thread (a timed send beside the queue), an update, and another thread.
        using var beside = new HttpRequestMessage(HttpMethod.Post, Thread);
        using var update = new HttpRequestMessage(HttpMethod.Put, Thread + "/1%3Acard");
        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, Thread.Replace("abc", "other", StringComparison.Ordinal));
        var waiting = pacer.WaitForTurnAsync(beside, TestContext.Current.CancellationToken);
        var updating = pacer.WaitForTurnAsync(update, TestContext.Current.CancellationToken);
        var other = pacer.WaitForTurnAsync(elsewhere, TestContext.Current.CancellationToken);

        Assert.True(other.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1990));
        Assert.False(waiting.IsCompleted || updating.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        await Task.WhenAll(waiting, updating).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_send_that_waits_out_another_sends_429_gets_the_throttle_budget_as_the_throttled_send_does()
    {
        var pacer = new ConversationSendPacer(_clock, Options.Create(new SendPacingOptions()));
        var retry = new ConnectorRetryOptions { TotalBudget = TimeSpan.FromSeconds(90), ThrottleBudget = TimeSpan.FromMinutes(2) };
        using var throttled = new HttpRequestMessage(HttpMethod.Post, Thread);
        var slot = await pacer.WaitForTurnAsync(throttled, TestContext.Current.CancellationToken);
        pacer.Throttled(slot, TimeSpan.FromSeconds(2));
        pacer.Arrived(slot);

        // A gathered confirmation, beside the queue, with a call budget of its own; and one into another thread.
        using var beside = new HttpRequestMessage(HttpMethod.Post, Thread);
        using var besideBudget = new ConnectorCallBudget(retry, _clock);
        besideBudget.AttachTo(beside);
        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, Thread.Replace("abc", "other", StringComparison.Ordinal));
        using var elsewhereBudget = new ConnectorCallBudget(retry, _clock);
        elsewhereBudget.AttachTo(elsewhere);
        var waiting = pacer.WaitForTurnAsync(beside, TestContext.Current.CancellationToken);
        await pacer.WaitForTurnAsync(elsewhere, TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromMinutes(2), besideBudget.Budget);
        Assert.Equal(TimeSpan.FromSeconds(90), elsewhereBudget.Budget);
        Assert.Equal(0, besideBudget.ThrottledAnswers);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Sends_already_waiting_when_a_429_comes_wait_for_its_Retry_After_and_then_go_within_every_window()
    {
        var pacer = new ConversationSendPacer(_clock, Options.Create(new SendPacingOptions()));
        var start = _clock.GetUtcNow();
        using var first = new HttpRequestMessage(HttpMethod.Post, Thread);
        var slot = await pacer.WaitForTurnAsync(first, TestContext.Current.CancellationToken);
        var requests = Enumerable.Range(0, 12).Select(_ => new HttpRequestMessage(HttpMethod.Post, Thread)).ToList();
        var waits = requests.Select(r => pacer.WaitForTurnAsync(r, TestContext.Current.CancellationToken)).ToList();
        Assert.Equal(6, waits.Count(w => w.IsCompleted)); // the first and six more fit the first second

        // The first is answered 429 with Retry-After: 3 s. What has not left yet waits for it.
        pacer.Throttled(slot, TimeSpan.FromSeconds(3));
        pacer.Arrived(slot);
        var sent = StepUntilSent(waits, start);

        requests.ForEach(r => r.Dispose());
        var later = sent.Skip(6).ToList();
        Assert.All(later, t => Assert.True(t >= TimeSpan.FromSeconds(3), $"A send left at {t}, before the Retry-After had passed."));
        Assert.Equal(later.Order(), later); // still in the order they asked
        AssertWithinWindows([TimeSpan.Zero, .. sent]);
    }

    // Steps the clock and notes when each send was let go (since start).
    private TimeSpan?[] StepUntilSent<T>(IReadOnlyList<Task<T>> waits, DateTimeOffset start)
    {
        var sent = new TimeSpan?[waits.Count];
        for (var step = 0; step < 1000 && sent.Any(t => t is null); step++)
        {
            for (var i = 0; i < waits.Count; i++)
            {
                sent[i] ??= waits[i].IsCompletedSuccessfully ? _clock.GetUtcNow() - start : null;
            }

            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        return sent;
    }

    private static void AssertWithinWindows(TimeSpan?[] sent)
    {
        foreach (var (limit, window) in new[] { (7, 1.0), (8, 2.0) })
        {
            Assert.All(sent, from => Assert.True(
                sent.Count(t => t >= from && t <= from + TimeSpan.FromSeconds(window)) <= limit, // a window's both ends: Teams may see them closer
                $"More than {limit} sends in the {window} s after {from}: {string.Join(", ", sent.Order())}"));
        }
    }
}
