using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>Priorities: each member's votes for the pain points and opportunities that matter most.</summary>
internal sealed class VoteHandlers(IMapStore store, IActionStore actionStore)
{
    public async Task<TurnOutcome> VoteAsync(CommandTurn command, VoteCommand vote, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var votable = board.Items.Where(i => i.Kind is ItemKind.PainPoint or ItemKind.Opportunity).ToList();
        var chosen = new List<string>();
        foreach (var reference in vote.ItemIds.Select(r => r.Trim('[', ']')))
        {
            var matches = votable.Where(i => i.Id.StartsWith(reference, StringComparison.OrdinalIgnoreCase)).ToList();
            if (reference.Length < 3 || matches.Count != 1)
            {
                return Refuse(turn, map, board, Strings.VoteNotFound.Fill(("id", Markdown.Escape(reference))));
            }

            if (!chosen.Contains(matches[0].Id))
            {
                chosen.Add(matches[0].Id);
            }
        }

        if (chosen.Count > ReviewCard.VotesPerMember)
        {
            return Refuse(turn, map, board, Strings.VoteTooMany.Fill(("picked", chosen.Count), ("votes", ReviewCard.VotesPerMember)));
        }

        await store.SetVotesAsync(turn.Scope.TeamKey, map.Id, turn.From.Id, chosen, cancellationToken);
        var votes = new Dictionary<string, IReadOnlyList<string>>(board.Votes) { [turn.From.Id] = chosen };
        var said = chosen.Count == 0
            ? Strings.VotesWithdrawn.Fill(("member", Markdown.Escape(turn.From.Name)))
            : Strings.Voted.Fill(("member", Markdown.Escape(turn.From.Name)), ("count", chosen.Count));
        if (turn.Submit is not null)
        {
            // The card shows what the top-voted opportunities became, and offers the rest as actions.
            var decided = await actionStore.GetActionsAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
            return new TurnOutcome { CardUpdate = ReviewCard.For(map, board with { Votes = votes }, "✔ " + said, voter: turn.From, actions: decided) };
        }

        return new TurnOutcome().Say(said + " " + Strings.VotesLeft.Fill(("left", ReviewCard.VotesLeft(chosen.Count)), ("votes", ReviewCard.VotesPerMember)));
    }

    private static TurnOutcome Refuse(UserTurn turn, JourneyMap map, MapBoard board, string problem) =>
        turn.Submit is not null
            ? new TurnOutcome { CardUpdate = ReviewCard.For(map, board, "⚠ " + problem) }
            : new TurnOutcome().Say(problem);
}
