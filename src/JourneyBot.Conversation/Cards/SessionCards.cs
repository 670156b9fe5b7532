using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The card of each step of a session: the form the facilitator or the members fill.</summary>
public static class SessionCards
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
        body.Add(new InputText
        {
            Id = "answer",
            Label = question.Title,
            Placeholder = question.Example,
            Value = question.Read(map),
            IsMultiline = true,
            MaxLength = TextRules.AnswerMax,
            IsRequired = question.Required ? true : null,
            ErrorMessage = question.Required ? $"The {question.Title.ToLowerInvariant()} is required." : null,
        });
        var actions = new List<CardAction> { Button("Save", CardVerbs.Answer, map) with { Style = "positive" } };
        if (!question.Required)
        {
            actions.Add(Button("Skip", CardVerbs.Next, map));
        }

        if (MapFlow.Before(map.Step) is not null)
        {
            actions.Add(Button("Back", CardVerbs.Back, map));
        }

        body.Add(Say("Only the facilitator answers these. You can also type the answer.", subtle: true));
        return new AdaptiveCard(body) { Actions = actions };
    }

    private static AdaptiveCard Stages(JourneyMap map, string? note)
    {
        var body = new List<CardElement> { StepTitle(map) };
        AddNote(body, note);
        if (map.Stages.Count == 0)
        {
            body.Add(Say("Which stages does the customer go through? Use the usual five " +
                "(Awareness, Consideration, Purchase, Retention, Advocacy) or type your own, one per line."));
        }
        else
        {
            body.Add(Say("The stages so far:"));
            body.AddRange(map.Stages.Select((s, i) => Plain($"{i + 1}. {s.Name}") with { Spacing = "None" }));
            body.Add(Say("Change them below, or type *rename stage 2 to …*, *add stage … at 3*, *remove stage 4*, *move stage 5 to 1*.",
                subtle: true));
        }

        body.Add(new InputText
        {
            Id = "stages",
            Label = "Your own stages, one per line",
            Placeholder = "Decide to run\nResearch shoes\nBuy\nFirst run",
            Value = map.Stages.Count > 0 ? string.Join('\n', map.Stages.Select(s => s.Name)) : null,
            IsMultiline = true,
            MaxLength = 1000,
        });
        var actions = new List<CardAction>
        {
            Button("Use the five-stage template", CardVerbs.Template, map),
            Button("Save these stages", CardVerbs.SetStages, map),
        };
        if (map.Stages.Count > 0)
        {
            actions.Add(Button("Continue", CardVerbs.Next, map) with { Style = "positive" });
        }

        actions.Add(Button("Back", CardVerbs.Back, map));
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
