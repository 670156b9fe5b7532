using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.StillTrue;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// <c>review every N days</c> and <c>review off</c>: the facilitator keeps a map living by having
/// its items confirmed every N days (<see cref="StillTrueReviews"/>). The setting is on the map; the
/// host puts the first pass on the durable schedule (<see cref="TurnOutcome.ReviewScheduled"/>).
/// </summary>
internal sealed class StillTrueHandlers(TimeProvider clock, MapTransaction transaction)
{
    public Task<TurnOutcome> ReviewAsync(CommandTurn command, ReviewCommand review, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        if (command.Map.Status is not (MapStatus.Active or MapStatus.Published))
        {
            return Task.FromResult(new TurnOutcome().Say(Strings.ReviewNotLiving.Fill(("map", Markdown.Escape(command.Map.Name)))));
        }

        if (review.Off)
        {
            return transaction.ChangeAsync(turn, command.Stored, map =>
            {
                if (map.Review is null)
                {
                    return MapChange.Unchanged(new TurnOutcome().Say(Strings.ReviewAlreadyOff.Fill(("map", Markdown.Escape(map.Name)))));
                }

                map.Review = null;
                return MapChange.Saved(new TurnOutcome().Say(Strings.ReviewOff.Fill(("map", Markdown.Escape(map.Name)))));
            }, cancellationToken);
        }

        if (review.Days is not ({ } days and >= MapReview.MinDays and <= MapReview.MaxDays))
        {
            return Task.FromResult(new TurnOutcome().Say(Strings.ReviewHowTo.Fill(("min", MapReview.MinDays), ("max", MapReview.MaxDays))));
        }

        var set = new MapReview(days, clock.GetUtcNow());
        return transaction.ChangeAsync(turn, command.Stored, map =>
        {
            map.Review = set;
            var first = set.NextAfter(set.Since);
            var outcome = new TurnOutcome().Say(Strings.ReviewSet.Fill(("map", Markdown.Escape(map.Name)), ("days", days),
                ("first", ActionFollowUp.ShowDay(DateOnly.FromDateTime(first.UtcDateTime)))));
            if (turn.ServiceUrl is { } serviceUrl)
            {
                outcome.ReviewScheduled = ReviewWork.At(new ReviewTarget(turn.Scope, map.Id, serviceUrl, turn.TenantId, set), first);
            }

            return MapChange.Saved(outcome);
        }, cancellationToken);
    }
}
