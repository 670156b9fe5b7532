using JourneyBot.Conversation.Cards;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// A card's buttons as a member reaches them: those in view, and those a toggle button shows,
/// named by the way there ("+ Pain point › Add").
/// </summary>
internal static class CardButtons
{
    /// <summary>Between a toggle button's title and a button of what it shows.</summary>
    public const string Inside = " › ";

    /// <summary>
    /// The button at <paramref name="path"/> and the inputs a client sends with it: every input of
    /// the card, shown or hidden, since a card is one form.
    /// </summary>
    public static (ExecuteAction Button, IReadOnlyList<CardElement> Inputs)? Find(AdaptiveCard card, string path)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split(Inside, 2);
        var toggled = parts.Length == 2 ? Shows(card, parts[0]) : [];
        if (toggled is null)
        {
            return null;
        }

        var button = Actions(card.Actions, Elements(card.Body, toggled)).OfType<ExecuteAction>().FirstOrDefault(a => a.Title == parts[^1]);
        return button is null ? null : (button, [.. AllInputs(card)]);
    }

    /// <summary>Every input of the card, hidden ones too.</summary>
    public static IEnumerable<CardElement> AllInputs(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Elements(card.Body, toggled: null).Where(e => e is InputText or InputChoiceSet or InputDate or InputTime or InputToggle);
    }

    /// <summary>The value an input starts with, as a client sends it when the member leaves it alone.</summary>
    public static string? StartValue(CardElement input) => input switch
    {
        InputText text => text.Value,
        InputChoiceSet choices => choices.Value,
        InputDate date => date.Value,
        InputTime time => time.Value,
        InputToggle toggle => toggle.Value ?? "false",
        _ => null,
    };

    // What a toggle button in view shows and hides, or null when there is no such button.
    private static Dictionary<string, bool>? Shows(AdaptiveCard card, string title) =>
        Actions(card.Actions, Elements(card.Body, [])).OfType<ToggleVisibilityAction>().FirstOrDefault(a => a.Title == title) is { } toggle
            ? toggle.TargetElements.ToDictionary(t => t.ElementId, t => t.IsVisible)
            : null;

    private static List<CardAction> Actions(IReadOnlyList<CardAction>? actions, IEnumerable<CardElement> elements) =>
        [.. actions ?? [], .. elements.OfType<ActionSet>().SelectMany(s => s.Actions)];

    // The elements in view once a toggle has made those in <paramref name="toggled"/> visible or
    // hidden; null: all of them, hidden or not.
    private static IEnumerable<CardElement> Elements(IReadOnlyList<CardElement> body, Dictionary<string, bool>? toggled)
    {
        foreach (var element in body)
        {
            var visible = toggled is null
                || (element.Id is { } id && toggled.TryGetValue(id, out var shown) ? shown : element.IsVisible ?? true);
            if (!visible)
            {
                continue;
            }

            yield return element;
            if (element is Container container)
            {
                foreach (var inner in Elements(container.Items, toggled))
                {
                    yield return inner;
                }
            }
        }
    }
}
