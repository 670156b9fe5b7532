using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;
using static JourneyBot.Testing.Conversations.SmallPublishedMap;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The published map card as the conversation shows it: with the actions stored at publish, and on
/// its refresh with the actions as they are now, read back from the tracker first.
/// </summary>
public sealed class MapCardRefreshFlowTests
{
    private readonly RecordingTrackerSync _tracker = new();

    private async Task<MappingSession> StartAsync()
    {
        var session = await MappingSession.StartAsync(builder =>
        {
            builder.Services.AddSingleton<IMapStore, InMemoryMapStore>();
            builder.Services.AddSingleton<IActionTrackerSync>(_tracker);
        });
        _tracker.Actions = session.Services.GetRequiredService<IActionStore>();
        return session;
    }

    private static async Task<OwnedAction> AddActionAsync(MappingSession session, string text, DateOnly due)
    {
        var map = await session.MapAsync();
        var opportunity = (await session.BoardAsync()).Items.Single(i => i.Kind == ItemKind.Opportunity);
        var action = new OwnedAction
        {
            Id = opportunity.Id + text.Length, StageId = opportunity.StageId, Text = text, Owner = Megan, OwnerDepartment = "Customer Service",
            Due = due, CreatedBy = Alex, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.True(await session.Services.GetRequiredService<IActionStore>().TryAddActionAsync(
            session.Scope.TeamKey, map.Id, action, TestContext.Current.CancellationToken));
        return action;
    }

    private static AdaptiveCard CardOf(TurnOutcome outcome) => outcome.Messages.Select(m => m.Card).OfType<AdaptiveCard>().Single();

    [Fact]
    public async Task The_card_refreshes_with_an_action_added_after_publishing_read_back_from_the_tracker_first()
    {
        await using var session = await StartAsync();
        var published = CardOf(await PublishAsync(session));
        Assert.Contains("No owned actions yet.", CardText.Of(published), StringComparison.Ordinal);
        Assert.Equal(["29:alex"], published.Refresh!.UserIds);
        var map = await session.MapAsync();
        var added = await AddActionAsync(session, "Call back <b>within</b> a day", new DateOnly(2026, 11, 20));
        var late = await AddActionAsync(session, "Done in Planner", new DateOnly(2026, 11, 21));
        var actions = session.Services.GetRequiredService<IActionStore>();
        _tracker.Then = async (team, mapId) =>
        {
            var stored = (await actions.GetActionAsync(team, mapId, late.Id, CancellationToken.None))!;
            Assert.NotNull(await actions.TryReplaceActionAsync(team, mapId, stored with { Action = stored.Action with { Status = ActionStatus.Done } }, CancellationToken.None));
        };

        var refresh = (ExecuteAction)published.Refresh.Action;
        var refreshed = await session.SubmitAsync(Megan, new CardSubmit(refresh.Verb, refresh.Data), turn => turn with { TeamsId = "29:megan" });

        var card = refreshed.CardUpdate ?? throw new InvalidOperationException("The refresh answered no card: " + CardText.Of(refreshed));
        var text = CardText.Of(card);
        Assert.Empty(refreshed.Messages);
        Assert.Contains("“Refreshed journey” is published. Here is the map for everyone to read.", text, StringComparison.Ordinal);
        Assert.Contains($"• ⚠ Overdue {added.Text} — Megan Bowen (Customer Service) · due 20 Nov 2026 · Open", text, StringComparison.Ordinal);
        Assert.Contains("• Done in Planner — Megan Bowen (Customer Service) · due 21 Nov 2026 · Done", text, StringComparison.Ordinal);
        Assert.Contains("**Actions · 1 of 2 actions done, 1 overdue**", text, StringComparison.Ordinal);
        Assert.Equal([(session.Scope.TeamKey, map.Id)], _tracker.Synced);
        Assert.Equal(["29:megan"], card.Refresh!.UserIds);
        Assert.Equal(CardVerbs.MapCard, ((ExecuteAction)card.Refresh.Action).Verb);
    }

    [Fact]
    public async Task Status_on_a_published_map_shows_its_actions_and_refreshes_with_its_own_words()
    {
        await using var session = await StartAsync();
        await PublishAsync(session);
        await AddActionAsync(session, "Shorten the checkout", new DateOnly(2027, 1, 15));

        var status = CardOf(await session.SayAsync(Megan, "status"));

        Assert.Contains("• Shorten the checkout — Megan Bowen (Customer Service) · due 15 Jan 2027 · Open", CardText.Of(status), StringComparison.Ordinal);
        Assert.Contains("[button Actions (CSV)]", CardText.Of(status), StringComparison.Ordinal);
        var refresh = (ExecuteAction)status.Refresh!.Action;
        var refreshed = await session.SubmitAsync(Megan, new CardSubmit(refresh.Verb, refresh.Data), turn => turn);
        Assert.StartsWith("“Refreshed journey” is published.\n", CardText.Of(refreshed.CardUpdate!).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Null(status.Refresh.UserIds);
    }

    [Fact]
    public async Task The_refresh_of_a_card_whose_map_is_gone_or_forged_shows_no_card()
    {
        await using var session = await StartAsync();
        var published = CardOf(await PublishAsync(session));
        var refresh = (ExecuteAction)published.Refresh!.Action;

        var forged = await session.SubmitAsync(Megan, new CardSubmit(refresh.Verb,
            new Dictionary<string, string>(refresh.Data) { [CardVerbs.MapKey] = "another-map" }), turn => turn);
        var noVersion = await session.SubmitAsync(Megan, new CardSubmit(refresh.Verb,
            new Dictionary<string, string>(refresh.Data) { [CardVerbs.VersionKey] = "x" }), turn => turn);

        Assert.Null(forged.CardUpdate);
        Assert.Contains("That map is no longer kept", CardText.Of(forged), StringComparison.Ordinal);
        Assert.Null(noVersion.CardUpdate);
    }

    // Records each read-back, does what a test gives it to do (as Planner's read-back marks an action done), and answers the actions then.
    private sealed class RecordingTrackerSync : IActionTrackerSync
    {
        public List<(string Team, string Map)> Synced { get; } = [];

        public Func<string, string, Task>? Then { get; set; }

        public IActionStore? Actions { get; set; }

        public async Task<MapActions> SyncMapAsync(string teamKey, string mapId, string? tenantId, CancellationToken cancellationToken)
        {
            lock (Synced)
            {
                Synced.Add((teamKey, mapId));
            }

            await (Then?.Invoke(teamKey, mapId) ?? Task.CompletedTask);
            return await Actions!.GetActionsAsync(teamKey, mapId, cancellationToken);
        }
    }
}
