using System.Collections.Concurrent;
using System.Globalization;

namespace JourneyBot.Bench.Load.Sessions;

/// <summary>A Teams user: an MRI (<c>29:…</c>), a name, an Entra object id and the department they speak for.</summary>
internal sealed record Member(string Id, string Name, string AadObjectId, string Department);

/// <summary>
/// A Teams team whose General channel holds the sessions' threads: a facilitator from Marketing and
/// five colleagues from other departments. A few sessions share a team, as maps of one team do:
/// the team's shelf stays small, and members are asked their department once per team.
/// </summary>
internal sealed class Team
{
    /// <summary>How many sessions one team holds before the next team is used.</summary>
    public const int SessionsPerTeam = 8;

    private static readonly string[] Names =
    [
        "Alex Wilber", "Megan Bowen", "Adele Vance", "Isaiah Langer", "Lynne Robbins", "Diego Siciliani",
        "Grady Archie", "Lee Gu", "Nestor Wilke", "Patti Fernandez", "Pradeep Gupta", "Johanna Lorenz",
    ];

    private static readonly string[] Departments = ["Sales", "Customer Service", "Product", "Stores", "Finance"];

    private readonly ConcurrentDictionary<string, bool> _departmentsGiven = new(StringComparer.Ordinal);

    public Team(int number)
    {
        Number = number;
        var n = number.ToString(CultureInfo.InvariantCulture);
        Id = $"19:team-{n}@thread.tacv2";
        ChannelId = $"19:bench-{n}@thread.tacv2";
        Member Person(int i, string department) => new(
            $"29:user-{n}-{i.ToString(CultureInfo.InvariantCulture)}",
            Names[(number + i) % Names.Length],
            $"00000000-0000-4000-8000-{(number * 8 + i).ToString("x12", CultureInfo.InvariantCulture)}",
            department);
        Facilitator = Person(0, "Marketing");
        Members = [.. Departments.Select((department, i) => Person(i + 1, department))];
    }

    public int Number { get; }

    /// <summary>The team's id (<c>channelData.team.id</c>): the partition its maps live in.</summary>
    public string Id { get; }

    /// <summary>The General channel; each session is a thread in it.</summary>
    public string ChannelId { get; }

    public Member Facilitator { get; }

    public IReadOnlyList<Member> Members { get; }

    /// <summary>
    /// True the first time it is asked for <paramref name="member"/>: the bot asks a member's
    /// department once per team, so only that session answers the question.
    /// </summary>
    public bool FirstContributionOf(Member member) => _departmentsGiven.TryAdd(member.Id, true);
}
