using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>Short one-question cards.</summary>
public static class SmallCards
{
    /// <summary>Asks a member for their department, once per team.</summary>
    public static AdaptiveCard Department(JourneyMap map, Person who) => new(
    [
        Plain($"{who.Name}, which department are you in?", bold: true),
        Say("I ask once and remember it for this team, so the map shows which departments spoke."),
        new InputText { Id = "department", Label = "Department", Placeholder = "e.g. Marketing", MaxLength = TextRules.ShortMax },
    ])
    {
        Actions = [Button("Save", CardVerbs.Department, map) with { Style = "positive" }],
    };

    /// <summary>Asks whether to archive the active map before starting <paramref name="newName"/>.</summary>
    public static AdaptiveCard ArchiveAndStart(JourneyMap active, string newName) => new(
    [
        Plain($"“{active.Name}” is still being mapped here.", bold: true),
        Plain($"Archive it and start “{newName}”? It stays in the team's list (type maps) and can be opened again."),
    ])
    {
        Actions =
        [
            Button("Archive it and start the new map", CardVerbs.StartArchiving, active, new Dictionary<string, string> { ["name"] = newName }),
            Button("Keep working on it", CardVerbs.Status, active),
        ],
    };
}
