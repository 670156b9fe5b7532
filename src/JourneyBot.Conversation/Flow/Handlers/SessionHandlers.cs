using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Conversation.Flow.TurnReplies;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>Where a conversation's map comes from: start, open (and reopen), the team's list of maps.</summary>
internal sealed class SessionHandlers(IMapStore store, TimeProvider clock, MapTransaction transaction, StatusHandlers status)
{
    public async Task<TurnOutcome> StartAsync(CommandTurn command, StartCommand start, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
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

    public async Task<TurnOutcome> OpenAsync(CommandTurn command, OpenCommand open, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
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
            return current.Map.Status == MapStatus.Active
                ? await status.StatusAsync(command with { StoredOrNull = current }, new StatusCommand(), cancellationToken)
                : await ReopenAsync(turn, current, cancellationToken);
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
        transaction.ChangeAsync(turn, stored, map =>
        {
            map.Status = MapStatus.Active;
            map.PublishedAt = null;
            map.PublishedBy = null;
            return MapChange.Saved(ShowStep(turn, new TurnOutcome(), map, intro: $"Opened “{Markdown.Escape(map.Name)}” again."));
        }, cancellationToken);

    public async Task<TurnOutcome> ListMapsAsync(CommandTurn command, ListMapsCommand list, CancellationToken cancellationToken)
    {
        var maps = await store.ListMapsAsync(command.Scope.TeamKey, cancellationToken);
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
}
