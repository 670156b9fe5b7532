using System.Globalization;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;
using static JourneyBot.Conversation.Cards.CardParts;
using static JourneyBot.Conversation.Flow.ActionInput;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// "Make it an action": the form that makes a top-voted opportunity an action, shown in place of
/// the review card for the member who pressed it. Its owner is picked with the Teams people
/// picker, or from the conversation's members where the client has no picker.
/// </summary>
internal static class ActionFormCard
{
    /// <summary>Members listed as choices at most: the picker finds anyone else, and the card stays small.</summary>
    public const int MostChoices = 50;

    /// <summary>
    /// The form for <paramref name="opportunity"/> (with its <paramref name="votes"/>) of
    /// <paramref name="map"/>, listing <paramref name="members"/>; after a refused submit,
    /// <paramref name="note"/> says why and <paramref name="sent"/> refills what was sent.
    /// </summary>
    public static AdaptiveCard For(JourneyMap map, MapItem opportunity, int votes, IReadOnlyList<RosterMember> members, DateOnly today,
        string? note = null, ActCommand? sent = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(opportunity);
        ArgumentNullException.ThrowIfNull(members);
        var body = new List<CardElement>
        {
            new RichTextBlock([new TextRun(map.Name) { Weight = "Bolder" }, new TextRun(" · " + Strings.ActFormTitle)]),
            Plain($"{TextRules.Shorten(opportunity.Text, 200)} · {Strings.VoteCount.Fill(("count", votes))}", bold: true),
        };
        SessionCards.AddNote(body, note);
        body.Add(Say(Strings.ActFormIntro, subtle: true));
        body.Add(new InputChoiceSet
        {
            Id = OwnerField,
            Label = Strings.ActFormOwner,
            Placeholder = Strings.ActFormOwnerPlaceholder,
            Style = "filtered",
            Choices = [.. members.Take(MostChoices).OrderBy(m => m.Person.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(m => new Choice(m.Person.Name, m.Person.Id))],
            ChoicesData = ChoicesQuery.People,
            Value = sent?.Owner,
        });
        body.Add(new InputText
        {
            Id = DepartmentField, Label = Strings.ActFormDepartment, Placeholder = Strings.ActFormDepartmentPlaceholder,
            MaxLength = TextRules.ShortMax, Value = sent?.OwnerDepartment,
        });
        body.Add(new InputDate
        {
            Id = DueField, Label = Strings.ActFormDue, Value = sent?.Due,
            Min = Day(today), Max = Day(today.AddYears(MostYearsAhead)),
        });
        body.Add(Say(Strings.ActFormMeasureIntro, subtle: true));
        body.Add(new InputText
        {
            Id = MeasureField, Label = Strings.ActFormMeasure, Placeholder = Strings.ActFormMeasurePlaceholder,
            MaxLength = MeasureNameMax, Value = sent?.Measure?.Name,
        });
        body.Add(new InputText
        {
            Id = BaselineField, Label = Strings.ActFormBaseline, Placeholder = Strings.ActFormBaselinePlaceholder,
            MaxLength = TextRules.ShortMax, Value = sent?.Measure?.Baseline,
        });
        body.Add(new InputText
        {
            Id = TargetField, Label = Strings.ActFormTarget, Placeholder = Strings.ActFormTargetPlaceholder,
            MaxLength = TextRules.ShortMax, Value = sent?.Measure?.Target,
        });

        var opportunityData = new Dictionary<string, string> { [CardVerbs.OpportunityKey] = opportunity.Id };
        return new AdaptiveCard(body)
        {
            Actions =
            [
                Button(Strings.ButtonMakeAction, CardVerbs.MakeAction, map, opportunityData) with { Style = "positive" },
                Button(Strings.ButtonBackToReview, CardVerbs.ShowReview, map),
            ],
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
