using System.Text.Json;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>How a session ends: published for the stakeholders, cancelled, or archived on the team's shelf.</summary>
internal sealed class FinishHandlers(IMapStore store, TimeProvider clock, PublishedCards cards, MapTransaction transaction, MapLinks links)
{
    // A publish whose map changed between being kept as a version and being stamped with it reads it
    // again and keeps that instead; beyond this many reads, the member is asked to try again.
    private const int MaxReads = 3;

    public async Task<TurnOutcome> PublishAsync(CommandTurn command, PublishCommand publish, CancellationToken cancellationToken)
    {
        var stored = command.Stored;
        for (var read = 1; ; read++)
        {
            if (await TryPublishAsync(command.Turn, stored, cancellationToken) is { } outcome)
            {
                return outcome;
            }

            if (read == MaxReads || await store.GetLatestConversationMapAsync(command.Scope, cancellationToken) is not { } latest || latest.Map.Id != stored.Map.Id)
            {
                return new TurnOutcome().Say(Texts.Busy);
            }

            stored = latest;
        }
    }

    // One try: keep the map as read as the next version (when the gate lets it), then stamp the map with
    // that version in a transaction, but only while the map is still the one kept. Null when it is not.
    private async Task<TurnOutcome?> TryPublishAsync(UserTurn turn, StoredMap stored, CancellationToken cancellationToken)
    {
        var (teamKey, mapId) = (turn.Scope.TeamKey, stored.Map.Id);
        var board = await store.GetBoardAsync(teamKey, mapId, cancellationToken);
        var (version, publishedAt) = (stored.Map.PublishedVersion + 1, clock.GetUtcNow());

        // The top-voted opportunities must each be an action with an owner, or parked; the same read
        // gives the published card its actions, and the version keeps them.
        var actions = await cards.ActionsAsync(teamKey, mapId, cancellationToken);
        var related = await cards.RelatedAsync(teamKey, stored.Map, cancellationToken); // the other map of a current and future pair
        var undecided = TopOpportunities.Undecided(board, actions);
        PublishedMap? kept = null;
        if (MapFlow.MissingForPublish(stored.Map, board).Count == 0 && undecided.Count == 0)
        {
            kept = new PublishedMap(Published(Copy(stored.Map), turn.From, publishedAt, version), board, actions);
            await store.PutPublishedAsync(teamKey, mapId, version, kept, cancellationToken);
        }

        var keptHeader = kept is null ? null : Header(kept.Map);
        var stale = false;
        TurnOutcome? stamped = null;
        var result = await transaction.ChangeAsync(turn, stored, map =>
        {
            (stale, stamped) = (false, null);
            var missing = MapFlow.MissingForPublish(map, board);
            if (missing.Count > 0 || undecided.Count > 0)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(PublishGate.Refusal(missing, undecided)));
            }

            // The stamp names what was stored: nothing was when the gate failed on the first read, and a map
            // changed since (a stage, the objective, another publish) is not what the version holds.
            if (keptHeader is null || map.PublishedVersion + 1 != version || Header(Published(Copy(map), turn.From, publishedAt, version)) != keptHeader)
            {
                stale = true;
                return MapChange.Unchanged(new TurnOutcome());
            }

            Published(map, turn.From, publishedAt, version);
            stamped = new TurnOutcome().Show(cards.For(turn, map, board, actions, MapCardIntro.Published, related));
            if (turn.Submit is not null)
            {
                stamped.CardUpdate = ReviewCard.For(map, board, Strings.PublishedOnReview, actions: actions);
            }

            return MapChange.Saved(stamped);
        }, cancellationToken);

        if (stale)
        {
            return null;
        }

        if (ReferenceEquals(result, stamped) && kept is not null)
        {
            await ShowChangesAsync(result, teamKey, kept, cancellationToken);
            await KeepWithinLimitAsync(teamKey, mapId, cancellationToken);
        }

        return result;
    }

    // From the second publish on: what changed since the version before, on a card of its own after the map's.
    private async Task ShowChangesAsync(TurnOutcome outcome, string teamKey, PublishedMap published, CancellationToken cancellationToken)
    {
        var (map, version) = (published.Map, published.Map.PublishedVersion);
        if (version > 1 && await store.GetPublishedAsync(teamKey, map.Id, version - 1, cancellationToken) is { } earlier)
        {
            var diff = MapDiff.Between(earlier, published);
            outcome.Show(VersionChangesCard.For(map, diff, earlier.Map.PublishedAt ?? map.PublishedAt ?? clock.GetUtcNow(), links.For(teamKey, map.Id, version)));
        }
    }

    // A map keeps its latest versions whole; the oldest beyond them are summarised, never dropped unsaid.
    private async Task KeepWithinLimitAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var versions = await store.ListPublishedAsync(teamKey, mapId, cancellationToken);
        var over = versions.Kept.Count - PublishedVersions.MaxKept;
        if (over > 0)
        {
            var summary = versions.Kept.Take(over).Aggregate(versions.Summarised, (sum, line) => SummarisedVersions.Adding(sum, line))!;
            await store.SummarisePublishedAsync(teamKey, mapId, summary, cancellationToken);
        }
    }

    // The stamps of a publication. The version is kept (PutPublishedAsync) before the map names it, so
    // a link never names a version that is not there; a publish that then fails leaves a version no
    // map names, which the next publish overwrites.
    private static JourneyMap Published(JourneyMap map, Person by, DateTimeOffset at, int version)
    {
        map.Status = MapStatus.Published;
        map.PublishedAt = at;
        map.PublishedBy = by;
        map.PublishedVersion = version;
        return map;
    }

    // What a version holds of the map's header, to tell whether the map is still the one kept: not the
    // activities it remembers nor its progress card, which change with every turn.
    private static string Header(JourneyMap map)
    {
        var copy = Copy(map);
        copy.RecentActivityIds.Clear();
        copy.ProgressActivityId = null;
        return JsonSerializer.Serialize(copy, MapJson.Storage.JourneyMap);
    }

    // The version keeps a map of its own: the turn's map is still the one the transaction starts from.
    private static JourneyMap Copy(JourneyMap map) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap), MapJson.Storage.JourneyMap)!;

    public Task<TurnOutcome> CancelAsync(CommandTurn command, CancelCommand cancel, CancellationToken cancellationToken) =>
        EndAsync(command, MapStatus.Cancelled, name => Strings.Cancelled.Fill(("map", name)), cancellationToken);

    public Task<TurnOutcome> ArchiveAsync(CommandTurn command, ArchiveCommand archive, CancellationToken cancellationToken) =>
        EndAsync(command, MapStatus.Archived, name => Strings.Archived.Fill(("map", name)), cancellationToken);

    // Nothing is deleted: the map keeps its items and can be opened again.
    private Task<TurnOutcome> EndAsync(CommandTurn command, MapStatus status, Func<string, string> said, CancellationToken cancellationToken) =>
        transaction.ChangeAsync(command.Turn, command.Stored, map =>
        {
            map.Status = status;
            return MapChange.Saved(new TurnOutcome().Say(said(Markdown.Escape(map.Name))));
        }, cancellationToken);
}
