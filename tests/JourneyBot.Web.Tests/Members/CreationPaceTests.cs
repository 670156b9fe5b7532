using JourneyBot.Web.Members;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests.Members;

/// <summary>
/// The spacing of 1:1 chat creations, on a clock the test moves: how many may start, and when,
/// decided by the pace and not by how fast this machine happens to run.
/// </summary>
public sealed class CreationPaceTests
{
    [Fact]
    public async Task Six_creations_asked_for_at_once_start_one_per_tenth_of_a_second_at_ten_a_second()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        var pace = new CreationPace(clock, Options.Create(new PersonalChatOptions { CreationsPerSecond = 10 }));

        var turns = Enumerable.Range(0, 6).Select(_ => pace.WaitForTurnAsync(TestContext.Current.CancellationToken)).ToList();

        var started = new List<int> { Started(turns) };
        for (var step = 1; step <= 6; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            // The turns due by now complete on their own threads; none of the others can without more time.
            await UntilAsync(() => Started(turns) >= Math.Min(step + 1, 6));
            started.Add(Started(turns));
        }

        // The first at once, then one more each 100 ms, never two in one step.
        Assert.Equal([1, 2, 3, 4, 5, 6, 6], started);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        for (var tries = 0; !condition() && tries < 500; tries++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private static int Started(List<Task> turns) => turns.Count(t => t.IsCompletedSuccessfully);
}
