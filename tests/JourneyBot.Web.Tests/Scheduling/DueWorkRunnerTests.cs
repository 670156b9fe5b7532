using JourneyBot.Conversation.Scheduling;
using JourneyBot.Web.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests.Scheduling;

/// <summary>
/// The runner on Azurite with a clock the tests move: due work done once, failures retried and
/// given up, many instances sharing the work, unknown kinds, stopping. Payloads carry a marker
/// that must never reach a log line above Debug.
/// </summary>
public sealed class DueWorkRunnerTests
{
    private const string Secret = "payload-never-logged";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Work_is_done_once_at_the_first_poll_after_it_is_due_and_then_removed()
    {
        // Arrange
        var settings = await ScheduleHost.NewTablesAsync();
        var handler = new RecordingHandler();
        await using var host = await ScheduleHost.StartAsync(settings, _clock, handler);
        await host.Store.ScheduleAsync(Work("r1", Start.AddSeconds(12)), Cancel);

        // Act + Assert: not at 5 s nor 10 s, at 15 s; not again later.
        await ScheduleHost.TickAsync(_clock, Poll, host);
        await ScheduleHost.TickAsync(_clock, Poll, host);
        Assert.Equal(0, handler.Total);
        await ScheduleHost.TickAsync(_clock, Poll, host);
        Assert.Equal(1, handler.CountOf("r1"));
        for (var i = 0; i < 30; i++)
        {
            await ScheduleHost.TickAsync(_clock, Poll, host);
        }

        Assert.Equal(1, handler.Total);
        Assert.Empty(await host.Store.ClaimDueAsync(_clock.GetUtcNow().AddDays(1), "check", TimeSpan.FromMinutes(1), 10, Cancel));
        AssertNoPayloadAboveDebug(host);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_growing_delays_then_given_up_with_an_error_naming_the_work()
    {
        // Arrange: three attempts; retries after 10 s, then 20 s.
        var settings = await ScheduleHost.NewTablesAsync();
        settings["Schedule:MaxAttempts"] = "3";
        var attemptsAt = new List<DateTimeOffset>();
        var handler = new RecordingHandler((_, _, _) =>
        {
            attemptsAt.Add(_clock.GetUtcNow());
            throw new InvalidOperationException("the connector said no");
        });
        await using var host = await ScheduleHost.StartAsync(settings, _clock, handler);
        await host.Store.ScheduleAsync(Work("failing", Start), Cancel);

        // Act: two minutes of polls.
        for (var i = 0; i < 24; i++)
        {
            await ScheduleHost.TickAsync(_clock, Poll, host);
        }

        // Assert
        Assert.Equal(3, handler.CountOf("failing"));
        Assert.Equal([Start.AddSeconds(5), Start.AddSeconds(15), Start.AddSeconds(35)], attemptsAt);
        var error = Assert.Single(host.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal(4107, error.Id.Id);
        Assert.Contains("failing", error.Message, StringComparison.Ordinal);
        Assert.Contains(ScheduleHost.Kind, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(r => r.Id.Id == 4106));
        Assert.Empty(await host.Store.ClaimDueAsync(_clock.GetUtcNow().AddDays(1), "check", TimeSpan.FromMinutes(1), 10, Cancel));
        AssertNoPayloadAboveDebug(host);
    }

    [Fact]
    public async Task Two_instances_on_one_table_do_each_of_200_due_works_exactly_once()
    {
        // Arrange
        var settings = await ScheduleHost.NewTablesAsync();
        var handler = new RecordingHandler();
        await using var first = await ScheduleHost.StartAsync(settings, _clock, handler);
        await using var second = await ScheduleHost.StartAsync(settings, _clock, handler);
        var ids = Enumerable.Range(0, 200).Select(i => $"w{i:000}").ToList();
        await Task.WhenAll(ids.Select((id, i) => first.Store.ScheduleAsync(Work(id, Start.AddSeconds(i % 4)), Cancel)));

        // Act: both poll at the same moments until all is done (or 20 polls, far more than needed).
        for (var i = 0; i < 20 && handler.Total < ids.Count; i++)
        {
            await ScheduleHost.TickAsync(_clock, Poll, first, second);
        }

        await ScheduleHost.TickAsync(_clock, Poll, first, second);

        // Assert
        Assert.Equal(ids, handler.Counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(handler.Counts, c => Assert.Equal(1, c.Value));
        Assert.Empty(await first.Store.ClaimDueAsync(_clock.GetUtcNow().AddDays(1), "check", TimeSpan.FromMinutes(1), 10, Cancel));
    }

    [Fact]
    public async Task Work_of_a_kind_no_handler_does_is_removed_with_a_warning()
    {
        var settings = await ScheduleHost.NewTablesAsync();
        var handler = new RecordingHandler();
        await using var host = await ScheduleHost.StartAsync(settings, _clock, handler);
        await host.Store.ScheduleAsync(Work("stray", Start) with { Kind = "retired.kind" }, Cancel);

        await ScheduleHost.TickAsync(_clock, Poll, host);

        var warning = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 4105);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("retired.kind", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Total);
        Assert.Empty(await host.Store.ClaimDueAsync(_clock.GetUtcNow().AddDays(1), "check", TimeSpan.FromMinutes(1), 10, Cancel));
        AssertNoPayloadAboveDebug(host);
    }

    [Fact]
    public async Task Stopping_the_host_ends_the_loop_while_it_waits_on_a_clock_that_does_not_move()
    {
        var settings = await ScheduleHost.NewTablesAsync();
        var host = await ScheduleHost.StartAsync(settings, _clock, new RecordingHandler());
        var runner = Runner(host);

        await host.StopAsync();

        Assert.True(runner.ExecuteTask?.IsCompleted);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Without_handlers_the_runner_never_polls()
    {
        var settings = await ScheduleHost.NewTablesAsync();
        await using var host = await ScheduleHost.StartAsync(settings, _clock);

        await (Runner(host).ExecuteTask ?? Task.CompletedTask);

        Assert.Equal(0, host.Polls);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 4102);
    }

    [Fact]
    public async Task Two_handlers_for_one_kind_stop_the_start()
    {
        var settings = await ScheduleHost.NewTablesAsync();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ScheduleHost.StartAsync(settings, _clock, new RecordingHandler(), new RecordingHandler()));

        Assert.Contains(ScheduleHost.Kind, failure.Message, StringComparison.Ordinal);
    }

    internal static DueWork Work(string id, DateTimeOffset dueAt) => new(id, ScheduleHost.Kind, dueAt, $$"""{"note":"{{Secret}}"}""");

    internal static void AssertNoPayloadAboveDebug(ScheduleHost host) =>
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Level > LogLevel.Debug && r.Message.Contains(Secret, StringComparison.Ordinal));

    private static DueWorkRunner Runner(ScheduleHost host) => host.Services.GetServices<IHostedService>().OfType<DueWorkRunner>().Single();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
