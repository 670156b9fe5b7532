using System.Security.Cryptography;
using System.Text;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// The authors of an anonymous round's items: "Someone in Sales", with an id that is a keyed hash
/// of the member's id under the round's secret salt. The member (who knows their own id) can still
/// find their items to undo, edit or remove them; nobody reading the map, its cards, its page, its
/// exports or the logs can tell who wrote what, the facilitator included.
/// </summary>
public static class AnonymousAuthors
{
    private const string Prefix = "anon:";

    /// <summary>A new round's salt: random, kept on the round's row only.</summary>
    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The author an item of <paramref name="round"/> by <paramref name="member"/> (of <paramref name="department"/>) shows.</summary>
    public static Person For(Round round, Person member, string? department)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(member);
        return new Person(IdOf(round, member.Id), Strings.AnonymousAuthor.Fill(("department", department ?? Strings.DepartmentNotGiven)));
    }

    /// <summary>Whether an author is anonymous.</summary>
    public static bool IsAnonymous(Person author) => author?.Id.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The author id <paramref name="memberId"/>'s items in <paramref name="round"/> carry.</summary>
    public static string IdOf(Round round, string memberId)
    {
        ArgumentNullException.ThrowIfNull(round);
        var salt = Convert.FromBase64String(round.Salt ?? throw new InvalidOperationException("An anonymous round has no salt."));
        var hash = HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(memberId));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>
    /// Every author id <paramref name="memberId"/>'s items of <paramref name="map"/> may carry: their
    /// own, and one per anonymous round of the map (read only for a map that sent rounds).
    /// </summary>
    public static async Task<IReadOnlySet<string>> OwnedByAsync(IRoundStore rounds, string teamKey, JourneyMap map, string memberId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(map);
        var ids = new HashSet<string>(StringComparer.Ordinal) { memberId };
        for (var number = 1; number <= map.LatestRound; number++)
        {
            if (await rounds.GetAsync(teamKey, map.Id, number, cancellationToken) is { Anonymous: true, Salt: not null } round)
            {
                ids.Add(IdOf(round, memberId));
            }
        }

        return ids;
    }
}
