using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>Short one-question cards.</summary>
internal static class SmallCards
{
    /// <summary>Asks a member for their department, once per team.</summary>
    public static AdaptiveCard Department(JourneyMap map, Person who) => new(
    [
        Plain(Strings.AskDepartment.Fill(("member", who.Name)), bold: true),
        Say(Strings.AskDepartmentWhy),
        new InputText { Id = "department", Label = Strings.DepartmentLabel, Placeholder = Strings.DepartmentPlaceholder, MaxLength = TextRules.ShortMax },
    ])
    {
        Actions = [Button(Strings.ButtonSave, CardVerbs.Department, map) with { Style = "positive" }],
    };

    /// <summary>
    /// The department question once answered, in place of the question: the answer and the thanks,
    /// nothing left to fill in, so nobody wonders whether it was taken.
    /// </summary>
    public static AdaptiveCard DepartmentAnswered(string department, string thanks) => new(
    [
        Plain(Strings.DepartmentAnswered.Fill(("department", department)), bold: true),
        Say(thanks),
    ]);

    /// <summary>
    /// Asks whether to archive the active map before starting <paramref name="newName"/>; with <paramref name="answer"/>
    /// (the typed text, and the setup question the map waits for), also offers to save that text as the answer.
    /// </summary>
    public static AdaptiveCard ArchiveAndStart(JourneyMap active, string newName, (string Text, string Question)? answer = null) => new(
    [
        Plain(Strings.StillBeingMapped.Fill(("map", active.Name)), bold: true),
        Plain(Strings.ArchiveAndStart.Fill(("map", newName))),

        // A row of its own: three buttons side by side do not fit a card 440 px wide in any of the languages.
        .. answer is { } given
            ? [new ActionSet([Button(Strings.ButtonSaveAsAnswer.Fill(("question", given.Question)), CardVerbs.Answer, active,
                new Dictionary<string, string> { ["answer"] = given.Text })])]
            : Array.Empty<CardElement>(),
    ])
    {
        Actions =
        [
            Button(Strings.ButtonArchiveAndStart, CardVerbs.StartArchiving, active, new Dictionary<string, string> { ["name"] = newName }),
            Button(Strings.ButtonKeepWorking, CardVerbs.Status, active),
        ],
    };
}
