using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;
using static JourneyBot.Testing.Conversations.RoundFlowTests;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>
/// Two bot instances over one table, each keeping a recent copy of the map (as in
/// <see cref="StaleCopyTests"/>): a member's answer to a round, in their 1:1 chat, reaches the
/// instance whose copy predates the stage it names. It is stored, never refused as unknown.
/// </summary>
public sealed class StaleRoundCopyTests : IAsyncLifetime
{
    private static readonly RosterMember[] Team =
    [
        new(Alex, "29:alex", "Marketing", "Europe/Bucharest"),
        new(Megan, "29:megan", "Marketing", "Europe/Bucharest"),
    ];

    private MappingSession _here = null!;
    private MappingSession _there = null!;
    private int _thereActivities;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        (_here, _there) = await TableSessions.StartTwoAsync(cacheLifetime: "00:05:00");
        _here.Roster.Members = Team;
        await _here.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "template");

        // The other instance reads the map at the contributions step and keeps it.
        Assert.Contains("Shoe journey", (await ThereAsync(Megan, "status", InChannel)).ToString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _here.DisposeAsync();
        await _there.DisposeAsync();
    }

    [Fact]
    public async Task Answers_naming_a_stage_added_or_renamed_on_one_instance_are_stored_on_the_other_at_once()
    {
        // A stage added here, and a round sent here that asks Marketing about it.
        await _here.SayAsync(Alex, "add stage Onboarding", InChannel);
        var onboarding = (await _here.MapAsync()).Stages.Single(s => s.Name == "Onboarding").Id;
        var routing = Assert.Single((await _here.SayAsync(Alex, "ask", InChannel)).Messages).Card!;
        var sent = await _here.PressAsync(Alex, "Send questions", new() { ["route." + onboarding] = "Marketing" }, routing, InChannel);
        var question = sent.Direct.Single(d => d.To.Member == Megan).Card;

        // Megan answers on the other instance: on her card, on the new stage.
        var onCard = await _there.PressAsync(Megan, "+ Pain point › Add",
            new() { ["pain.stage"] = onboarding, ["pain.text"] = "No welcome mail", ["pain.evidence"] = "reported" }, question,
            t => InChat("a:megan")(t) with { ActivityId = $"there-{Interlocked.Increment(ref _thereActivities)}" });

        // A stage renamed here; Megan types an item on it, by its new name, in her chat with the other instance.
        await _here.SayAsync(Alex, "rename stage 2 to Research", InChannel);
        var map = await _here.MapAsync();
        await _there.Rounds.AddChatAskAsync("a:megan", new RoundKey(_here.Scope.TeamKey, map.Id, map.LatestRound), Ct);
        var typed = await ThereAsync(Megan, "pain Research | Reviews are hard to find", t => InChat("a:megan")(t) with { IsPersonalChat = true });

        Assert.Contains("✔ Added pain point", CardText.Of(onCard.CardUpdate!), StringComparison.Ordinal);
        Assert.Contains("✔ Added pain point", Assert.Single(typed.Messages).Text, StringComparison.Ordinal);
        var stored = (await _here.BoardAsync()).Items.ToDictionary(i => i.Text, i => map.Stages.Single(s => s.Id == i.StageId).Name);
        Assert.Equal("Onboarding", stored["No welcome mail"]);
        Assert.Equal("Research", stored["Reviews are hard to find"]);
    }

    // The instances number their activities alike; the channel's ids are unique, so these are told apart.
    private Task<TurnOutcome> ThereAsync(Person who, string text, Func<UserTurn, UserTurn> shape) =>
        _there.SayAsync(who, text, turn => shape(turn) with { ActivityId = $"there-{Interlocked.Increment(ref _thereActivities)}" });
}
