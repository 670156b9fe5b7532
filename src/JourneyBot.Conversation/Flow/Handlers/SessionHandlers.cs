using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Flow.TurnReplies;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>Where a conversation's map comes from: start, open (and reopen), the conversation's list of maps.</summary>
internal sealed class SessionHandlers(IMapStore store, TimeProvider clock, MapTransaction transaction, StatusHandlers status)
{
    public async Task<TurnOutcome> StartAsync(CommandTurn command, StartCommand start, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        var name = TextRules.Clean(start.Name, TextRules.NameMax, Strings.NounMapName, out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(start.Name.Length == 0
                ? Strings.StartNeedsName
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
                return OnlyFacilitator(current.Map, Strings.FacilitatorActionReplace);
            }

            if (!start.ArchiveCurrent)
            {
                // Typed while the map waits for the facilitator's setup answer ("Start running at weekends"), it may be that
                // answer: the card offers to save it as one.
                // (Not one longer than an answer may be: the button would carry it only to be refused.)
                var answer = turn.Submit is null && MapFlow.QuestionAt(current.Map.Step) is { } question && turn.Text.Trim().Length <= TextRules.AnswerMax
                    ? (turn.Text.Trim(), question.Title.ToLowerInvariant())
                    : ((string, string)?)null;
                return new TurnOutcome().Show(SmallCards.ArchiveAndStart(current.Map, name, answer));
            }

            current.Map.Status = MapStatus.Archived;
        }

        var maps = MapHomes.Here(await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken), turn.Scope);
        if (maps.Any(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && m.Id != current?.Map.Id))
        {
            return new TurnOutcome().Say(Strings.MapNameTaken.Fill(("map", Markdown.Escape(name))));
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

        var intro = Strings.StartIntro.Fill(("map", Markdown.Escape(name)), ("facilitator", Markdown.Escape(turn.From.Name)));
        if (current?.Map.Status == MapStatus.Archived)
        {
            intro = Strings.StartArchivedFirst.Fill(("map", Markdown.Escape(current.Map.Name))) + " " + intro;
        }

        return ShowStep(turn, new TurnOutcome(), map, intro: intro);
    }

    public async Task<TurnOutcome> OpenAsync(CommandTurn command, OpenCommand open, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        // Only this conversation's maps: one from another conversation comes here when its facilitator moves it.
        var maps = MapHomes.Here(await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken), turn.Scope);
        var wanted = open.Name.Trim();
        var found = Find(maps, wanted);
        if (found is null)
        {
            return new TurnOutcome().Say(wanted.Length == 0
                ? Strings.OpenWhich
                : Strings.OpenNotFound.Fill(("map", Markdown.Escape(wanted))));
        }

        var current = await store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        if (current?.Map.Id == found.Id)
        {
            return current.Map.Status == MapStatus.Active
                ? await status.StatusAsync(command with { StoredOrNull = current }, new StatusCommand(), cancellationToken)
                : IsFacilitator(turn, current.Map)
                    ? await ReopenAsync(turn, current, cancellationToken)
                    : OnlyFacilitator(current.Map, Strings.FacilitatorActionReopen);
        }

        if (current?.Map.Status == MapStatus.Active)
        {
            return new TurnOutcome().Say(Strings.OpenWhileMapping.Fill(("map", Markdown.Escape(current.Map.Name))));
        }

        var shelved = await store.GetShelvedAsync(turn.Scope.TeamKey, found.Id, cancellationToken);
        if (shelved is null)
        {
            return new TurnOutcome().Say(Strings.OpenElsewhere.Fill(("map", Markdown.Escape(found.Name))));
        }

        var map = shelved.Map;
        if (map.Status != MapStatus.Active && !IsFacilitator(turn, map))
        {
            return OnlyFacilitator(map, Strings.FacilitatorActionReopen);
        }

        map.Status = MapStatus.Active;
        map.ConversationKey = turn.Scope.ConversationKey;
        map.Remember(turn.ActivityId);
        if (await store.TryTakeAsync(turn.Scope, shelved, heldBy: null, current, cancellationToken) is null)
        {
            return new TurnOutcome().Say(Texts.Busy);
        }

        return ShowStep(turn, new TurnOutcome(), map,
            intro: Strings.Opened.Fill(("map", Markdown.Escape(map.Name)), ("facilitator", Markdown.Escape(map.Facilitator.Name))));
    }

    /// <summary>The map of <paramref name="maps"/> a member names: its whole name, or the start of one name only.</summary>
    public static MapSummary? Find(IReadOnlyList<MapSummary> maps, string name)
    {
        var wanted = name.Trim();
        return maps.FirstOrDefault(m => m.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase))
            ?? (maps.Count(m => m.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)) == 1 && wanted.Length > 0
                ? maps.First(m => m.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
                : null);
    }

    // A finished map still held by this conversation becomes active again. What was published stays
    // on record (PublishedAt, PublishedBy) until the map is published anew.
    private Task<TurnOutcome> ReopenAsync(UserTurn turn, StoredMap stored, CancellationToken cancellationToken) =>
        transaction.ChangeAsync(turn, stored, map =>
        {
            map.Status = MapStatus.Active;
            return MapChange.Saved(ShowStep(turn, new TurnOutcome(), map, intro: Strings.OpenedAgain.Fill(("map", Markdown.Escape(map.Name)))));
        }, cancellationToken);

    public async Task<TurnOutcome> ListMapsAsync(CommandTurn command, ListMapsCommand list, CancellationToken cancellationToken)
    {
        var maps = MapHomes.Here(await store.ListMapsAsync(command.Scope.TeamKey, cancellationToken), command.Scope);
        if (maps.Count == 0)
        {
            return new TurnOutcome().Say(Texts.NoMap);
        }

        var text = new StringBuilder(Strings.MapsHeading).Append("\n\n");
        foreach (var map in maps)
        {
            text.Append(Strings.MapsLine.Fill(("map", Markdown.Escape(map.Name)), ("status", Vocabulary.Name(map.Status)), ("updated", map.UpdatedAt)))
                .Append('\n');
        }

        text.Append('\n').Append(Strings.MapsHowToOpen);
        return new TurnOutcome().Say(text.ToString());
    }
}
