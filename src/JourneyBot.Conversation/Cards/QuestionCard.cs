using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// A member's questions, in their 1:1 chat with the bot: the map and its objective, why they are
/// asked, by when, and the contribution entries for their stages only; or "Nothing to add", "Not
/// my area" (suggest someone) and "Remind me tomorrow". Every button carries the team, the map and
/// the round, which the bot checks against the member's ask before it changes anything.
/// </summary>
internal static class QuestionCard
{
    /// <summary>Input id of the person suggested instead, and of the department asked first; data key of an item typed in the chat.</summary>
    public const string SuggestInput = "suggest", DepartmentInput = "department", TypedInput = "typed";

    private const string SuggestId = "entry.suggest";
    private const int MostSuggestions = 100;

    // Between a colleague's id and name in a suggestion's value: Teams ids hold no such character.
    private const char SuggestionSeparator = '\u001f';

    /// <summary>The button data that names the round a card belongs to.</summary>
    public static Dictionary<string, string> RoundData(RoundKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new()
        {
            [CardVerbs.TeamKey] = key.TeamKey,
            [CardVerbs.RoundKey] = key.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The questions for <paramref name="ask"/>, due <paramref name="due"/> (in their time); with
    /// what was just added (<paramref name="note"/>) and the entry and stage to keep open.
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, Round round, RoundKey key, RoundAsk ask, string due, IReadOnlyList<Person> others,
        string? note = null, string? stageId = null, ItemKind? open = null, AddItemCommand? refill = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(others);
        var data = RoundData(key);
        var stages = map.Stages.Where(s => ask.StageIds.Contains(s.Id)).ToList();
        var body = Heading(map, round, due);
        body.Add(Plain(Strings.QuestionWhy.Fill(("department", ask.Department ?? string.Empty),
            ("stages", Texts.List(stages.Select(s => s.Name))))));
        body.Add(ContributeEntries.NoteSlot(note));
        body.AddRange(ContributeEntries.For(map, stages, stageId ?? (stages.Count > 0 ? stages[0].Id : null), open, refill, data));
        var actions = new List<CardAction>
        {
            ask.Added > 0
                ? Button(Strings.ButtonDone, CardVerbs.DoneAnswering, map, data) with { Style = "positive" }
                : Button(Strings.ButtonNothingToAdd, CardVerbs.NothingToAdd, map, data),
        };

        // Before they add anything, it may not be their area: they can name who knows it better.
        var colleagues = others.Where(p => p.Id != ask.Member.Id).Take(MostSuggestions).ToList();
        if (ask.Added == 0 && colleagues.Count > 0)
        {
            body.Add(new Container(
            [
                new InputChoiceSet
                {
                    Id = SuggestInput,
                    Label = Strings.QuestionSuggestLabel,
                    Choices = [.. colleagues.Select(p => new Choice(p.Name, p.Id + SuggestionSeparator + p.Name))],
                    Style = "compact",
                    Placeholder = Strings.QuestionSuggestPlaceholder,
                },
                new ActionSet([Button(Strings.ButtonSuggest, CardVerbs.SuggestSomeone, map, data)]),
            ]) { Id = SuggestId, Style = "emphasis", IsVisible = false });
            actions.Add(new ToggleVisibilityAction(Strings.ButtonNotMyArea,
            [
                new TargetElement(SuggestId, true),
                .. ContributeEntries.Entries.Select(kind => new TargetElement(ContributeEntries.EntryId(kind), false)),
            ]));
        }

        actions.Add(Button(Strings.ButtonRemindTomorrow, CardVerbs.RemindTomorrow, map, data));
        return new AdaptiveCard(body) { Actions = actions };
    }

    /// <summary>The colleague a "Not my area" names (the choice carries their id and name), or null.</summary>
    public static Person? ReadSuggestion(string? value) =>
        value?.Split(SuggestionSeparator, 2) is [{ Length: > 0 } id, { Length: > 0 } name] ? new Person(id, name) : null;

    /// <summary>A member whose department is not known is asked it first; their questions follow.</summary>
    public static AdaptiveCard AskDepartment(JourneyMap map, Round round, RoundKey key, string due, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(round);
        var body = Heading(map, round, due);
        body.Add(Say(Strings.QuestionDepartmentFirst));
        body.Add(ContributeEntries.NoteSlot(note));
        body.Add(new InputText { Id = DepartmentInput, Label = Strings.DepartmentLabel, Placeholder = Strings.DepartmentPlaceholder, MaxLength = TextRules.ShortMax });
        return new AdaptiveCard(body) { Actions = [Button(Strings.ButtonSave, CardVerbs.RoundDepartment, map, RoundData(key)) with { Style = "positive" }] };
    }

    /// <summary>An item typed in a 1:1 chat where two or more maps' questions are open: which map is it for?</summary>
    public static AdaptiveCard WhichMap(IReadOnlyList<(JourneyMap Map, RoundKey Key)> open, string typed)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new AdaptiveCard([Plain(Strings.QuestionWhichMap, bold: true), Plain(typed, subtle: true)])
        {
            Actions =
            [
                .. open.Take(5).Select(o => Button(Strings.QuestionAddTo.Fill(("map", o.Map.Name)), CardVerbs.AddTyped, o.Map,
                    new Dictionary<string, string>(RoundData(o.Key)) { [TypedInput] = typed })),
            ],
        };
    }

    /// <summary>The card once the member is done: what they gave, nothing left to press.</summary>
    public static AdaptiveCard Closed(JourneyMap map, string said)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new AdaptiveCard([new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(Strings.QuestionSuffix)]), Plain(said, bold: true)]);
    }

    private static List<CardElement> Heading(JourneyMap map, Round round, string due)
    {
        var body = new List<CardElement> { new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(Strings.QuestionSuffix)]) };
        if (map.Objective is { } objective)
        {
            body.Add(Labelled(Strings.QuestionObjectiveLabel, objective) with { Spacing = "None" });
        }

        body.Add(Say(Strings.QuestionDue.Fill(("due", due))) with { Spacing = "Small" });
        if (round.Anonymous)
        {
            body.Add(Say(Strings.QuestionAnonymous) with { Spacing = "Small" });
        }

        return body;
    }
}
