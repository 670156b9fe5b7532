using System.Globalization;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Validation;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The cards of a validation round: the facilitator's (what is asked of whom, the departments
/// editable), each member's questions in their 1:1 chat, and a contradiction for the facilitator.
/// Member text goes in as plain runs, never as markdown.
/// </summary>
internal static class ValidationCards
{
    /// <summary>Input id of the departments on the facilitator's card.</summary>
    public const string DepartmentsInput = "validate.departments";

    /// <summary>Input id of the days members have to answer, on the facilitator's card.</summary>
    public const string DaysInput = "validate.days";

    /// <summary>Input id of the new text on the contradiction card.</summary>
    public const string ChangeInput = "contradiction.text";

    /// <summary>Data key of the validation round's number.</summary>
    public const string RoundKey = CardVerbs.ValidationKey;

    /// <summary>Data key of the contradicted item, and of what the facilitator decided.</summary>
    public const string ItemKey = CardVerbs.ItemKey, ResolveKey = CardVerbs.ResolveKey;

    private const string ChangeId = "contradiction.change";

    // The most names a department's line shows on the facilitator's card.
    private const int MostNames = 8;

    /// <summary>Input ids of an item's answer and proof on a member's card, by its place in the round.</summary>
    public static string VerdictInput(int index) => "verdict." + index.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="VerdictInput"/>
    public static string ProofInput(int index) => "proof." + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The facilitator's card: the items to ask about, the departments (editable) and who is asked now.</summary>
    public static AdaptiveCard Setup(JourneyMap map, IReadOnlyList<MapItem> items, IReadOnlyDictionary<string, int> tally,
        IReadOnlyList<string> departments, IReadOnlyList<(string Department, IReadOnlyList<string> Names)> asked, string? note = null, string? days = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(asked);
        var body = new List<CardElement>
        {
            Title(map, Strings.ValidateSuffix),
            Say(Strings.ValidateIntro.Fill(("count", items.Count))),
        };
        body.AddRange(items.Select(i => ItemLine(map, i, tally.GetValueOrDefault(i.Id))));
        if (note is not null)
        {
            body.Add(Say(note) with { Color = "Attention" });
        }

        body.Add(new InputText
        {
            Id = DepartmentsInput, Label = Strings.ValidateDepartmentsLabel, Value = string.Join(", ", departments),
            Placeholder = Strings.ValidateDepartmentsPlaceholder, MaxLength = 400,
        });
        body.Add(Say(asked.Count == 0 ? Strings.ValidateNobodyYet : Strings.ValidateAskedNow, subtle: true));
        body.AddRange(asked.Select(a => Labelled(a.Department, Names(a.Names)) with { Spacing = "None" }));
        body.Add(new InputText
        {
            Id = DaysInput, Label = Strings.ValidateDaysLabel.Fill(("most", ValidationDeadline.MostDays)),
            Value = days ?? ValidationDeadline.DefaultDays.ToString(CultureInfo.InvariantCulture), MaxLength = 10,
        });
        return new AdaptiveCard(body) { Actions = [Button(Strings.ButtonSendQuestions, CardVerbs.SendValidation, map) with { Style = "positive" }] };
    }

    /// <summary>The facilitator's card once sent: what went to whom; nothing left to press.</summary>
    public static AdaptiveCard Sent(JourneyMap map, IReadOnlyList<MapItem> items, IReadOnlyList<(string Department, IReadOnlyList<string> Names)> asked, string due)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(asked);
        var people = asked.Sum(a => a.Names.Count);
        var body = new List<CardElement>
        {
            Title(map, Strings.ValidateSuffix),
            Say(Strings.ValidateSent.Fill(("count", items.Count), ("people", people), ("departments", asked.Count))),
        };
        body.AddRange(asked.Select(a => Labelled(a.Department, Names(a.Names)) with { Spacing = "None" }));
        body.Add(Say(Strings.ValidateSentDue.Fill(("due", due))));
        body.Add(Say(Strings.ValidateSentHow, subtle: true));
        return new AdaptiveCard(body);
    }

    /// <summary>
    /// The facilitator's summary at the round's deadline: per item asked (still on the map) how many
    /// said each answer, then who did not answer.
    /// </summary>
    public static AdaptiveCard Summary(JourneyMap map, ValidationRound round, IReadOnlyList<MapItem> items, IReadOnlyList<ValidationAsk> asks)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(asks);
        var silent = asks.Where(a => a.Answers.Count == 0).Select(a => a.Member.Name).ToList();
        var body = new List<CardElement>
        {
            Title(map, Strings.ValidateSummarySuffix),
            Say(Strings.ValidateSummaryIntro.Fill(("number", round.Number), ("answered", asks.Count - silent.Count), ("asked", asks.Count))),
        };
        foreach (var item in items)
        {
            int Count(Verdict verdict) => asks.Count(a => a.Answers.TryGetValue(item.Id, out var answer) && answer.Verdict == verdict);
            body.Add(Plain("• " + Vocabulary.Describe(item)));
            body.Add(Say(Strings.ValidateSummaryCounts.Fill(("seen", Count(Verdict.SeenIt)), ("told", Count(Verdict.CustomersTellUs)),
                ("untrue", Count(Verdict.NotTrue)), ("unknown", Count(Verdict.DontKnow))), subtle: true) with { Spacing = "None" });
        }

        body.Add(Say(silent.Count == 0 ? Strings.ValidateSummaryAllAnswered
            : Strings.ValidateSummaryNoAnswer.Fill(("names", Markdown.Escape(Names(silent))))));
        return new AdaptiveCard(body);
    }

    /// <summary>A member's questions: each item with its four answers and room for a quote or a link; their answers so far filled in.</summary>
    public static AdaptiveCard Questions(string teamKey, JourneyMap map, ValidationRound round, IReadOnlyList<MapItem> items, ValidationAsk ask,
        string? note = null, IReadOnlyDictionary<string, (string? Verdict, string? Proof)>? typed = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(ask);
        var body = new List<CardElement>
        {
            Title(map, Strings.ValidateQuestionSuffix),
            Say(Strings.ValidateQuestionWhy.Fill(("department", Markdown.Escape(ask.Department)), ("count", items.Count))),
        };
        if (note is not null)
        {
            body.Add(Plain(note, bold: true));
        }

        var choices = Enum.GetValues<Verdict>().Select(v => new Choice(ValidationRules.Name(v), Value(v))).ToList();
        foreach (var item in items)
        {
            var index = round.ItemIds.ToList().IndexOf(item.Id);
            ask.Answers.TryGetValue(item.Id, out var given);
            var refill = typed is not null && typed.TryGetValue(item.Id, out var t) ? t : (given is null ? null : Value(given.Verdict), given?.Proof);
            body.Add(new Container(
            [
                Plain(Vocabulary.Describe(item), bold: true),
                Say(Strings.ValidateItemMeta.Fill(("kind", Vocabulary.Title(item.Kind)), ("stage", StageName(map, item))), subtle: true) with { Spacing = "None" },
                new InputChoiceSet
                {
                    Id = VerdictInput(index), Label = Strings.ValidateVerdictLabel, Choices = choices, Style = "compact",
                    Placeholder = Strings.ValidateVerdictPlaceholder, Value = refill.Item1,
                },
                new InputText { Id = ProofInput(index), Label = Strings.ValidateProofLabel, Placeholder = Strings.ValidateProofPlaceholder, MaxLength = TextRules.ItemMax, Value = refill.Item2 },
            ]) { Separator = true });
        }

        var data = new Dictionary<string, string> { [CardVerbs.TeamKey] = teamKey, [RoundKey] = round.Number.ToString(CultureInfo.InvariantCulture) };
        return new AdaptiveCard(body) { Actions = [Button(Strings.ButtonSendAnswers, CardVerbs.ValidationAnswers, map, data) with { Style = "positive" }] };
    }

    /// <summary>The contradiction, for the facilitator in their 1:1 chat: the item, who says it is not true (and why), and keep / change / remove.</summary>
    public static AdaptiveCard Contradiction(string teamKey, JourneyMap map, MapItem item, IReadOnlyList<(ValidationAsk Ask, ValidationAnswer Answer)> denials,
        string? note = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(denials);
        var body = new List<CardElement>
        {
            Title(map, Strings.ContradictionSuffix),
            Say(Strings.ContradictionIntro.Fill(("departments", Markdown.Escape(Texts.List(denials.Select(d => d.Ask.Department).Distinct(StringComparer.OrdinalIgnoreCase)))))),
            Plain(Vocabulary.Describe(item), bold: true),
            Say(Strings.ValidateItemMeta.Fill(("kind", Vocabulary.Title(item.Kind)), ("stage", StageName(map, item))), subtle: true) with { Spacing = "None" },
        };
        foreach (var (ask, answer) in denials)
        {
            var who = Strings.ContradictionWho.Fill(("member", ask.Member.Name), ("department", ask.Department));
            body.Add(answer.Proof is { } proof ? Labelled(who, proof) : Plain(who));
        }

        if (note is not null)
        {
            body.Add(Say(note) with { Color = "Attention" });
        }

        var data = new Dictionary<string, string> { [CardVerbs.TeamKey] = teamKey, [ItemKey] = item.Id };
        ExecuteAction Resolve(string title, string how) =>
            Button(title, CardVerbs.ResolveContradiction, map, new Dictionary<string, string>(data) { [ResolveKey] = how });
        body.Add(new Container(
        [
            new InputText { Id = ChangeInput, Label = Strings.ContradictionChangeLabel, Value = item.Text, MaxLength = TextRules.ItemMax },
            new ActionSet([Resolve(Strings.ButtonSaveChange, ResolveChange)]),
        ]) { Id = ChangeId, Style = "emphasis", IsVisible = false });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                Resolve(Strings.ButtonKeepIt, ResolveKeep),
                new ToggleVisibilityAction(Strings.ButtonChangeIt, [new TargetElement(ChangeId, true)]),
                Resolve(Strings.ButtonRemoveIt, ResolveRemove),
            ],
        };
    }

    /// <summary>What a resolve button carries.</summary>
    public const string ResolveKeep = "keep", ResolveChange = "change", ResolveRemove = "remove";

    /// <summary>A card with nothing left to press: the map's name and what happened.</summary>
    public static AdaptiveCard Done(JourneyMap? map, string said) =>
        new(map is null ? [Plain(said, bold: true)] : [Title(map, Strings.ValidateQuestionSuffix), Plain(said, bold: true)]);

    /// <summary>How a verdict travels in a card's choice value.</summary>
    public static string Value(Verdict verdict) => verdict switch
    {
        Verdict.SeenIt => "seen",
        Verdict.CustomersTellUs => "told",
        Verdict.NotTrue => "untrue",
        _ => "unknown",
    };

    /// <summary>The verdict of a choice value; null for none or an unknown one.</summary>
    public static Verdict? ReadVerdict(string? value) => value switch
    {
        "seen" => Verdict.SeenIt,
        "told" => Verdict.CustomersTellUs,
        "untrue" => Verdict.NotTrue,
        "unknown" => Verdict.DontKnow,
        _ => null,
    };

    private static RichTextBlock ItemLine(JourneyMap map, MapItem item, int votes) => new(
    [
        new TextRun("• " + Vocabulary.Describe(item)),
        new TextRun(" · " + Strings.ValidateItemVotes.Fill(("kind", Vocabulary.Title(item.Kind)), ("stage", StageName(map, item)), ("votes", votes))) { IsSubtle = true },
    ]) { Spacing = "None" };

    // A department's members, the first few by name: a card for a team of 500 stays small.
    private static string Names(IReadOnlyList<string> names) =>
        names.Count <= MostNames ? string.Join(", ", names)
            : Strings.ValidateMoreNames.Fill(("names", string.Join(", ", names.Take(MostNames))), ("count", names.Count - MostNames));

    private static RichTextBlock Title(JourneyMap map, string suffix) => new([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(suffix)]);

    private static string StageName(JourneyMap map, MapItem item) => map.Stages.FirstOrDefault(s => s.Id == item.StageId)?.Name ?? string.Empty;
}
