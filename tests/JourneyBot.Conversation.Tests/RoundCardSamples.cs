using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Every card of a round of questions for a map: the facilitator's routing card (fresh, refused,
/// sent), a member's question card (with and without colleagues to suggest, after an add), the
/// department-first card and the progress card with the round's grid.
/// </summary>
internal static class RoundCardSamples
{
    public const string Sent = "routing sent";

    /// <summary>
    /// The cards for <paramref name="map"/> (at the contributions) with <paramref name="departments"/>
    /// each asked about every stage, and <paramref name="members"/> members (one in ten of unknown department).
    /// </summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> For(JourneyMap map, MapBoard board, IReadOnlyList<string> departments, int members)
    {
        var zone = RoundTime.Zone("Europe/Bucharest");
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var routing = map.Stages.ToDictionary(s => s.Id, _ => (IReadOnlyList<string>)[.. departments]);
        var roster = Enumerable.Range(1, members)
            .Select(i => new RosterMember(new Person($"member-{i}", $"Member {i} " + new string('m', 20)), $"29:member-{i}",
                i % 10 == 0 ? null : departments[i % departments.Count], zone.Id))
            .ToList();
        var draft = new RoutingDraft(departments, routing, RoundTime.DefaultDeadline(now, zone), zone, Anonymous: false, ReviewAtDeadline: true);
        var round = new Round
        {
            MapId = map.Id, Number = 1, ConversationKey = map.ConversationKey, Facilitator = map.Facilitator, Routing = routing,
            Deadline = draft.Deadline, TimeZone = zone.Id, SentAt = now, ServiceUrl = "https://smba.trafficmanager.net/emea/",
        };
        var key = new RoundKey("19:team@thread.tacv2", map.Id, round.Number);
        var plan = RoundPlan.For(map, routing, roster, new HashSet<string>());
        var asks = plan.Asks.Select((a, i) => (i % 7) switch
        {
            1 => a with { State = AskState.Answered, Added = 2 },
            2 => a with { State = AskState.NothingToAdd },
            3 => a with { State = AskState.CannotReach },
            4 => a with { State = AskState.Suggested, Suggested = plan.Asks[0].Member },
            _ => a,
        }).ToList();
        var ask = plan.Asks.First(a => a.Department is not null);
        var others = plan.Asks.Select(a => a.Member).ToList();
        var due = RoundTime.Show(round.Deadline, now, zone);
        var added = Strings.QuestionAdded.Fill(("added", "✔ Added pain point [k3f9q] to Consideration."), ("count", 1));

        yield return ("routing", RoutingCard.For(map, draft, roster));
        yield return ("routing refused", RoutingCard.For(map, draft, roster, "⚠ " + Strings.RoundDeadlinePassed));
        yield return (Sent, RoutingCard.Sent(map, round, plan, due));
        yield return ("question", QuestionCard.For(map, round, key, ask, due, others));
        yield return ("question without colleagues", QuestionCard.For(map, round, key, ask, due, []));
        yield return ("question after an add", QuestionCard.For(map, round, key, ask with { State = AskState.Answered, Added = 1 }, due, others,
            added, ask.StageIds[^1], ItemKind.PainPoint));
        yield return ("question department first", QuestionCard.AskDepartment(map, round, key, due));
        yield return ("progress with a round", ProgressCard.For(map, board, new RoundView(round, asks, due)));
    }
}
