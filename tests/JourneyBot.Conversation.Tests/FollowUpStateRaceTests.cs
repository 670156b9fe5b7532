using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// A map's follow-up row written by two passes at once (two instances, a pass run twice): each
/// mark a pass notes (a stage asked about, the digest sent) is kept, whichever writes second.
/// </summary>
public sealed class FollowUpStateRaceTests
{
    private static readonly ActionsTouched Target = new(new MapScope("19:team@thread.tacv2", "19:team@thread.tacv2;messageid=1"), "m1", "https://smba.example/", null);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_passes_noting_different_stages_asked_at_the_same_moment_keep_both_marks()
    {
        var stored = new InMemoryFollowUpStore();
        var followUp = FollowUp(new ReadTogether(stored, readers: 2));

        await Task.WhenAll(followUp.AskedAsync(Target, "s2", Cancel), followUp.AskedAsync(Target, "s4", Cancel));

        var state = (await stored.GetFollowUpAsync(Target.Scope.TeamKey, Target.MapId, Cancel))!.State;
        Assert.Equal(["s2", "s4"], state.StagesAsked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_digest_noted_while_a_stage_is_noted_keeps_both()
    {
        var stored = new InMemoryFollowUpStore();
        var followUp = FollowUp(new ReadTogether(stored, readers: 2));

        await Task.WhenAll(followUp.DigestedAsync(Target, Cancel), followUp.AskedAsync(Target, "s3", Cancel));

        var state = (await stored.GetFollowUpAsync(Target.Scope.TeamKey, Target.MapId, Cancel))!.State;
        Assert.Equal(["s3"], state.StagesAsked);
        Assert.NotNull(state.DigestAt);
    }

    private static ActionFollowUp FollowUp(IFollowUpStore followUps)
    {
        var clock = new JourneyBot.Testing.Conversations.SessionClock();
        var maps = new InMemoryMapStore(clock);
        return new ActionFollowUp(maps, maps.Actions, followUps, clock);
    }

    // The first reads wait for one another, as two passes reading the row at the same moment do; later reads do not.
    private sealed class ReadTogether(IFollowUpStore inner, int readers) : IFollowUpStore
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public async Task<StoredFollowUp?> GetFollowUpAsync(string teamKey, string mapId, CancellationToken cancellationToken)
        {
            var read = await inner.GetFollowUpAsync(teamKey, mapId, cancellationToken);
            var count = Interlocked.Increment(ref _reads);
            if (count == readers)
            {
                _all.TrySetResult();
            }

            if (count <= readers)
            {
                await _all.Task.WaitAsync(cancellationToken);
            }

            return read;
        }

        public Task<string?> TryPutFollowUpAsync(string teamKey, string mapId, FollowUpState state, string? version, CancellationToken cancellationToken) =>
            inner.TryPutFollowUpAsync(teamKey, mapId, state, version, cancellationToken);
    }
}
