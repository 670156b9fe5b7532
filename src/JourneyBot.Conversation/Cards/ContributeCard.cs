using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The form every member uses to add to any stage.</summary>
public static class ContributeCard
{
    /// <summary>The form for <paramref name="map"/>, with an optional note (e.g. what was just added).</summary>
    public static AdaptiveCard For(JourneyMap map, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var body = new List<CardElement> { StepTitle(map) };
        SessionCards.AddNote(body, note);
        body.Add(Say("Everyone: add what you know about any stage. Pick what it is, the stage, and write it down."));
        body.Add(new InputChoiceSet
        {
            Id = "kind",
            Label = "What are you adding?",
            Style = "compact",
            Value = "touchpoint",
            IsRequired = true,
            ErrorMessage = "Pick what you are adding.",
            Choices =
            [
                new("Touchpoint (where the customer meets us)", "touchpoint"),
                new("Customer goal", "goal"),
                new("Customer action", "action"),
                new("Pain point", "pain"),
                new("Emotion (−2 … +2)", "emotion"),
                new("Opportunity (how to improve)", "opportunity"),
            ],
        });
        body.Add(new InputChoiceSet
        {
            Id = "stage",
            Label = "Stage",
            Style = "compact",
            Choices = StageChoices(map),
            IsRequired = true,
            ErrorMessage = "Pick a stage.",
            Placeholder = "Pick a stage",
        });
        body.Add(new InputText { Id = "text", Label = "Describe it", IsMultiline = true, MaxLength = TextRules.ItemMax,
            Placeholder = "e.g. Newsletter announces the spring running collection" });
        body.Add(new InputChoiceSet
        {
            Id = "channel",
            Label = "Channel (touchpoints)",
            Style = "compact",
            Placeholder = "Pick a channel",
            Choices = [.. Enum.GetValues<TouchChannel>().Select(c => new Choice(Vocabulary.Name(c), c.ToString()))],
        });
        body.Add(new InputChoiceSet
        {
            Id = "score",
            Label = "How does the customer feel? (emotions)",
            Style = "compact",
            Placeholder = "Pick a score",
            Choices = [new("+2 😄 delighted", "2"), new("+1 🙂 pleased", "1"), new("0 😐 neutral", "0"), new("−1 🙁 annoyed", "-1"), new("−2 😡 angry", "-2")],
        });
        body.Add(new InputText { Id = "owner", Label = "Owner department (opportunities)", MaxLength = TextRules.ShortMax,
            Placeholder = "e.g. Product" });
        body.Add(new InputChoiceSet
        {
            Id = "evidence",
            Label = "How do we know?",
            Style = "compact",
            Value = "assumed",
            Choices = [new("Observed", "observed"), new("Reported by customers or staff", "reported"), new("Assumed", "assumed")],
        });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                Button("Add", CardVerbs.Add, map) with { Style = "positive" },
                Button("Status", CardVerbs.Status, map),
                Button("Go to review (facilitator)", CardVerbs.Next, map),
            ],
        };
    }
}
