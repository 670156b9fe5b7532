using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>
/// Two bot instances serve one thread over one table, each keeping a recent copy of the map: what
/// the facilitator changes on one is never a reason for the other to refuse a member.
/// </summary>
/// <remarks>
/// The copies live for five minutes here (the most the setting allows), so "moments ago" cannot run out while a test runs on a
/// slow machine: every turn on <c>there</c> is served from its copy wherever the bot allows one.
/// </remarks>
public sealed class StaleCopyTests : IAsyncLifetime
{
    private MappingSession _here = null!;
    private MappingSession _there = null!;
    private int _thereActivities;

    public async ValueTask InitializeAsync()
    {
        (_here, _there) = await TableSessions.StartTwoAsync(cacheLifetime: "00:05:00");
        await Script.PlayAsync(_here, Scenarios.Setup);

        // The other instance reads the map at the contributions step and keeps it.
        Assert.Contains("Added goal", (await ThereAsync(Megan, "goal Purchase | Pay fast | observed")).ToString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _here.DisposeAsync();
        await _there.DisposeAsync();
    }

    [Fact]
    public async Task Stages_renamed_or_added_on_one_instance_take_contributions_on_the_other_at_once()
    {
        await _here.SayAsync(Alex, "rename stage 2 to Research");
        var renamed = await ThereAsync(Megan, "pain Research | Reviews are hard to find | observed");
        await _here.SayAsync(Alex, "add stage Onboarding");
        var added = await ThereAsync(Adele, "touchpoint Onboarding | email | Welcome mail | observed");
        await _here.SayAsync(Alex, "add stage Loyalty");
        var overheard = await ThereAsync(Isaiah, "goal Loyalty | Come back for the second pair | observed", overheard: true);

        Assert.Contains("Added pain point", renamed.ToString(), StringComparison.Ordinal);
        Assert.Contains("Added touchpoint", added.ToString(), StringComparison.Ordinal);
        Assert.False(overheard.Ignored);
        var map = await _here.MapAsync();
        var stored = (await _here.BoardAsync()).Items.ToDictionary(i => i.Text, i => map.Stages.Single(s => s.Id == i.StageId).Name);
        Assert.Equal("Research", stored["Reviews are hard to find"]);
        Assert.Equal("Onboarding", stored["Welcome mail"]);
        Assert.Equal("Loyalty", stored["Come back for the second pair"]);
    }

    [Fact]
    public async Task A_contribution_costs_one_write_on_a_copy_that_knows_its_stage_and_one_read_more_on_one_that_does_not()
    {
        var before = Metrics(_there).Total;
        await ThereAsync(Megan, "pain Purchase | Too many steps | observed");
        var onKnownStage = Metrics(_there).Total - before;

        await _here.SayAsync(Alex, "add stage Onboarding");
        before = Metrics(_there).Total;
        await ThereAsync(Megan, "pain Onboarding | No welcome mail | observed");
        var onNewStage = Metrics(_there).Total - before;

        Assert.Equal((1, 2), (onKnownStage, onNewStage)); // the insert; the latest map, then the insert
    }

    [Fact]
    public async Task Status_on_the_other_instance_shows_a_stage_added_and_filled_on_this_one()
    {
        await _here.SayAsync(Alex, "add stage Referral");
        await _here.SayAsync(Adele, "goal Referral | Tell a running friend | observed");

        var status = await ThereAsync(Megan, "status");

        Assert.Contains("Referral", status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_added_on_one_instance_is_edited_and_removed_on_the_other()
    {
        await _here.SayAsync(Alex, "rename stage 2 to Research");
        await _here.SayAsync(Isaiah, "opportunity Research | Show reviews first");
        var id = (await _here.BoardAsync()).Items.Single(i => i.Kind == ItemKind.Opportunity).Id;

        var edited = await ThereAsync(Isaiah, $"edit {id} Show reviews at the top");
        var removed = await ThereAsync(Isaiah, $"remove {id}");

        Assert.Contains("Changed opportunity", edited.ToString(), StringComparison.Ordinal);
        Assert.Contains("Removed opportunity", removed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await _here.BoardAsync()).Items, i => i.Kind == ItemKind.Opportunity);
    }

    private static StorageMetrics Metrics(MappingSession session) => session.Services.GetRequiredService<StorageMetrics>();

    // The instances number their activities alike; the channel's ids are unique, so these are told apart.
    private Task<TurnOutcome> ThereAsync(Person who, string text, bool overheard = false) =>
        _there.SayAsync(who, text, turn => turn with { ActivityId = $"there-{Interlocked.Increment(ref _thereActivities)}", Overheard = overheard });
}
