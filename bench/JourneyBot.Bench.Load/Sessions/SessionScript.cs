using static JourneyBot.Bench.Load.Sessions.Phrases;

namespace JourneyBot.Bench.Load.Sessions;

/// <summary>
/// A whole session as Teams delivers it, start to publish: the facilitator sets the map up on its
/// card, members from different departments add every kind of item (mostly with the contribute card,
/// some typed, some from clients that fall back to Action.Submit, and a burst of everyone typing at
/// once), someone looks at the progress card, the facilitator asks for the status, opens the review,
/// members vote, and the facilitator publishes.
/// </summary>
/// <remarks>
/// Card data carries what the bot's buttons carry (verb, map, step) merged with every input of the
/// card, empty ones as empty strings, as Teams sends them. See src/JourneyBot.Conversation/Cards.
/// </remarks>
internal static class SessionScript
{
    private const string Contribute = "Contribute";

    /// <summary>The steps of <paramref name="session"/>.</summary>
    public static IReadOnlyList<Step> For(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var steps = new List<Step>();
        steps.AddRange(Setup(session));
        steps.AddRange(Contributions(session));
        steps.AddRange(Review(session));
        return steps;
    }

    private static IEnumerable<Step> Setup(Session session)
    {
        var f = session.Facilitator;
        yield return One(Phase.Setup, new Turn(TurnKind.Start, s => TeamsActivities.Typed(s, f, $"start {s.MapName}")));
        yield return One(Phase.Setup, Press(TurnKind.SetupCard, f, "answer", "Objective",
            new() { ["answer"] = "Raise the share of first-time buyers who buy again within 90 days" }, Card("Step 2 of 7")));
        yield return One(Phase.Setup, Press(TurnKind.SetupCard, f, "answer", "Persona",
            new() { ["answer"] = "Ana, 34, starting to run to get fit, price-aware, shops on her phone" }, Card("Step 3 of 7")));
        yield return One(Phase.Setup, new Turn(TurnKind.SetupSubmit,
            s => TeamsActivities.Submit(s, f, s.CardId, Data(s, "answer", "StartPoint", new() { ["answer"] = "Decides to start running" })))
        { PressesCard = true });
        yield return One(Phase.Setup, new Turn(TurnKind.SetupTyped, s => TeamsActivities.Typed(s, f, "First run in the new shoes")));
        yield return One(Phase.Setup, Press(TurnKind.Stages, f, "template", "Stages", [], Card("Stages: 1. Awareness")));
        yield return One(Phase.Setup, Press(TurnKind.OpenContributions, f, "next", "Stages", [], Card("add what you know"))
            with { Learn = (s, answer) => s.StageIds = CardReading.ChoiceValues(answer, "touchpoint.stage") });
    }

    private static IEnumerable<Step> Contributions(Session session)
    {
        var n = session.Number;
        for (var k = 0; k < session.Members.Count; k++)
        {
            var (i, m) = (k, session.Members[k]); // one variable per member: the lambdas below run later
            var at = n + i;
            yield return One(Phase.Contribute, Add(TurnKind.AddCard, m, "touchpoint", i, Pick(Touchpoints, at),
                channel: Pick(CardChannels, at), evidence: "observed"));
            if (session.Team.FirstContributionOf(m))
            {
                yield return One(Phase.Once, new Turn(TurnKind.Department,
                    s => TeamsActivities.Execute(s, m, s.Log.DepartmentCardId ?? s.CardId, "department",
                        Data(s, "department", Contribute, new() { ["department"] = m.Department })),
                    Card("remember it for this team")) { PressesCard = true });
            }

            var (score, word) = Pick(Emotions, at);
            yield return One(Phase.Contribute, Add(TurnKind.AddCard, m, "emotion", i + 1, word, score: score, evidence: "reported"));
            yield return One(Phase.Contribute, Add(TurnKind.AddCard, m, "pain", i + 2, Pick(PainPoints, at), evidence: "reported"));
            yield return One(Phase.Contribute, Add(TurnKind.AddSubmit, m, "opportunity", i + 2, Pick(Opportunities, at),
                owner: session.Members[(i + 1) % session.Members.Count].Department));
            yield return One(Phase.Contribute, new Turn(TurnKind.AddTyped, s => TeamsActivities.Typed(s, m, i % 2 == 0
                ? $"goal {Pick(Stages, i + 3)} | {Pick(Goals, at)}"
                : $"action {Pick(Stages, i + 3)} | {Pick(Actions, at)} | observed")));
        }

        var f = session.Facilitator;
        yield return One(Phase.Contribute, new Turn(TurnKind.AddTyped,
            s => TeamsActivities.Typed(s, f, $"opportunity Retention | {Pick(Opportunities, n + 3)} | Product | reported")));
        if (session.Team.FirstContributionOf(f))
        {
            yield return One(Phase.Once, new Turn(TurnKind.Department, s => TeamsActivities.Typed(s, f, $"department {f.Department}")));
        }

        var first = session.Members[0];
        yield return One(Phase.Contribute, new Turn(TurnKind.Refresh,
            s => TeamsActivities.Execute(s, first, s.Log.ProgressCardId ?? s.CardId, "progress", Data(s, "progress", Contribute, []), "automatic"),
            Card(null)) { PressesCard = true });
        yield return One(Phase.Contribute, new Turn(TurnKind.Status, s => TeamsActivities.Typed(s, f, "status")));

        // Everyone types at the same instant, twice: what makes the bot's sends into one thread bunch up.
        yield return new Step(Phase.Contribute, [.. session.Members.Select((m, i) => new Turn(TurnKind.AddBurst,
            s => TeamsActivities.Typed(s, m, $"touchpoint {Pick(Stages, n + i)} | {Pick(TypedChannels, n + i + 5)} | {Pick(Touchpoints, n + i + 5)}")))]);
        yield return new Step(Phase.Contribute, [.. session.Members.Select((m, i) => new Turn(TurnKind.AddBurst,
            s => TeamsActivities.Typed(s, m, $"pain {Pick(Stages, n + i + 1)} | {Pick(PainPoints, n + i + 3)} | observed")))]);
    }

    private static IEnumerable<Step> Review(Session session)
    {
        var f = session.Facilitator;
        yield return One(Phase.Review, Press(TurnKind.OpenReview, f, "next", Contribute, [], Card("Step 7 of 7: Review and vote"))
            with { Learn = (s, answer) => s.VoteChoices = CardReading.ChoiceValues(answer, "votes") });
        for (var k = 0; k < session.Members.Count; k++)
        {
            var (index, m) = (k, session.Members[k]);
            yield return One(Phase.Review, new Turn(TurnKind.Vote,
                s => TeamsActivities.Execute(s, m, s.CardId, "vote", Data(s, "vote", "Review", new() { ["votes"] = Votes(s, index) })),
                Card("voted for")) { PressesCard = true });
        }

        yield return One(Phase.Review, Press(TurnKind.Publish, f, "publish", "Review", [], Card("Published. The map is posted below"))
            with { Learn = (s, _) => s.Published = true });
    }

    // A member ticks three of the choices, each member a different three.
    private static string Votes(Session session, int member)
    {
        var choices = session.VoteChoices;
        return choices.Count == 0 ? string.Empty
            : string.Join(',', Enumerable.Range(member, Math.Min(3, choices.Count)).Select(i => choices[i % choices.Count]));
    }

    // An entry's Add button on the contribute card ("+ Touchpoint" …): the kind, and the entry's
    // inputs, named after it ("touchpoint.stage"); those it does not have stay empty.
    private static Turn Add(TurnKind kind, Member m, string itemKind, int stage, string text,
        string channel = "", string score = "", string owner = "", string evidence = "assumed")
    {
        Dictionary<string, string> Inputs(Session s) => new()
        {
            ["kind"] = itemKind, [$"{itemKind}.stage"] = s.StageIds.Count == 0 ? string.Empty : s.StageIds[stage % s.StageIds.Count],
            [$"{itemKind}.text"] = text, [$"{itemKind}.channel"] = channel, [$"{itemKind}.score"] = score, [$"{itemKind}.owner"] = owner,
            [$"{itemKind}.evidence"] = evidence,
        };
        return kind == TurnKind.AddSubmit
            ? new Turn(kind, s => TeamsActivities.Submit(s, m, s.CardId, Data(s, "add", Contribute, Inputs(s)))) { PressesCard = true }
            : new Turn(kind, s => TeamsActivities.Execute(s, m, s.CardId, "add", Data(s, "add", Contribute, Inputs(s))), Card("Added "))
            {
                PressesCard = true,
            };
    }

    private static Turn Press(TurnKind kind, Member who, string verb, string step, Dictionary<string, string> inputs, Expectation expect) =>
        new(kind, s => TeamsActivities.Execute(s, who, s.CardId, verb, Data(s, verb, step, inputs)), expect) { PressesCard = true };

    // What the bot's buttons carry (see CardParts.Button) merged with the card's inputs.
    private static Dictionary<string, string> Data(Session s, string verb, string step, Dictionary<string, string> inputs)
    {
        var data = new Dictionary<string, string>(inputs) { ["verb"] = verb, ["mapId"] = s.MapId, ["step"] = step };
        return data;
    }

    private static Expectation Card(string? contains) => new(Card: true, contains);

    private static Step One(Phase phase, Turn turn) => new(phase, [turn]);
}
