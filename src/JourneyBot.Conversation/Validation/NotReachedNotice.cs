using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Validation;

/// <summary>
/// Whom to tell, in their own 1:1 chat, when Teams will not deliver a validation round's question card
/// to a member (403: they blocked the bot or the app is not allowed for them; 404: they left): the
/// facilitator who sent the round, so that they can ask those members another way.
/// </summary>
/// <param name="Facilitator">The facilitator, as their 1:1 chat is reached.</param>
/// <param name="MapName">The map asked about.</param>
public sealed record NotReachedNotice(RoundAsk Facilitator, string MapName)
{
    /// <summary>The facilitator's language (<c>en</c>, <c>es</c>, <c>ro</c>): the card is made outside any turn, after the deliveries.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// One card naming every member of the round Teams would not reach (with their departments), and
    /// those whose card failed for now (the connector still failing after its retries: the card did
    /// not go out, and nothing sends it again), in <see cref="Language"/>.
    /// </summary>
    public AdaptiveCard CardFor(IReadOnlyList<RoundAsk> notReached, IReadOnlyList<RoundAsk>? failedForNow = null)
    {
        ArgumentNullException.ThrowIfNull(notReached);
        using var language = Languages.MemberLanguage.Speak(Language);
        List<CardElement> body = [];
        if (notReached.Count > 0)
        {
            body.Add(CardParts.Say(Strings.ValidateNotReached.Fill(("map", Markdown.Escape(MapName)), ("count", notReached.Count), ("names", Names(notReached)))));
        }

        if (failedForNow is { Count: > 0 })
        {
            body.Add(CardParts.Say(Strings.ValidateNotDeliveredForNow.Fill(("map", Markdown.Escape(MapName)), ("count", failedForNow.Count),
                ("names", Names(failedForNow)))));
        }

        return new AdaptiveCard(body);
    }

    private static string Names(IEnumerable<RoundAsk> asks) =>
        Markdown.Escape(Texts.List(asks.Select(a => a.Department is { } department ? $"{a.Member.Name} ({department})" : a.Member.Name)));
}
