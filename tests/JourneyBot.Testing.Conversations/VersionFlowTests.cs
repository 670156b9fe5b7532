using System.Text.Json;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Versions as a team lives them: publish, open the map again (its version untouched), change it,
/// publish again and read what changed; <c>versions</c> lists them. Played in memory by
/// JourneyBot.Conversation.Tests and on Azurite by JourneyBot.Storage.Tests.
/// </summary>
public abstract class VersionFlowTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_again_after_changes_posts_what_changed_since_the_first_version_and_reopening_kept_it()
    {
        await using var session = await StartSessionAsync();
        await OpenPublishableAsync(session, "Versioned journey");

        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout page");
        await session.SayAsync(Megan, "touchpoint Purchase | phone | Phone order");
        await session.SayAsync(Megan, "pain Purchase | Shipping cost shows late");
        await session.SayAsync(Isaiah, "emotion Purchase | -2 | wary");
        await session.SayAsync(Adele, "emotion Purchase | -1 | unsure");
        await session.SayAsync(Alex, "next");
        var first = await session.SayAsync(Alex, "publish");
        var map = await session.MapAsync();
        var v1 = await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 1, Ct);
        Assert.Single(first.Messages);
        Assert.Contains("by Alex Wilber · version 1", CardText.Of(first.Messages[0].Card!), StringComparison.Ordinal);

        // Opening the published map again to work on it touches none of its versions.
        var opened = await session.SayAsync(Alex, "open Versioned journey");
        Assert.Contains("Opened “Versioned journey” again.", CardText.Of(opened), StringComparison.Ordinal);
        Assert.Equal(Json(v1), Json(await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 1, Ct)));
        Assert.Equal([1], (await session.Store.ListPublishedAsync(session.Scope.TeamKey, map.Id, Ct)).Kept.Select(v => v.Number));
        Assert.Equal(1, (await session.MapAsync()).PublishedVersion);

        var board = await session.BoardAsync();
        await session.SayAsync(Megan, "touchpoint Awareness | social | Instagram ad");
        await session.SayAsync(Megan, "remove " + board.Items.Single(i => i.Text == "Phone order").Id);
        await session.SayAsync(Megan, "remove " + board.Items.Single(i => i.Kind == ItemKind.PainPoint).Id);
        await session.SayAsync(Isaiah, "emotion Purchase | 1 | relieved");
        var second = await session.SayAsync(Alex, "publish");

        Assert.Equal(2, second.Messages.Count);
        Assert.Contains("by Alex Wilber · version 2", CardText.Of(second.Messages[0].Card!), StringComparison.Ordinal);
        var changes = second.Messages[1].Card!;
        var text = CardText.Of(changes);
        Assert.Contains("What changed since v1", text, StringComparison.Ordinal);
        Assert.Contains("Touchpoints added: Instagram ad", text, StringComparison.Ordinal);
        Assert.Contains("Touchpoints removed: Phone order", text, StringComparison.Ordinal);
        Assert.Contains("Feeling: −1.5 → 0", text, StringComparison.Ordinal);
        Assert.Contains("Pain point gone: Shipping cost shows late", text, StringComparison.Ordinal);
        Assert.Contains(changes.Body.OfType<Image>(), i => i.Url.StartsWith("data:image/png;base64,", StringComparison.Ordinal));
        Assert.InRange(MapCard.Bytes(changes), 1, MapCard.TargetBytes);
        Assert.Equal(["All changes", "Changes (Markdown)"], changes.Actions!.OfType<OpenUrlAction>().Select(a => a.Title));
        Assert.Equal(Json(v1), Json(await session.Store.GetPublishedAsync(session.Scope.TeamKey, map.Id, 1, Ct)));

        var versions = (await session.SayAsync(Megan, "versions")).ToString();
        Assert.Contains("Published versions of “Versioned journey”", versions, StringComparison.Ordinal);
        Assert.True(versions.IndexOf("[v2](", StringComparison.Ordinal) < versions.IndexOf("[v1](", StringComparison.Ordinal), versions);
        Assert.Contains("by Alex Wilber, 4 items", versions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_keeps_the_actions_and_evidence_of_its_moment()
    {
        await using var session = await StartSessionAsync();
        await OpenPublishableAsync(session, "Kept actions");

        await session.SayAsync(Megan, "touchpoint Purchase | website | Checkout page | observed");
        await session.SayAsync(Megan, "opportunity Purchase | Show shipping early | Sales");
        await session.SayAsync(Alex, "next");
        var opportunity = (await session.BoardAsync()).Items.Single(i => i.Kind == ItemKind.Opportunity);
        await session.SayAsync(Megan, "vote " + opportunity.Id);
        await session.SayAsync(Alex, "park " + opportunity.Id + " after the peak season");
        await session.SayAsync(Alex, "publish");

        var kept = await session.Store.GetPublishedAsync(session.Scope.TeamKey, (await session.MapAsync()).Id, 1, Ct);

        Assert.Equal(opportunity.Id, Assert.Single(kept!.Actions!.Parked).Id);
        Assert.Equal(Evidence.Observed, kept.Board.Items.Single(i => i.Kind == ItemKind.Touchpoint).Evidence);
    }

    [Fact]
    public async Task Versions_of_a_map_never_published_says_how_to_make_the_first()
    {
        await using var session = await StartSessionAsync();
        await session.SayAsync(Alex, "start Draft only");

        var answer = await session.SayAsync(Megan, "versions");

        Assert.Contains("“Draft only” has not been published yet", answer.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Alex starts <paramref name="name"/> with everything publishing needs but a touchpoint (objective,
    /// persona, start and end, the five-stage template) and opens the contributions.
    /// </summary>
    public static async Task OpenPublishableAsync(MappingSession session, string name)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var line in new[] { "start " + name, "Sell more shoes", "Ana, a new runner", "Sees an ad", "First run", "template", "next" })
        {
            await session.SayAsync(Alex, line);
        }
    }

    private static string Json(Conversation.PublishedMap? published) =>
        JsonSerializer.Serialize(published, Conversation.Mapping.MapJson.Storage.PublishedMap);
}
