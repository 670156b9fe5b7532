using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Flow.TurnReplies;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// <c>future</c>: the published map held here starts its future state. As with <c>start</c>, the
/// conversation then holds the new map, open for contributions, and the published one goes onto
/// the team's shelf as it is (still published: its links and cards keep working); <c>open</c> brings
/// either back like any map of the channel.
/// </summary>
internal sealed class FutureHandler(IMapStore store, TimeProvider clock)
{
    public async Task<TurnOutcome> StartAsync(CommandTurn command, FutureCommand future, CancellationToken cancellationToken)
    {
        var (turn, current) = (command.Turn, command.Map);
        if (current.HasSeen(turn.ActivityId))
        {
            return Repeat(turn, current);
        }

        var name = Markdown.Escape(current.Name);
        if (current.FutureOf is { } of)
        {
            return new TurnOutcome().Say(Strings.FutureOfFutureRefused.Fill(("map", name), ("current", Markdown.Escape(of.CurrentName))));
        }

        if (current.Status != MapStatus.Published)
        {
            return new TurnOutcome().Say(Strings.FuturePublishFirst.Fill(("map", name)));
        }

        var futureName = TextRules.Clean(future.Name.Length > 0 ? future.Name : DefaultName(current.Name), TextRules.NameMax, Strings.NounMapName,
            out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(problem);
        }

        var maps = await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken);
        if (maps.FirstOrDefault(m => m.Id == FutureStates.IdOf(current.Id)) is { } existing)
        {
            return new TurnOutcome().Say(Strings.FutureExists.Fill(("map", name), ("future", Markdown.Escape(existing.Name))));
        }

        if (MapHomes.Here(maps, turn.Scope).Any(m => m.Name.Equals(futureName, StringComparison.OrdinalIgnoreCase)))
        {
            return new TurnOutcome().Say(Strings.MapNameTaken.Fill(("map", Markdown.Escape(futureName))));
        }

        var board = await store.GetBoardAsync(turn.Scope.TeamKey, current.Id, cancellationToken);
        var map = FutureStates.Start(current, board, futureName, turn.From, turn.Scope.ConversationKey, clock.GetUtcNow());
        map.Remember(turn.ActivityId);
        if (await store.TryPlaceAsync(turn.Scope, map, command.Stored, cancellationToken) is null)
        {
            return new TurnOutcome().Say(Texts.Busy);
        }

        var outcome = ShowStep(turn, new TurnOutcome().Show(FutureCard.Started(map)), map);
        outcome.NewProgressCard = new ProgressCardPost(map.Id, ProgressCard.For(map, MapBoard.Empty));
        return outcome;
    }

    // "<name> (future)", the current name shortened where both together would be too long for a map's name.
    private static string DefaultName(string current)
    {
        var name = Strings.FutureMapName.Fill(("map", current));
        var over = name.Length - TextRules.NameMax;
        return over <= 0 ? name : Strings.FutureMapName.Fill(("map", TextRules.Shorten(current, current.Length - over)));
    }
}
