using JourneyBot.Conversation.Cards;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// A card's buttons as a member reaches them: its own and its action sets', and those inside the
/// cards its show-card buttons open, named by the way there ("+ Pain point › Add").
/// </summary>
internal static class CardButtons
{
    /// <summary>Between a show-card button's title and a button of the card it opens.</summary>
    public const string Inside = " › ";

    /// <summary>
    /// The button at <paramref name="path"/> and the inputs a client sends with it: those of the
    /// card's body and, for a button inside a shown card, that card's (never another shown card's).
    /// </summary>
    public static (ExecuteAction Button, IReadOnlyList<CardElement> Inputs)? Find(AdaptiveCard card, string path)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(path);
        var inputs = Inputs(card.Body).ToList();
        var actions = Actions(card.Actions, card.Body);
        var parts = path.Split(Inside, 2);
        if (parts.Length == 2)
        {
            if (actions.OfType<ShowCardAction>().FirstOrDefault(a => a.Title == parts[0]) is not { } shown)
            {
                return null;
            }

            inputs.AddRange(Inputs(shown.Card.Body));
            actions = Actions(shown.Card.Actions, shown.Card.Body);
        }

        return actions.OfType<ExecuteAction>().FirstOrDefault(a => a.Title == parts[^1]) is { } button ? (button, inputs) : null;
    }

    /// <summary>Every input of the card, inside its shown cards too.</summary>
    public static IEnumerable<CardElement> AllInputs(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Inputs(card.Body).Concat(Actions(card.Actions, card.Body).OfType<ShowCardAction>().SelectMany(a => Inputs(a.Card.Body)));
    }

    /// <summary>The value an input starts with, as a client sends it when the member leaves it alone.</summary>
    public static string? StartValue(CardElement input) => input switch
    {
        InputText text => text.Value,
        InputChoiceSet choices => choices.Value,
        _ => null,
    };

    private static List<CardAction> Actions(IReadOnlyList<CardAction>? actions, IReadOnlyList<CardElement> body) =>
        [.. actions ?? [], .. Elements(body).OfType<ActionSet>().SelectMany(s => s.Actions)];

    private static IEnumerable<CardElement> Inputs(IReadOnlyList<CardElement> body) =>
        Elements(body).Where(e => e is InputText or InputChoiceSet);

    private static IEnumerable<CardElement> Elements(IReadOnlyList<CardElement> body)
    {
        foreach (var element in body)
        {
            yield return element;
            if (element is Container container)
            {
                foreach (var inner in Elements(container.Items))
                {
                    yield return inner;
                }
            }
        }
    }
}
