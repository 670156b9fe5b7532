using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The form every member uses to add to any stage.</summary>
internal static class ContributeCard
{
    /// <summary>The form for <paramref name="map"/>, with an optional note (e.g. what was just added).</summary>
    public static AdaptiveCard For(JourneyMap map, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var body = new List<CardElement> { StepTitle(map) };
        SessionCards.AddNote(body, note);
        body.Add(Say(Strings.ContributeIntro));
        body.Add(new InputChoiceSet
        {
            Id = "kind",
            Label = Strings.ContributeKindLabel,
            Style = "compact",
            Value = "touchpoint",
            IsRequired = true,
            ErrorMessage = Strings.ContributeKindError,
            Choices =
            [
                new(Strings.ContributeKindTouchpoint, "touchpoint"),
                new(Strings.ContributeKindGoal, "goal"),
                new(Strings.ContributeKindAction, "action"),
                new(Strings.ContributeKindPainPoint, "pain"),
                new(Strings.ContributeKindEmotion, "emotion"),
                new(Strings.ContributeKindOpportunity, "opportunity"),
            ],
        });
        body.Add(new InputChoiceSet
        {
            Id = "stage",
            Label = Strings.ContributeStageLabel,
            Style = "compact",
            Choices = StageChoices(map),
            IsRequired = true,
            ErrorMessage = Strings.ContributeStageError,
            Placeholder = Strings.ContributeStagePlaceholder,
        });
        body.Add(new InputText { Id = "text", Label = Strings.ContributeTextLabel, IsMultiline = true, MaxLength = TextRules.ItemMax,
            Placeholder = Strings.ContributeTextPlaceholder });
        body.Add(new InputChoiceSet
        {
            Id = "channel",
            Label = Strings.ContributeChannelLabel,
            Style = "compact",
            Placeholder = Strings.ContributeChannelPlaceholder,
            Choices = [.. Enum.GetValues<TouchChannel>().Select(c => new Choice(Vocabulary.Name(c), c.ToString()))],
        });
        body.Add(new InputChoiceSet
        {
            Id = "score",
            Label = Strings.ContributeScoreLabel,
            Style = "compact",
            Placeholder = Strings.ContributeScorePlaceholder,
            Choices =
            [
                new(Strings.ScoreDelighted, "2"), new(Strings.ScorePleased, "1"), new(Strings.ScoreNeutral, "0"),
                new(Strings.ScoreAnnoyed, "-1"), new(Strings.ScoreAngry, "-2"),
            ],
        });
        body.Add(new InputText { Id = "owner", Label = Strings.ContributeOwnerLabel, MaxLength = TextRules.ShortMax,
            Placeholder = Strings.ContributeOwnerPlaceholder });
        body.Add(new InputChoiceSet
        {
            Id = "evidence",
            Label = Strings.ContributeEvidenceLabel,
            Style = "compact",
            Value = "assumed",
            Choices =
            [
                new(Strings.ContributeEvidenceObserved, "observed"), new(Strings.ContributeEvidenceReported, "reported"),
                new(Strings.ContributeEvidenceAssumed, "assumed"),
            ],
        });
        return new AdaptiveCard(body)
        {
            Actions =
            [
                Button(Strings.ButtonAdd, CardVerbs.Add, map) with { Style = "positive" },
                Button(Strings.ButtonStatus, CardVerbs.Status, map),
                Button(Strings.ButtonToReview, CardVerbs.Next, map),
            ],
        };
    }
}
