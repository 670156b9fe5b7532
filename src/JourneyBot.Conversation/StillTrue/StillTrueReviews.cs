using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.StillTrue;

/// <summary>
/// A map's "Still true?" pass when its review falls due: a card for the facilitator and for each
/// owner of the map's actions (in their 1:1 chats, not when they muted reminders) listing the items
/// nobody confirmed for the review's days, most-voted first; and when the next pass is due. The host
/// sends the cards and schedules the next pass.
/// </summary>
/// <remarks>
/// The pass stops (no cards, no next pass) once the map is archived, cancelled or deleted, or its
/// review was turned off or set anew (the new setting has its own pass). A pass run twice (the
/// schedule does work at least once) may send its cards twice; it schedules the same next pass.
/// </remarks>
public sealed class StillTrueReviews(IMapStore store, IActionStore actions, TimeProvider clock)
{
    /// <summary>The pass for <paramref name="target"/> now.</summary>
    public async Task<ReviewPass> PassAsync(ReviewTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var now = clock.GetUtcNow();
        var teamKey = target.Scope.TeamKey;
        var source = await new OwnerCards(store, actions, clock).ReadAsync(teamKey, target.MapId, cancellationToken);
        if (source?.Map is not { Status: MapStatus.Active or MapStatus.Published } map || map.Review != target.Review)
        {
            return ReviewPass.Stop;
        }

        var next = target.Review.NextAfter(now);
        var due = StillTrueList.Due(teamKey, map, source.Board, target.Review.EveryDays, now);
        if (due.Total == 0)
        {
            return new ReviewPass([], next);
        }

        var owners = (await actions.GetActionsAsync(teamKey, map.Id, cancellationToken)).Actions.Select(a => a.Owner);
        var cards = new List<ReviewCardFor>();
        foreach (var person in new[] { map.Facilitator }.Concat(owners).DistinctBy(p => p.Id))
        {
            var row = await store.GetMemberAsync(teamKey, person.Id, cancellationToken);
            if (!await MutedAsync(row, person.Id, cancellationToken))
            {
                // Their 1:1 chat: in their own Teams' language, else the team's.
                using var language = Languages.MemberLanguage.Speak(row?.Language);
                cards.Add(new ReviewCardFor(person, row?.Chat, StillTrueCard.For(due.For(person))));
            }
        }

        return new ReviewPass(cards, next);
    }

    // Muted in the team (typed in a channel), or in their own 1:1 chat with the bot, which holds for every team.
    private async Task<bool> MutedAsync(TeamMember? row, string personId, CancellationToken cancellationToken) =>
        row is { Muted: true }
        || (row?.Chat is { } chat && (await store.GetMemberAsync(chat.ConversationId, personId, cancellationToken))?.Muted == true);
}

/// <summary>What one "Still true?" pass of a map sends.</summary>
/// <param name="Cards">A card for each person asked, for their 1:1 chat.</param>
/// <param name="NextAt">When the next pass is due; null: the review stopped.</param>
public sealed record ReviewPass(IReadOnlyList<ReviewCardFor> Cards, DateTimeOffset? NextAt)
{
    /// <summary>Nothing to send, and no next pass.</summary>
    public static ReviewPass Stop { get; } = new([], null);
}

/// <summary>A "Still true?" card for one person.</summary>
/// <param name="To">The facilitator, or an owner of the map's actions.</param>
/// <param name="Chat">Their 1:1 chat with the bot, when the team's row of them knows it.</param>
/// <param name="Card">The card.</param>
public sealed record ReviewCardFor(Person To, PersonalChat? Chat, AdaptiveCard Card);
