using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Validation;

/// <summary>The rules of a validation round, as pure functions: what is asked, what an answer raises, when answers contradict.</summary>
public static class ValidationRules
{
    /// <summary>The departments closest to customers, asked until the facilitator names others.</summary>
    public static IReadOnlyList<string> DefaultDepartments =>
        [Strings.DepartmentCustomerService, Strings.DepartmentSales, Strings.DepartmentStores];

    /// <summary>
    /// The items to ask about: assumed ones of the map's stages, most-voted first (then in the
    /// map's stage order, oldest first, then by id), at most <see cref="ValidationRound.MostItems"/>.
    /// </summary>
    public static IReadOnlyList<MapItem> Questions(JourneyMap map, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        var tally = board.Tally();
        var order = map.Stages.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return [.. board.Items
            .Where(i => i.Evidence == Evidence.Assumed && order.ContainsKey(i.StageId))
            .OrderByDescending(i => tally.GetValueOrDefault(i.Id))
            .ThenBy(i => order[i.StageId])
            .ThenBy(i => i.CreatedAt)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .Take(ValidationRound.MostItems)];
    }

    /// <summary>
    /// The evidence <paramref name="verdict"/> raises an item of <paramref name="current"/> evidence
    /// to, or null when it raises nothing: "Seen it" to observed, "Customers tell us" to reported;
    /// evidence is never lowered by an answer.
    /// </summary>
    public static Evidence? Raised(Evidence current, Verdict verdict) => verdict switch
    {
        Verdict.SeenIt when current != Evidence.Observed => Evidence.Observed,
        Verdict.CustomersTellUs when current == Evidence.Assumed => Evidence.Reported,
        _ => null,
    };

    /// <summary>The strongest of two evidence levels (observed, then reported, then assumed).</summary>
    public static Evidence Strongest(Evidence a, Evidence b) => (Evidence)Math.Min((int)a, (int)b);

    /// <summary>The departments whose members answered "Not true" about <paramref name="itemId"/>; two or more make a contradiction.</summary>
    public static IReadOnlyList<string> Denying(IEnumerable<ValidationAsk> asks, string itemId)
    {
        ArgumentNullException.ThrowIfNull(asks);
        return [.. asks.Where(a => a.Answers.TryGetValue(itemId, out var answer) && answer.Verdict == Verdict.NotTrue)
            .Select(a => a.Department)
            .Aggregate(new List<string>(), (seen, d) =>
            {
                if (!seen.Any(s => Departments.Same(s, d)))
                {
                    seen.Add(d);
                }

                return seen;
            })];
    }

    /// <summary>Whether the answers about <paramref name="itemId"/> contradict it: "Not true" from two departments or more.</summary>
    public static bool Contradicted(IEnumerable<ValidationAsk> asks, string itemId) => Denying(asks, itemId).Count >= 2;

    /// <summary>The name members see for <paramref name="verdict"/>.</summary>
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.SeenIt => Strings.VerdictSeenIt,
        Verdict.CustomersTellUs => Strings.VerdictCustomersTellUs,
        Verdict.NotTrue => Strings.VerdictNotTrue,
        _ => Strings.VerdictDontKnow,
    };
}
