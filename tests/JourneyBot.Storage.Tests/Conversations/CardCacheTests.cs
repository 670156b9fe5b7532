using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;
using static JourneyBot.Testing.Conversations.SmallPublishedMap;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>
/// Issue 20: cards built once per change, not per viewer. Every member who looks at the progress
/// card or a published map card makes Teams ask for the latest; on an unchanged map they get the
/// card built before (counted by <see cref="CardCache.Built"/>), for no more storage requests than
/// a build, and any change shows at the next refresh.
/// </summary>
public sealed class CardCacheTests
{
    [Fact]
    public async Task Refreshes_of_an_unchanged_progress_card_build_it_once_and_a_refresh_after_a_change_shows_it()
    {
        // Arrange: copies read from storage every time, so that each refresh costs what it reads
        await using var session = await TableSessions.StartAsync(cacheLifetime: "0");
        await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "Awareness, Purchase");
        await session.SayAsync(Alex, "language en"); // the team's language just read: no read of it among the requests counted
        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout | observed");
        var refresh = RefreshOf((await session.Conversation.ProgressAsync(session.Scope, Cancel))!.Card);
        var built = session.Conversation.KeptCards.Built;

        // Act: three members look at the card, then one adds a pain point and another looks
        var (first, firstCost) = await RefreshAsync(session, Megan, refresh);
        var (second, secondCost) = await RefreshAsync(session, Adele, refresh);
        var (third, _) = await RefreshAsync(session, Alex, refresh);
        var builtUnchanged = session.Conversation.KeptCards.Built - built;
        await session.SayAsync(Megan, "pain Purchase | Slow checkout | observed");
        var (changed, changedCost) = await RefreshAsync(session, Adele, refresh);
        var (again, _) = await RefreshAsync(session, Megan, refresh);

        // Assert: the progress update built it; no viewer built it again
        Assert.Equal(0, builtUnchanged);
        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.DoesNotContain("pain point", CardText.Of(first), StringComparison.Ordinal);
        Assert.Contains("2. Purchase — 1 touchpoint, 1 pain point", CardText.Of(changed), StringComparison.Ordinal);
        Assert.Same(changed, again);
        Assert.Equal(1, session.Conversation.KeptCards.Built - built);
        // The map's row, its counts and votes, the departments: a kept card reads nothing more than a build
        Assert.Equal(3, firstCost);
        Assert.Equal(firstCost, secondCost);
        Assert.Equal(firstCost, changedCost);
    }

    [Fact]
    public async Task A_progress_card_after_a_member_gave_their_department_is_built_again()
    {
        await using var session = await TableSessions.StartAsync(cacheLifetime: "0");
        await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "Awareness, Purchase");
        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout | observed");
        var refresh = RefreshOf((await session.Conversation.ProgressAsync(session.Scope, Cancel))!.Card);
        var (before, _) = await RefreshAsync(session, Adele, refresh);

        await session.SayAsync(Megan, "department Sales");
        var (after, _) = await RefreshAsync(session, Adele, refresh);

        Assert.DoesNotContain("Megan Bowen (Sales)", CardText.Of(before), StringComparison.Ordinal);
        Assert.Contains("Megan Bowen (Sales)", CardText.Of(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refreshes_of_a_published_map_card_build_it_once_for_every_viewer_and_a_new_action_shows_at_once()
    {
        // Arrange
        await using var session = await TableSessions.StartAsync(cacheLifetime: "0");
        var published = (await PublishAsync(session)).Messages.Select(m => m.Card).OfType<AdaptiveCard>().Single();
        await session.SayAsync(Alex, "language en"); // the team's language just read: no read of it among the requests counted
        var refresh = RefreshOf(published);
        var built = session.Conversation.KeptCards.Built;

        // Act
        var (megan, meganCost) = await RefreshAsync(session, Megan, refresh, "29:megan");
        var (adele, adeleCost) = await RefreshAsync(session, Adele, refresh, "29:adele");
        var builtUnchanged = session.Conversation.KeptCards.Built - built;
        await AddActionAsync(session, "Shorten the checkout");
        var (changed, changedCost) = await RefreshAsync(session, Megan, refresh, "29:megan");

        // Assert: one build for both viewers, each card refreshing for its own viewer
        Assert.Equal(1, builtUnchanged);
        Assert.Equal(["29:megan"], megan.Refresh!.UserIds);
        Assert.Equal(["29:adele"], adele.Refresh!.UserIds);
        Assert.Equal(CardText.Of(megan), CardText.Of(adele));
        Assert.DoesNotContain("Shorten the checkout", CardText.Of(megan), StringComparison.Ordinal);
        Assert.Contains("Shorten the checkout", CardText.Of(changed), StringComparison.Ordinal);
        Assert.Equal(2, session.Conversation.KeptCards.Built - built);
        // The published version, the actions, the future's shelf line: as many for a kept card as for a build
        Assert.Equal(3, meganCost);
        Assert.Equal(meganCost, adeleCost);
        Assert.Equal(meganCost, changedCost);
    }

    [Fact]
    public async Task Refreshes_of_a_published_map_card_linking_its_future_a_second_apart_build_it_once()
    {
        // Arrange: a published map whose card links its future map (a link signed with its expiry, new every second)
        await using var session = await TableSessions.StartAsync(cacheLifetime: "0");
        var refresh = RefreshOf((await PublishAsync(session)).Messages.Select(m => m.Card).OfType<AdaptiveCard>().Single());
        var (withoutFuture, _) = await RefreshAsync(session, Megan, refresh, "29:megan");
        await session.SayAsync(Alex, "future");
        var (first, _) = await RefreshAsync(session, Megan, refresh, "29:megan");
        var built = session.Conversation.KeptCards.Built;

        // Act
        session.Clock.Advance(TimeSpan.FromSeconds(2));
        var (second, _) = await RefreshAsync(session, Adele, refresh, "29:adele");

        // Assert: the card shows the future, and what it shows of it has not changed, so it is not built again
        Assert.NotEqual(CardText.Of(withoutFuture), CardText.Of(first));
        Assert.Equal(CardText.Of(first), CardText.Of(second));
        Assert.Equal(0, session.Conversation.KeptCards.Built - built);
    }

    private static async Task<(AdaptiveCard Card, long Requests)> RefreshAsync(MappingSession session, Person who, CardSubmit refresh, string? teamsId = null)
    {
        var metrics = session.Services.GetRequiredService<StorageMetrics>();
        var before = metrics.Total;
        var outcome = await session.SubmitAsync(who, refresh, turn => turn with { TeamsId = teamsId });
        var requests = metrics.Total - before;
        return (outcome.CardUpdate ?? throw new InvalidOperationException("The refresh answered no card: " + CardText.Of(outcome)), requests);
    }

    // What the client sends for the card's refresh: its Action.Execute, as the card's JSON carries it.
    private static CardSubmit RefreshOf(AdaptiveCard card)
    {
        var action = card.ToJson().GetProperty("refresh").GetProperty("action");
        return new CardSubmit(action.GetProperty("verb").GetString()!,
            action.GetProperty("data").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    private static async Task AddActionAsync(MappingSession session, string text)
    {
        var map = await session.MapAsync();
        var opportunity = (await session.BoardAsync()).Items.Single(i => i.Kind == ItemKind.Opportunity);
        Assert.True(await session.Services.GetRequiredService<IActionStore>().TryAddActionAsync(session.Scope.TeamKey, map.Id, new OwnedAction
        {
            Id = opportunity.Id, StageId = opportunity.StageId, Text = text, Owner = Megan, OwnerDepartment = "Customer Service",
            Due = new DateOnly(2027, 1, 15), CreatedBy = Alex, CreatedAt = DateTimeOffset.UnixEpoch,
        }, Cancel));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
