using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Stages;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The card of each step of a session: the form the facilitator or the members fill.</summary>
internal static class SessionCards
{
    // A template's line in the list: its name and stages, shortened (twelve long stage names would fill the card).
    private const int TemplateChoiceMax = 160;

    private const string StageDetailsId = "stageDetails";

    /// <summary>The card for the map's current step.</summary>
    public static AdaptiveCard ForStep(JourneyMap map, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Step switch
        {
            MapStep.Stages => Stages(map, note),
            MapStep.Contribute => ContributeCard.For(map, note),
            MapStep.Review => throw new InvalidOperationException("The review card needs the map's items: use ReviewCard.For."),
            _ => Question(map, MapFlow.QuestionAt(map.Step)!, note),
        };
    }

    private static AdaptiveCard Question(JourneyMap map, SetupQuestion question, string? note)
    {
        var body = new List<CardElement> { StepTitle(map) };
        AddNote(body, note);
        body.Add(Say(question.Prompt));
        if (question.Coaching is { } coaching)
        {
            body.Add(Say(coaching, subtle: true) with { Spacing = "Small" });
        }

        body.Add(new InputText
        {
            Id = "answer",
            Label = question.Title,
            Placeholder = question.Example,
            Value = question.Read(map),
            IsMultiline = true,
            MaxLength = TextRules.AnswerMax,
            IsRequired = question.Required ? true : null,
            ErrorMessage = question.Required ? Strings.AnswerRequired.Fill(("answer", question.Title.ToLowerInvariant())) : null,
        });
        var actions = new List<CardAction> { Button(Strings.ButtonSave, CardVerbs.Answer, map) with { Style = "positive" } };
        if (!question.Required)
        {
            actions.Add(Button(Strings.ButtonSkip, CardVerbs.Next, map));
        }

        if (MapFlow.Before(map.Step) is not null)
        {
            actions.Add(Button(Strings.ButtonBack, CardVerbs.Back, map));
        }

        body.Add(Say(Strings.OnlyFacilitatorAnswers, subtle: true));
        return new AdaptiveCard(body) { Actions = actions };
    }

    private static AdaptiveCard Stages(JourneyMap map, string? note)
    {
        var body = new List<CardElement> { StepTitle(map) };
        AddNote(body, note);
        if (map.Stages.Count == 0)
        {
            body.Add(Say(Strings.StagesQuestion));
        }
        else
        {
            body.Add(Say(Strings.StagesSoFar));
            body.AddRange(map.Stages.Select((s, i) => Plain($"{i + 1}. {s.Name}") with { Spacing = "None" }));
            body.Add(Say(Strings.StagesHowToChange, subtle: true));
        }

        // The bot's templates here; a turn that shows the card puts the team's own first (Stages.TeamTemplateOffer).
        body.Add(TemplateList(StageTemplates.Builtin));
        body.Add(new ActionSet([Button(Strings.ButtonUseTemplate, CardVerbs.Template, map)]) { Spacing = "None" });
        body.Add(new InputText
        {
            Id = "stages",
            Label = Strings.StagesInputLabel,
            Placeholder = Strings.StagesInputPlaceholder,
            Value = map.Stages.Count > 0 ? string.Join('\n', map.Stages.Select(s => s.Name)) : null,
            IsMultiline = true,
            MaxLength = 1000,
        });
        body.AddRange(StageDetailFields(map));
        var actions = new List<CardAction> { Button(Strings.ButtonSaveStages, CardVerbs.SetStages, map) };
        if (map.Stages.Count > 0)
        {
            actions.Add(Button(Strings.ButtonContinue, CardVerbs.Next, map) with { Style = "positive" });
        }

        actions.Add(Button(Strings.ButtonBack, CardVerbs.Back, map));
        return new AdaptiveCard(body) { Actions = actions };
    }

    /// <summary>The stages card's list of templates, <paramref name="offered"/> in order (the first chosen).</summary>
    internal static InputChoiceSet TemplateList(IReadOnlyList<StageTemplate> offered) => new()
    {
        Id = CardVerbs.TemplateKey,
        Label = Strings.StagesTemplateLabel,
        Style = "compact",
        Value = offered.Count > 0 ? offered[0].Name : null,
        Choices = [.. offered.Select(t => new Choice(
            TextRules.Shorten(t.IsTeams
                ? Strings.TemplateChoiceTeams.Fill(("name", t.Name), ("stages", StageTemplates.StageList(t)))
                : Strings.TemplateChoice.Fill(("name", t.Name), ("stages", StageTemplates.StageList(t))), TemplateChoiceMax),
            t.Name))],
    };

    // What the customer expects in each stage and what moves them on: two fields per stage, folded
    // away behind one button so the card stays short; members can type them later too.
    private static IEnumerable<CardElement> StageDetailFields(JourneyMap map)
    {
        if (map.Stages.Count == 0)
        {
            yield break;
        }

        yield return new ActionSet([new ToggleVisibilityAction(Strings.ButtonStageDetails, [new TargetElement(StageDetailsId, true)])]);
        var fields = new List<CardElement> { Say(Strings.StageDetailsIntro, subtle: true) };
        foreach (var (stage, index) in map.Stages.Select((s, i) => (s, i)))
        {
            var numbered = $"{index + 1}. {stage.Name}";
            fields.Add(DetailField(CardVerbs.ExpectsKey + stage.Id, Strings.StageExpectsLabel.Fill(("stage", numbered)), Strings.StageExpectsPlaceholder, stage.Expects));
            fields.Add(DetailField(CardVerbs.MovesOnKey + stage.Id, Strings.StageMovesOnLabel.Fill(("stage", numbered)), Strings.StageMovesOnPlaceholder, stage.MovesOnWhen));
        }

        fields.Add(new ActionSet([Button(Strings.ButtonSaveStageDetails, CardVerbs.StageDetails, map)]));
        yield return new Container(fields) { Id = StageDetailsId, IsVisible = false };
    }

    private static InputText DetailField(string id, string label, string placeholder, string? value) => new()
    {
        Id = id, Label = label, Placeholder = placeholder, Value = value, MaxLength = Flow.StageDetails.MaxLength,
    };

    internal static void AddNote(List<CardElement> body, string? note)
    {
        if (note is not null)
        {
            body.Add(new Container([Say(note)]) { Style = "good" });
        }
    }
}
