using JourneyBot.Conversation.Mapping;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// What a map holds at most (<see cref="MapLimits"/>) and where a member's department is kept, on
/// the store of the subclass (in memory in JourneyBot.Conversation.Tests, on Azurite in
/// JourneyBot.Storage.Tests). The full map is filled through the store, as many members would have.
/// </summary>
public abstract class LimitFlowTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Item_2001_is_refused_politely_typed_or_from_the_card_and_nothing_else_changes()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        var form = session.LastCard!;
        var map = await session.MapAsync();
        await FillAsync(session, map.Id, MapLimits.ItemsPerMap / MapLimits.ItemsPerAuthor, MapLimits.ItemsPerAuthor);
        var before = await session.Store.GetLatestConversationMapAsync(session.Scope, Ct);

        var typed = await session.SayAsync(Megan, "pain Purchase | Checkout is slow");
        var pressed = await session.PressAsync(Megan, "+ Pain point › Add", new() { ["pain.stage"] = "s3", ["pain.text"] = "Checkout is slow", ["pain.evidence"] = "reported" }, form);

        Assert.Contains("This map already holds 2,000 items, the most one map can hold, so I didn't add this one.", CardText.Of(typed), StringComparison.Ordinal);
        Assert.Contains("⚠ This map already holds 2,000 items", CardText.Of(pressed.CardUpdate!), StringComparison.Ordinal);
        Assert.Equal(MapLimits.ItemsPerMap, (await session.BoardAsync()).Items.Count);
        Assert.Null(await session.Store.GetMemberAsync(session.Scope.TeamKey, Megan.Id, Ct)); // not even asked for her department
        Assert.Equal(before!.ETag, (await session.Store.GetLatestConversationMapAsync(session.Scope, Ct))!.ETag);
    }

    [Fact]
    public async Task A_members_201st_item_is_refused_politely_while_the_others_still_add()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup);
        var map = await session.MapAsync();
        await FillAsync(session, map.Id, authors: 1, each: MapLimits.ItemsPerAuthor - 1, first: Megan);
        var emotion = Item(Megan, 0) with { Id = ItemIds.For(Megan.Id, "emotion:s3"), Kind = ItemKind.Emotion, StageId = "s3", Score = 1 };
        await session.Store.PutItemAsync(session.Scope.TeamKey, map.Id, emotion, Ct);

        var refused = await session.SayAsync(Megan, "pain Purchase | Checkout is slow");
        var feelingAgain = await session.SayAsync(Megan, "emotion Purchase | -1 | tired");
        var adele = await session.SayAsync(Adele, "pain Purchase | Checkout is slow");

        Assert.Contains("You've added 200 items to this map, the most one person can add, so I didn't add this one.", CardText.Of(refused), StringComparison.Ordinal);
        Assert.Contains("Added emotion", CardText.Of(feelingAgain), StringComparison.Ordinal); // given again: it replaces hers, adds nothing
        Assert.Contains("Added pain point", CardText.Of(adele), StringComparison.Ordinal);
        var board = await session.BoardAsync();
        Assert.Equal(MapLimits.ItemsPerAuthor, board.Items.Count(i => i.Author == Megan));
        Assert.Equal(-1, board.Items.Single(i => i.Id == emotion.Id).Score);
        Assert.Equal(MapLimits.ItemsPerAuthor + 1, board.Items.Count);
    }

    [Fact]
    public async Task A_changed_department_shows_on_the_members_old_items_in_every_card_without_rewriting_them()
    {
        await using var session = await StartSessionAsync();
        await Script.PlayAsync(session, Scenarios.Setup.SkipLast(1));
        var opened = await session.SayAsync(Alex, "next");
        await session.Conversation.RememberProgressCardAsync(session.Scope, opened.NewProgressCard!.MapId, "progress-card-1", Ct);
        await session.SayAsync(Megan, "department Sales");
        await session.SayAsync(Megan, "touchpoint Purchase | website | Product page");
        await session.SayAsync(Megan, "pain Purchase | Sizes run small");
        var stored = (await session.BoardAsync()).Items.Where(i => i.Author == Megan).ToList();

        var changed = await session.SayAsync(Megan, "department Marketing");

        Assert.Contains("you're in Marketing", CardText.Of(changed), StringComparison.Ordinal);
        Assert.All((await session.BoardAsync()).Items.Where(i => i.Author == Megan), i => Assert.Equal("Marketing", i.AuthorDepartment));
        Assert.Equal(stored.Select(i => i.Id), (await session.BoardAsync()).Items.Where(i => i.Author == Megan).Select(i => i.Id));
        Assert.Contains("Megan Bowen (Marketing) 2", CardText.Of((await session.Conversation.ProgressAsync(session.Scope, Ct))!.Card), StringComparison.Ordinal);
        Assert.Contains("Megan Bowen (Marketing, 2)", CardText.Of(await session.SayAsync(Megan, "status")), StringComparison.Ordinal);
        Assert.Contains("Not heard from: Sales, Customer Service, Product", CardText.Of(await session.SayAsync(Alex, "next")), StringComparison.Ordinal);
        var published = CardText.Of(await session.SayAsync(Alex, "publish"));
        Assert.Contains("Marketing: Megan Bowen", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Sales:", published, StringComparison.Ordinal);
    }

    // authors × each items, by made-up members after the first; written at once, as a busy team would.
    private static async Task FillAsync(MappingSession session, string mapId, int authors, int each, Person? first = null)
    {
        var items = Enumerable.Range(0, authors).SelectMany(a =>
        {
            var author = a == 0 && first is not null ? first : new Person($"aad-filler-{a}", $"Filler {a}");
            return Enumerable.Range(0, each).Select(n => Item(author, (a * each) + n));
        });
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct },
            async (item, ct) => await session.Store.TryAddItemAsync(session.Scope.TeamKey, mapId, item, ct));
    }

    private static MapItem Item(Person author, int n) => new()
    {
        Id = $"fill{n:D4}",
        Kind = ItemKind.Goal,
        StageId = "s1",
        Text = $"Goal {n}",
        Author = author,
        CreatedAt = SessionClock.Start.AddSeconds(-n - 1),
    };
}
