using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// Who a round asks about what: each member about the stages routed to their department; a member
/// whose department is not known is asked it first; the facilitator, who sends the round, and
/// members who answered an earlier round are not asked.
/// </summary>
/// <param name="Asks">One per member asked.</param>
/// <param name="NoStages">Members whose department is asked about no stage.</param>
public sealed record RoundPlan(IReadOnlyList<RoundAsk> Asks, IReadOnlyList<RosterMember> NoStages)
{
    /// <summary>The most members a round may ask.</summary>
    public const int MostMembers = 500;

    /// <summary>The departments asked (known ones).</summary>
    public IReadOnlyList<string> DepartmentsAsked =>
        [.. Asks.Select(a => a.Department).OfType<string>().DistinctBy(d => d.ToUpperInvariant())];

    /// <summary>The plan for <paramref name="roster"/> given the routing of a round of <paramref name="map"/>.</summary>
    public static RoundPlan For(JourneyMap map, IReadOnlyDictionary<string, IReadOnlyList<string>> routing,
        IReadOnlyList<RosterMember> roster, ISet<string> answeredBefore)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(answeredBefore);
        var asks = new List<RoundAsk>();
        var noStages = new List<RosterMember>();
        foreach (var member in roster.Where(m => m.Person.Id != map.Facilitator.Id && !answeredBefore.Contains(m.Person.Id)))
        {
            var stages = member.Department is { } department
                ? map.Stages.Select(s => s.Id).Where(id => routing.TryGetValue(id, out var ds) && ds.Any(d => Departments.Same(d, department))).ToList()
                : [];
            if (member.Department is not null && stages.Count == 0)
            {
                noStages.Add(member);
                continue;
            }

            asks.Add(new RoundAsk
            {
                Member = member.Person,
                TeamsId = member.TeamsId,
                Department = member.Department,
                StageIds = stages,
                TimeZone = member.TimeZone,
                State = member.Department is null ? AskState.NeedsDepartment : AskState.Asked,
            });
        }

        return new RoundPlan(asks, noStages);
    }
}
