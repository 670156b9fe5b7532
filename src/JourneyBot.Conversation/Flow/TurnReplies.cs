using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>Answers that many commands share: the step's card, a refusal, where a finished map stands.</summary>
internal static class TurnReplies
{
    /// <summary>Whether <paramref name="turn"/> comes from the map's facilitator.</summary>
    public static bool IsFacilitator(UserTurn turn, JourneyMap map) => map.Facilitator.Id == turn.From.Id;

    /// <summary>
    /// The card of the map's step, with <paramref name="intro"/> (if any) under its title: in place
    /// of the step card that was pressed, or as a new message (a single post, its intro inside).
    /// </summary>
    public static TurnOutcome ShowStep(UserTurn turn, TurnOutcome outcome, JourneyMap map, string? note = null, MapBoard? board = null,
        string? intro = null)
    {
        var card = map.Step == MapStep.Review ? ReviewCard.For(map, board ?? MapBoard.Empty, note) : SessionCards.ForStep(map, note);
        if (intro is not null)
        {
            card = card with { Body = [card.Body[0], CardParts.Say(intro), .. card.Body.Skip(1)] };
        }

        if (turn.Submit is not null && !PressedOnProgressCard(turn))
        {
            outcome.CardUpdate = card;
        }
        else
        {
            outcome.Show(card);
        }

        return outcome;
    }

    /// <summary>Whether the turn is a press on the living progress card, which stays what it is whatever the button shows.</summary>
    public static bool PressedOnProgressCard(UserTurn turn) => turn.Submit?[CardVerbs.CardKey] == CardVerbs.ProgressCard;

    /// <summary>A problem told on the card when the member used one, else as a message.</summary>
    public static TurnOutcome Refuse(UserTurn turn, JourneyMap map, string problem)
    {
        var outcome = new TurnOutcome();
        if (turn.Submit is not null && !PressedOnProgressCard(turn) && map.Status == MapStatus.Active && map.Step != MapStep.Review)
        {
            outcome.CardUpdate = SessionCards.ForStep(map, "⚠ " + Markdown.Escape(problem));
            return outcome;
        }

        return outcome.Say(problem);
    }

    /// <summary>The answer to an activity that was already applied: show where the session is, change nothing.</summary>
    public static TurnOutcome Repeat(UserTurn turn, JourneyMap map)
    {
        var outcome = new TurnOutcome();
        if (map.Status == MapStatus.Active && map.Step != MapStep.Review)
        {
            var card = SessionCards.ForStep(map);
            if (turn.Submit is not null)
            {
                outcome.CardUpdate = card;
            }
            else
            {
                outcome.Show(card);
            }
        }

        return outcome;
    }

    /// <summary>Someone other than the facilitator tried to do <paramref name="action"/> (a FacilitatorAction text).</summary>
    public static TurnOutcome OnlyFacilitator(JourneyMap map, string action) => new TurnOutcome().Say(Strings.OnlyFacilitator.Fill(
        ("facilitator", Markdown.Escape(map.Facilitator.Name)), ("map", Markdown.Escape(map.Name)), ("action", action)));

    /// <summary>Where a map that is no longer being made stands, and what can be done.</summary>
    public static string NotActive(JourneyMap map) => map.Status switch
    {
        MapStatus.Published => Strings.NotActivePublished.Fill(("map", Markdown.Escape(map.Name))),
        MapStatus.Cancelled => Strings.NotActiveCancelled.Fill(("map", Markdown.Escape(map.Name))),
        _ => Strings.NotActiveArchived.Fill(("map", Markdown.Escape(map.Name))),
    };
}
