using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// The example map: the running-shoes journey of seed 004, as four departments would map it.
/// "{size guide}" in a vote, an <c>act</c> or a <c>park</c> names the item whose text contains those words (in a
/// <c>truth</c>, the touchpoint);
/// "{in 6 weeks}" is the day six weeks from the demo's, and "{me}" whoever asked for the demo.
/// </summary>
internal static class DemoScript
{
    private static readonly Person Marta = new("example:marta", "Marta (example)");
    private static readonly Person Dan = new("example:dan", "Dan (example)");
    private static readonly Person Sofia = new("example:sofia", "Sofia (example)");
    private static readonly Person Ioana = new("example:ioana", "Ioana (example)");

    /// <summary>
    /// Who says what, in order; null is whoever asked for the demo, who facilitates. Every item says
    /// how its author knows it, as members are asked to: an example shows no "not said yet".
    /// </summary>
    public static IReadOnlyList<(Person? Who, string Says)> Lines { get; } =
    [
        (null, "Get new runners to buy their first running shoes from us, online or in store"),
        (null, "Ana, 34, has decided to start running to get fit; price-aware, asks friends, shops on her phone"),
        (null, "Decides to start running"),
        (null, "First run in the new shoes"),
        (null, "Consideration, Evaluation, Purchase, First run"),
        (null, "next"),
        (Marta, "department Marketing"),
        (Dan, "department Sales"),
        (Sofia, "department Customer Service"),
        (Ioana, "department Product"),
        // What Ana expects in each stage and what moves her on: anyone may say it.
        (Marta, "expects Consideration | Honest advice for a beginner, without jargon"),
        (Dan, "moves on Consideration | Has a shortlist of two or three models"),
        (Ioana, "expects Evaluation | To try the shoes on and compare prices easily"),
        (Dan, "moves on Evaluation | Picks one model in her size"),
        (Sofia, "expects Purchase | A clear delivery day and easy returns"),
        (Sofia, "moves on Purchase | The shoes arrive, or she picks them up in store"),
        (Marta, "expects First run | Comfortable shoes from the first kilometre"),
        (Marta, "moves on First run | Goes out for a second run"),
        (Marta, "touchpoint Consideration | blog | Searches “best running shoes for beginners” and lands on review blogs | observed"),
        (Marta, "touchpoint Consideration | social | Running influencers on Instagram | reported"),
        (Dan, "touchpoint Consideration | word of mouth | Asks friends who run | reported"),
        (Dan, "touchpoint Consideration | store | Asks in a sports store | observed"),
        (Marta, "goal Consideration | Avoid injuries and not overspend | reported"),
        (Marta, "thought Consideration | Am I a real runner, or will I give up in a month? | reported"),
        (Dan, "bright spot Consideration | Store staff who run themselves give honest advice | observed"),
        (Sofia, "pain Consideration | Jargon (drop, pronation) she does not understand | reported"),
        (Marta, "emotion Consideration | 1 | motivated | reported"),
        (Sofia, "emotion Consideration | 0 | unsure | reported"),
        (Marta, "opportunity Consideration | A beginners' running blog and advice corner | Marketing | assumed"),
        (Dan, "opportunity Consideration | A referral plan for running-club members | Sales | assumed"),
        (Ioana, "touchpoint Evaluation | website | Compares three shortlisted models on the product pages | observed"),
        (Dan, "touchpoint Evaluation | store | Tries the shoes on and runs on the treadmill | observed"),
        (Sofia, "touchpoint Evaluation | whatsapp | Asks the shop about sizes on WhatsApp | reported"),
        (Ioana, "action Evaluation | Reads reviews and compares prices | observed"),
        (Ioana, "thought Evaluation | Will these still fit after ten kilometres? | reported"),
        (Dan, "bright spot Evaluation | A run on the in-store treadmill settles the choice | observed"),
        (Sofia, "pain Evaluation | The size guide contradicts the in-store fitting | reported"),
        (Ioana, "pain Evaluation | Cannot filter by running surface | observed"),
        (Ioana, "emotion Evaluation | -1 | overwhelmed | reported"),
        (Sofia, "emotion Evaluation | -2 | frustrated | reported"),
        (Ioana, "opportunity Evaluation | Fit finder that learns from returns | Product | assumed"),
        (Dan, "opportunity Evaluation | Rebates for partner sports stores that recommend us | Sales | assumed"),
        (Dan, "touchpoint Purchase | app | Buys in the app with a first-run discount | observed"),
        (Sofia, "touchpoint Purchase | email | Order confirmation and delivery updates | observed"),
        (Sofia, "pain Purchase | Delivery window too vague | reported"),
        (Dan, "bright spot Purchase | The first-run discount applies in the app without a code | observed"),
        (Dan, "emotion Purchase | 1 | relieved | reported"),
        (Sofia, "opportunity Purchase | Same-day pick-up in store | Customer Service | assumed"),
        (Marta, "touchpoint First run | social | Shares the first run on Strava | reported"),
        (Ioana, "touchpoint First run | app | Logs the run and rates the shoes | assumed"),
        (Marta, "emotion First run | 2 | proud | reported"),
        (Ioana, "emotion First run | 2 | hooked | reported"),
        (Marta, "opportunity First run | First-run challenge with a reward for the second pair | Marketing | assumed"),
        // The touchpoints that make or break the journey: "{treadmill}" in a truth names a touchpoint.
        (null, "truth {runs on the treadmill}"),
        (null, "truth {Buys in the app}"),
        (null, "truth {Asks friends}"),
        (null, "next"),
        (Marta, "vote {Fit finder} {Same-day}"),
        (Dan, "vote {Fit finder} {size guide} {Rebates}"),
        (Sofia, "vote {size guide} {Fit finder} {Delivery window}"),
        (Ioana, "vote {Fit finder} {filter}"),
        // The top-voted opportunities become actions or wait, as publishing asks; {me} is whoever asked for the demo.
        (Ioana, "act {Fit finder} {me} by {in 6 weeks} | returns for the wrong size: 14% → 8%"),
        (Sofia, "act {Same-day} Sofia by {in 4 weeks} | orders picked up the same day: 0%"),
        (Dan, "park {Rebates} partner contracts come first, next quarter"),
        (null, "publish"),
    ];
}
