using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

// The life of a map: start, open, list, status, publish, cancel, archive.
public sealed partial class JourneyConversation
{
    private async Task<TurnOutcome> StartAsync(UserTurn turn, StartCommand start, CancellationToken cancellationToken)
    {
        var name = TextRules.Clean(start.Name, TextRules.NameMax, "map name", out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(start.Name.Length == 0
                ? "Give the map a name: **start** *name*, e.g. *start Online shoe shop*."
                : problem);
        }

        var current = await store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        var mapId = ItemIds.For(turn.ActivityId, "map:" + turn.Scope.ConversationKey);
        if (current?.Map.Id == mapId)
        {
            return Repeat(turn, current.Map); // this very start was delivered before
        }

        if (current?.Map.Status == MapStatus.Active)
        {
            if (!IsFacilitator(turn, current.Map))
            {
                return OnlyFacilitator(current.Map, "replace the map being made here");
            }

            if (!start.ArchiveCurrent)
            {
                return new TurnOutcome().Show(SmallCards.ArchiveAndStart(current.Map, name));
            }

            current.Map.Status = MapStatus.Archived;
        }

        var maps = await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken);
        if (maps.Any(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && m.Id != current?.Map.Id))
        {
            return new TurnOutcome().Say($"This team already has a map called “{Markdown.Escape(name)}”. " +
                "Type **open** and its name to carry on with it, or pick another name.");
        }

        var map = new JourneyMap
        {
            Id = mapId,
            Name = name,
            Facilitator = turn.From,
            ConversationKey = turn.Scope.ConversationKey,
            CreatedAt = clock.GetUtcNow(),
            IsExample = start.Example,
        };
        map.Remember(turn.ActivityId);
        if (await store.TryPlaceAsync(turn.Scope, map, current, cancellationToken) is null)
        {
            return new TurnOutcome().Say(Texts.Busy);
        }

        var archived = current?.Map.Status == MapStatus.Archived ? $"I archived “{Markdown.Escape(current.Map.Name)}”. " : string.Empty;
        return ShowStep(turn, new TurnOutcome(), map, intro:
            $"{archived}Let's map “{Markdown.Escape(name)}”. {Markdown.Escape(turn.From.Name)} facilitates: " +
            "I'll ask for the objective, the persona, the start and end of the journey and its stages; then everyone here adds what they know.");
    }

    private async Task<TurnOutcome> OpenAsync(UserTurn turn, OpenCommand open, CancellationToken cancellationToken)
    {
        var maps = await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken);
        var wanted = open.Name.Trim();
        var found = maps.FirstOrDefault(m => m.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? (maps.Count(m => m.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)) == 1 && wanted.Length > 0
                ? maps.First(m => m.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
                : null);
        if (found is null)
        {
            return new TurnOutcome().Say(wanted.Length == 0
                ? "Which map? Type **open** and its name; **maps** lists them."
                : $"I found no map called “{Markdown.Escape(wanted)}” in this team. Type **maps** for the list.");
        }

        var current = await store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        if (current?.Map.Id == found.Id)
        {
            if (current.Map.Status == MapStatus.Active)
            {
                return await StatusAsync(turn, current.Map, cancellationToken);
            }

            return await ReopenAsync(turn, current, cancellationToken);
        }

        if (current?.Map.Status == MapStatus.Active)
        {
            return new TurnOutcome().Say($"“{Markdown.Escape(current.Map.Name)}” is being mapped here. " +
                "Its facilitator can **archive** it first; then open the other one.");
        }

        var shelved = await store.GetShelvedMapAsync(turn.Scope.TeamKey, found.Id, cancellationToken);
        if (shelved is null)
        {
            return new TurnOutcome().Say($"“{Markdown.Escape(found.Name)}” lives in the conversation where it was last mapped. " +
                "Open it there, or start a new map there first and it comes back to the team's shelf.");
        }

        var map = shelved;
        map.Status = MapStatus.Active;
        map.ConversationKey = turn.Scope.ConversationKey;
        map.Remember(turn.ActivityId);
        if (await store.TryPlaceAsync(turn.Scope, map, current, cancellationToken) is null)
        {
            return new TurnOutcome().Say(Texts.Busy);
        }

        return ShowStep(turn, new TurnOutcome(), map, intro: $"Opened “{Markdown.Escape(map.Name)}”, facilitated by {Markdown.Escape(map.Facilitator.Name)}.");
    }

    // A finished map still held by this conversation becomes active again.
    private Task<TurnOutcome> ReopenAsync(UserTurn turn, StoredMap stored, CancellationToken cancellationToken) =>
        ChangeMapAsync(turn, stored, map =>
        {
            map.Status = MapStatus.Active;
            map.PublishedAt = null;
            map.PublishedBy = null;
            return MapChange.Saved(ShowStep(turn, new TurnOutcome(), map, intro: $"Opened “{Markdown.Escape(map.Name)}” again."));
        }, cancellationToken);

    private async Task<TurnOutcome> ListMapsAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var maps = await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken);
        if (maps.Count == 0)
        {
            return new TurnOutcome().Say(Texts.NoMap);
        }

        var text = new StringBuilder("**This team's journey maps:**\n\n");
        foreach (var map in maps)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"- {Markdown.Escape(map.Name)}: {map.Status.ToString().ToLowerInvariant()}, {map.UpdatedAt:d MMM yyyy}\n");
        }

        text.Append("\nType **open** and a name to carry on with one.");
        return new TurnOutcome().Say(text.ToString());
    }

    private async Task<TurnOutcome> StatusAsync(UserTurn turn, JourneyMap map, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        if (map.Status == MapStatus.Published)
        {
            return new TurnOutcome().Show(MapCard.For(map, board, links.For(turn.Scope.TeamKey, map.Id)), $"“{Markdown.Escape(map.Name)}” is published:");
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{Markdown.Escape(map.Name)}**, facilitated by {Markdown.Escape(map.Facilitator.Name)}: ");
        text.Append(map.Status == MapStatus.Active
            ? $"step {MapFlow.Number(map.Step)} of {MapFlow.Steps.Count}, {MapFlow.Title(map.Step).ToLowerInvariant()}.\n\n"
            : $"{map.Status.ToString().ToLowerInvariant()}.\n\n");
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {index + 1}. {Markdown.Escape(stage.Name)}: {ReviewCard.StageSummary(stage, board)}\n");
        }

        var contributors = board.Items.GroupBy(i => i.Author.Id)
            .Select(g => $"{Markdown.Escape(g.First().Author.Name)} ({Markdown.Escape(g.First().AuthorDepartment ?? "department not given")}, {g.Count()})")
            .ToList();
        text.Append(contributors.Count == 0
            ? "\nNobody has added anything yet."
            : $"\n**Contributed:** {string.Join(", ", contributors)}.");
        var voters = board.Votes.Count(v => v.Value.Count > 0);
        if (voters > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" **Voted:** {voters} member{(voters == 1 ? string.Empty : "s")}.");
        }

        return new TurnOutcome().Say(text.ToString());
    }

    private async Task<TurnOutcome> PublishAsync(UserTurn turn, StoredMap stored, CancellationToken cancellationToken)
    {
        if (!IsFacilitator(turn, stored.Map))
        {
            return OnlyFacilitator(stored.Map, "publish the map");
        }

        var board = await store.GetBoardAsync(turn.Scope.TeamKey, stored.Map.Id, cancellationToken);
        return await ChangeMapAsync(turn, stored, map =>
        {
            var missing = MapFlow.MissingForPublish(map, board);
            if (missing.Count > 0)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(
                    "I can't publish yet. Still missing: " + string.Join("; ", missing) + "."));
            }

            map.Status = MapStatus.Published;
            map.PublishedAt = clock.GetUtcNow();
            map.PublishedBy = turn.From;
            var outcome = new TurnOutcome().Show(MapCard.For(map, board, links.For(turn.Scope.TeamKey, map.Id)),
                $"“{Markdown.Escape(map.Name)}” is published. Here is the map:");
            if (turn.Submit is not null)
            {
                outcome.CardUpdate = ReviewCard.For(map, board, "Published. The map is posted below.");
            }

            return MapChange.Saved(outcome);
        }, cancellationToken);
    }

    private Task<TurnOutcome> FinishAsync(UserTurn turn, StoredMap stored, MapStatus status, CancellationToken cancellationToken)
    {
        if (!IsFacilitator(turn, stored.Map))
        {
            return Task.FromResult(OnlyFacilitator(stored.Map, status == MapStatus.Cancelled ? "cancel the session" : "archive the map"));
        }

        return ChangeMapAsync(turn, stored, map =>
        {
            map.Status = status;
            return MapChange.Saved(new TurnOutcome().Say(status == MapStatus.Cancelled
                ? $"Cancelled “{Markdown.Escape(map.Name)}”. Nothing was deleted; **open** it to carry on, or **start** a new map."
                : $"Archived “{Markdown.Escape(map.Name)}”. **open** it to carry on, or **start** a new map."));
        }, cancellationToken);
    }
}
