using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

// The example map: the running-shoes journey of seed 004, built by playing a session through the
// same turns, validation and storage as a real one.
public sealed partial class JourneyConversation
{
    private static readonly Person Marta = new("example:marta", "Marta (example)");
    private static readonly Person Dan = new("example:dan", "Dan (example)");
    private static readonly Person Sofia = new("example:sofia", "Sofia (example)");
    private static readonly Person Ioana = new("example:ioana", "Ioana (example)");

    private static readonly (Person? Who, string Says)[] DemoScript =
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
        (Marta, "touchpoint Consideration | blog | Searches “best running shoes for beginners” and lands on review blogs | observed"),
        (Marta, "touchpoint Consideration | social | Running influencers on Instagram | reported"),
        (Dan, "touchpoint Consideration | word of mouth | Asks friends who run | reported"),
        (Dan, "touchpoint Consideration | store | Asks in a sports store | observed"),
        (Marta, "goal Consideration | Avoid injuries and not overspend"),
        (Sofia, "pain Consideration | Jargon (drop, pronation) she does not understand | reported"),
        (Marta, "emotion Consideration | 1 | motivated"),
        (Sofia, "emotion Consideration | 0 | unsure"),
        (Marta, "opportunity Consideration | A beginners' running blog and advice corner | Marketing"),
        (Dan, "opportunity Consideration | A referral plan for running-club members | Sales"),
        (Ioana, "touchpoint Evaluation | website | Compares three shortlisted models on the product pages | observed"),
        (Dan, "touchpoint Evaluation | store | Tries the shoes on and runs on the treadmill | observed"),
        (Sofia, "touchpoint Evaluation | whatsapp | Asks the shop about sizes on WhatsApp | reported"),
        (Ioana, "action Evaluation | Reads reviews and compares prices"),
        (Sofia, "pain Evaluation | The size guide contradicts the in-store fitting | reported"),
        (Ioana, "pain Evaluation | Cannot filter by running surface | observed"),
        (Ioana, "emotion Evaluation | -1 | overwhelmed"),
        (Sofia, "emotion Evaluation | -2 | frustrated"),
        (Ioana, "opportunity Evaluation | Fit finder that learns from returns | Product"),
        (Dan, "opportunity Evaluation | Rebates for partner sports stores that recommend us | Sales"),
        (Dan, "touchpoint Purchase | app | Buys in the app with a first-run discount | observed"),
        (Sofia, "touchpoint Purchase | email | Order confirmation and delivery updates | observed"),
        (Sofia, "pain Purchase | Delivery window too vague | reported"),
        (Dan, "emotion Purchase | 1 | relieved"),
        (Sofia, "opportunity Purchase | Same-day pick-up in store | Customer Service"),
        (Marta, "touchpoint First run | social | Shares the first run on Strava | reported"),
        (Ioana, "touchpoint First run | app | Logs the run and rates the shoes | assumed"),
        (Marta, "emotion First run | 2 | proud"),
        (Ioana, "emotion First run | 2 | hooked"),
        (Marta, "opportunity First run | First-run challenge with a reward for the second pair | Marketing"),
        (null, "next"),
        (Marta, "vote {Fit finder} {Same-day}"),
        (Dan, "vote {Fit finder} {size guide} {Rebates}"),
        (Sofia, "vote {size guide} {Fit finder} {Delivery window}"),
        (Ioana, "vote {Fit finder} {filter}"),
        (null, "publish"),
    ];

    private async Task<TurnOutcome> DemoAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var current = await store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        if (current?.Map.Status == MapStatus.Active)
        {
            return new TurnOutcome().Say($"“{Markdown.Escape(current.Map.Name)}” is being mapped here. " +
                "Type **demo** in another chat (a 1:1 chat with me works), or archive this map first.");
        }

        var maps = await store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken);
        var name = "Example: first running shoes";
        for (var n = 2; maps.Any(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)); n++)
        {
            name = $"Example: first running shoes ({n})";
        }

        var outcome = await StartAsync(Step(turn, 0, turn.From, string.Empty), new StartCommand(name, Example: true), cancellationToken);
        for (var i = 0; i < DemoScript.Length; i++)
        {
            var (who, says) = DemoScript[i];
            var text = says.Contains('{', StringComparison.Ordinal) ? await ResolveVotesAsync(turn, says, cancellationToken) : says;
            outcome = await HandleAsync(Step(turn, i + 1, who ?? turn.From, text), cancellationToken);
        }

        var result = new TurnOutcome().Say(
            $"Here is an example of what your team works towards: the journey of a new runner buying her first shoes, " +
            $"mapped by four departments. {Markdown.Escape(turn.From.Name)} facilitates it; type **start** and a name to map your own.");
        result.Messages.AddRange(outcome.Messages);
        return result;
    }

    // Each step of the example is a turn of its own, with an activity id derived from the demo's,
    // so a redelivered "demo" adds nothing twice.
    private static UserTurn Step(UserTurn demo, int index, Person who, string text) =>
        new(demo.Scope, who, $"{demo.ActivityId}/demo/{index}", text);

    // "{size guide}" names the item whose text contains those words.
    private async Task<string> ResolveVotesAsync(UserTurn turn, string says, CancellationToken cancellationToken)
    {
        var map = await store.GetConversationMapAsync(turn.Scope, cancellationToken);
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map!.Map.Id, cancellationToken);
        var words = says.Split('{', '}').Where((_, i) => i % 2 == 1);
        var ids = words.Select(w => board.Items.First(i => i.Text.Contains(w, StringComparison.OrdinalIgnoreCase)
            && i.Kind is ItemKind.PainPoint or ItemKind.Opportunity).Id);
        return "vote " + string.Join(' ', ids);
    }
}
