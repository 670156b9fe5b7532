using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests.Scheduling;

/// <summary>
/// An instance that "sends" and dies before marking the work done: the next instance does it once
/// more after the lease, says so, and that is the last time.
/// </summary>
public sealed class CrashedInstanceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Work_sent_by_an_instance_that_stopped_before_marking_it_is_sent_once_more_with_a_warning_and_never_again()
    {
        // Arrange: the first instance's handler records the work, then hangs as a dying process
        // would, until its host stops: the work is sent, never marked done.
        var clock = new FakeTimeProvider(Start);
        var settings = await ScheduleHost.NewTablesAsync();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler(async (_, count, cancellationToken) =>
        {
            if (count == 1)
            {
                sent.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        });
        var dying = await ScheduleHost.StartAsync(settings, clock, handler);
        await dying.Store.ScheduleAsync(DueWorkRunnerTests.Work("remind-ana", Start), Cancel);
        clock.Advance(Poll);
        await sent.Task.WaitAsync(Cancel);
        await dying.StopAsync();
        await using var survivor = await ScheduleHost.StartAsync(settings, clock, handler);

        // Act: five minutes of polls on the surviving instance (the lease is two).
        var polls = 0;
        for (; polls < 60 && handler.CountOf("remind-ana") < 2; polls++)
        {
            await ScheduleHost.TickAsync(clock, Poll, survivor);
        }

        for (var i = 0; i < 60 - polls; i++)
        {
            await ScheduleHost.TickAsync(clock, Poll, survivor);
        }

        // Assert: twice in all, the second only once the lease ran out; warned once; gone.
        Assert.Equal(2, handler.CountOf("remind-ana"));
        Assert.True(polls * Poll >= TimeSpan.FromMinutes(2) - Poll, $"taken over after {polls} polls");
        var warning = Assert.Single(survivor.Logs.GetSnapshot(), r => r.Id.Id == 4104);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("remind-ana", warning.Message, StringComparison.Ordinal);
        Assert.Contains("may do it a second time", warning.Message, StringComparison.Ordinal);
        Assert.Single(dying.Logs.GetSnapshot(), r => r.Id.Id == 4108);
        Assert.Empty(await survivor.Store.ClaimDueAsync(clock.GetUtcNow().AddDays(1), "check", TimeSpan.FromMinutes(1), 10, Cancel));
        DueWorkRunnerTests.AssertNoPayloadAboveDebug(survivor);
        await dying.DisposeAsync();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
