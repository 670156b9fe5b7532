using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>
/// Issue 20: a contribution, <c>status</c> and a progress update cost the same storage round trips
/// on a map of 2,000 items as on one of 10 (within 20%): they read the map's kept counts, never its items.
/// The large map holds 1,990 items, so that the contribution measured still fits under the limit of 2,000.
/// </summary>
public sealed class FlatCostTests
{
    private const int Authors = 20;

    [Fact]
    public async Task A_contribution_status_and_a_progress_update_cost_the_same_at_1990_items_as_at_10()
    {
        // Act
        var small = await CostsAsync(10);
        var large = await CostsAsync(1990);

        // Assert: (contribution, status, progress update), in round trips
        Assert.Equal(small, large);
        Assert.Equal((1, 2, 2), small); // the item with her counts; counts and votes, departments (both twice)
    }

    [Fact]
    public async Task Status_and_the_progress_card_show_from_the_kept_counts_what_the_items_say()
    {
        // Arrange: counts made once from the first 150 items (the map's first count), then kept item by item
        await using var session = await TableSessions.StartAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "Awareness, Purchase");
        await FillAsync(session, 0, 150);
        await session.SayAsync(Megan, "status");
        await FillAsync(session, 150, 300);

        // Act
        var status = (await session.SayAsync(Megan, "status")).Messages.Single().Text;
        var progress = (await session.Conversation.ProgressAsync(session.Scope, Cancel))!.Card;

        // Assert: even items on Awareness, odd on Purchase; touchpoints and pain points in turns of 20
        Assert.Contains("1. Awareness: 80 touchpoints, 70 pain points", status, StringComparison.Ordinal);
        Assert.Contains("2. Purchase: 80 touchpoints, 70 pain points", status, StringComparison.Ordinal);
        var fromItems = ProgressCard.For(await session.MapAsync(), await session.BoardAsync());
        Assert.Equal(fromItems.ToJson().GetRawText(), progress.ToJson().GetRawText());
    }

    // Round trips of a typed contribution, status and a progress update, in a busy thread of a map with that many items.
    private static async Task<(long Contribution, long Status, long Progress)> CostsAsync(int items)
    {
        await using var session = await TableSessions.StartAsync();
        await session.OpenContributionsWithProgressCardAsync(Alex, "Shoe journey", "Awareness, Purchase");
        await session.SayAsync(Megan, "department Sales");
        await FillAsync(session, 0, items);
        await session.SayAsync(Megan, "touchpoint Awareness | email | Newsletter | observed");
        await session.Conversation.ProgressAsync(session.Scope, Cancel);

        var contribution = await CountAsync(session, () => session.SayAsync(Megan, "touchpoint Purchase | website | Checkout | observed"));
        var status = await CountAsync(session, () => session.SayAsync(Megan, "status"));
        var progress = await CountAsync(session, () => session.Conversation.ProgressAsync(session.Scope, Cancel));
        return (contribution, status, progress);
    }

    // Items number from to to (less one) of 20 authors, each author's one after another (a member adds one at a time), the authors at once.
    private static async Task FillAsync(MappingSession session, int from, int to)
    {
        var map = await session.MapAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, Authors), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancel },
            async (author, ct) =>
            {
                var person = new Person($"aad-member{author}", $"Member {author}");
                foreach (var i in Enumerable.Range(from, to - from).Where(i => i % Authors == author))
                {
                    await session.Store.TryAddItemAsync(session.Scope.TeamKey, map.Id, new MapItem
                    {
                        Id = $"seed{i:D5}",
                        Kind = i / Authors % 2 == 0 ? ItemKind.Touchpoint : ItemKind.PainPoint,
                        StageId = map.Stages[i % 2].Id,
                        Text = $"Seeded item {i}",
                        Channel = TouchChannel.Website,
                        Evidence = Evidence.Observed,
                        Author = person,
                        CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(i),
                    }, ct);
                }
            });
    }

    private static async Task<long> CountAsync(MappingSession session, Func<Task> turn)
    {
        var metrics = session.Services.GetRequiredService<StorageMetrics>();
        var before = metrics.Total;
        await turn();
        return metrics.Total - before;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
