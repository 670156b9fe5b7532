using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The card that asks a facilitator to confirm deleting maps, and what it becomes once answered.</summary>
internal static class DeletionCards
{
    /// <summary>
    /// Asks to confirm deleting <paramref name="names"/> (one map, or every map the member
    /// facilitates here: <paramref name="target"/> is the map id or <see cref="CardVerbs.AllMaps"/>).
    /// </summary>
    public static AdaptiveCard Confirm(IReadOnlyList<string> names, string target)
    {
        var body = new List<CardElement>
        {
            Plain(target == CardVerbs.AllMaps
                ? Strings.DeleteAllMapsQuestion.Fill(("count", names.Count))
                : Strings.DeleteMapQuestion.Fill(("map", names[0])), bold: true),
        };
        if (target == CardVerbs.AllMaps)
        {
            body.AddRange(names.Select(name => Plain("• " + name) with { Spacing = "None" }));
        }

        body.Add(Say(Strings.DeleteMapsWhat.Fill(("count", names.Count))));
        var values = new Dictionary<string, string> { [CardVerbs.DeleteKey] = target };
        return new AdaptiveCard(body)
        {
            Actions =
            [
                Button(Strings.ButtonDelete, CardVerbs.DeleteMaps, values) with { Style = "destructive" },
                Button(Strings.ButtonKeep, CardVerbs.KeepMaps, values),
            ],
        };
    }

    /// <summary>The confirmation card once answered: what happened, no buttons left to press.</summary>
    public static AdaptiveCard Answered(string text) => new([Say(text)]);
}
