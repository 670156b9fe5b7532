using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;

namespace JourneyBot.Conversation.Stages;

/// <summary>
/// Puts the team's own templates first in the template list of a stages card a turn shows. The
/// card is built without storage (<see cref="SessionCards"/> offers the bot's templates), wherever
/// a turn shows it (the step's card, a refusal on it, a repeat); this reads the team's templates
/// only for a turn that shows one, so the turns of a busy contribution phase cost nothing more.
/// </summary>
internal sealed class TeamTemplateOffer(IStageTemplateStore templates)
{
    /// <summary>Rewrites the template list of every stages card in <paramref name="outcome"/> with the team's templates first.</summary>
    public async Task AddTeamTemplatesAsync(string teamKey, TurnOutcome outcome, CancellationToken cancellationToken)
    {
        if (!Shows(outcome))
        {
            return;
        }

        var list = SessionCards.TemplateList(StageTemplates.Offered(await templates.ListAsync(teamKey, cancellationToken)));
        if (outcome.CardUpdate is { } update)
        {
            outcome.CardUpdate = update with { Body = Replace(update.Body, list) };
        }

        for (var i = 0; i < outcome.Messages.Count; i++)
        {
            if (outcome.Messages[i].Card is { } card)
            {
                outcome.Messages[i] = outcome.Messages[i] with { Card = card with { Body = Replace(card.Body, list) } };
            }
        }
    }

    private static bool Shows(TurnOutcome outcome) =>
        outcome.Messages.Select(m => m.Card).Append(outcome.CardUpdate).OfType<AdaptiveCard>().Any(c => Has(c.Body));

    private static bool Has(IReadOnlyList<CardElement> elements) =>
        elements.Any(e => e is InputChoiceSet { Id: CardVerbs.TemplateKey } || e is Container c && Has(c.Items));

    private static List<CardElement> Replace(IReadOnlyList<CardElement> elements, InputChoiceSet list) =>
    [
        .. elements.Select(e => e switch
        {
            InputChoiceSet { Id: CardVerbs.TemplateKey } => list,
            Container c => c with { Items = Replace(c.Items, list) },
            _ => e,
        }),
    ];
}
