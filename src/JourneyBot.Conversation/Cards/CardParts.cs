using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Cards;

/// <summary>The pieces every JourneyBot card is built from.</summary>
internal static class CardParts
{
    /// <summary>A heading of bot text.</summary>
    public static TextBlock Heading(string text) => new(text) { Weight = "Bolder", Size = "Medium" };

    /// <summary>Bot text (markdown allowed).</summary>
    public static TextBlock Say(string text, bool subtle = false) => new(text) { IsSubtle = subtle ? true : null };

    /// <summary>Member text, shown exactly as typed.</summary>
    public static RichTextBlock Plain(string text, bool bold = false, bool subtle = false) =>
        new([new TextRun(text) { Weight = bold ? "Bolder" : null, IsSubtle = subtle ? true : null }]);

    /// <summary>A label in bold followed by member text.</summary>
    public static RichTextBlock Labelled(string label, string text) =>
        new([new TextRun(label + ": ") { Weight = "Bolder" }, new TextRun(text)]);

    /// <summary>
    /// A button that works everywhere: a Universal Action (Teams answers it with a new card) with a
    /// plain submit as fallback. Both carry the verb, the map and the step, so a press on an old
    /// card can be recognised. A button whose verb reads no inputs (<see cref="CardVerbs.ReadsInputs"/>)
    /// sends none: the card's required fields must not stop a member from going on, back or to the status.
    /// </summary>
    public static ExecuteAction Button(string title, string verb, JourneyMap map, IReadOnlyDictionary<string, string>? extra = null)
    {
        var data = new Dictionary<string, string>
        {
            [CardVerbs.MapKey] = map.Id,
            [CardVerbs.StepKey] = map.Step.ToString(),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        return Button(title, verb, data);
    }

    /// <summary>
    /// A button as <see cref="Button(string, string, JourneyMap, IReadOnlyDictionary{string, string}?)"/>
    /// for a card that belongs to no one map (the team's): its verb and <paramref name="values"/> only.
    /// </summary>
    public static ExecuteAction Button(string title, string verb, IReadOnlyDictionary<string, string> values)
    {
        var data = new Dictionary<string, string> { [CardVerbs.VerbKey] = verb };
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        var inputs = CardVerbs.ReadsInputs(verb) ? null : "none";
        return new ExecuteAction(title, verb, data)
        {
            AssociatedInputs = inputs,
            Fallback = new SubmitAction(title, data) { AssociatedInputs = inputs },
        };
    }

    /// <summary>The title line of a session card: "Map name · Step 2 of 7: Persona".</summary>
    public static RichTextBlock StepTitle(JourneyMap map) => new(
    [
        new TextRun(map.Name) { Weight = "Bolder" },
        new TextRun(" · " + StepOfSteps(map.Step)),
    ]);

    /// <summary>"Step 2 of 7: Persona".</summary>
    public static string StepOfSteps(MapStep step) =>
        Strings.StepOfSteps.Fill(("number", MapFlow.Number(step)), ("count", MapFlow.Steps.Count), ("step", MapFlow.Title(step)));

    /// <summary>Choices for a map's stages.</summary>
    public static IReadOnlyList<Choice> StageChoices(JourneyMap map) =>
        [.. map.Stages.Select((s, i) => new Choice($"{i + 1}. {s.Name}", s.Id))];
}
