using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The card of each step of a session: the form the facilitator or the members fill.</summary>
internal static class SessionCards
{
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

        body.Add(new InputText
        {
            Id = "stages",
            Label = Strings.StagesInputLabel,
            Placeholder = Strings.StagesInputPlaceholder,
            Value = map.Stages.Count > 0 ? string.Join('\n', map.Stages.Select(s => s.Name)) : null,
            IsMultiline = true,
            MaxLength = 1000,
        });
        var actions = new List<CardAction>
        {
            Button(Strings.ButtonUseTemplate, CardVerbs.Template, map),
            Button(Strings.ButtonSaveStages, CardVerbs.SetStages, map),
        };
        if (map.Stages.Count > 0)
        {
            actions.Add(Button(Strings.ButtonContinue, CardVerbs.Next, map) with { Style = "positive" });
        }

        actions.Add(Button(Strings.ButtonBack, CardVerbs.Back, map));
        return new AdaptiveCard(body) { Actions = actions };
    }

    internal static void AddNote(List<CardElement> body, string? note)
    {
        if (note is not null)
        {
            body.Add(new Container([Say(note)]) { Style = "good" });
        }
    }
}
