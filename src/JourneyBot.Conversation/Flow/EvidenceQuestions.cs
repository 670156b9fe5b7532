using System.Collections.Concurrent;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// When to ask a member how they know an item they typed without saying. The question is a post of
/// its own; in a busy thread (one with a progress card) that would be a post per item, so there it is
/// asked once per author and map, and the items after it wait quietly: the progress card counts them
/// and its "How do we know?" asks the presser about all of theirs at once. In a 1:1 chat, or a thread
/// without a progress card, each item is asked about where it was typed.
/// </summary>
internal sealed class EvidenceQuestions(IMapStore store)
{
    // The members being asked right now (team, member, map): a member's items typed at once ask once.
    // Held only between reading their row and writing it, so it stays as small as the turns in flight.
    private readonly ConcurrentDictionary<(string Team, string Member, string Map), byte> _asking = new();

    // The members this instance asked (team, member, map), so that a turn right after the asking one is
    // not decided on a copy of the row read before it was written (the store's recent copies). Bounded:
    // when full it starts again, and the rows still say who was asked.
    private readonly ConcurrentDictionary<(string Team, string Member, string Map), byte> _asked = new();
    private const int AskedKept = 10_000;

    /// <summary>The maps a member's row remembers being asked on: the latest ones (an older map asks once more, harmlessly).</summary>
    public const int MapsRemembered = 20;

    /// <summary>Whether <paramref name="turn"/> is in a thread whose progress card can count the unsaid items.</summary>
    public static bool InBusyThread(UserTurn turn, JourneyMap map) => map.ProgressActivityId is not null && !turn.IsPersonalChat;

    /// <summary>
    /// Whether to ask the turn's member now: the first time on this map, noted on their row in the same
    /// moment (the row was just read for their department, usually from the cache); false after that, and
    /// while another turn of theirs is asking. Another instance holding an older copy of the row may ask once more.
    /// </summary>
    public async Task<bool> FirstOnMapAsync(UserTurn turn, JourneyMap map, CancellationToken cancellationToken)
    {
        var key = (turn.Scope.TeamKey, turn.From.Id, map.Id);
        if (_asked.ContainsKey(key) || !_asking.TryAdd(key, 0))
        {
            return false;
        }

        try
        {
            var member = await store.GetMemberAsync(turn.Scope.TeamKey, turn.From.Id, cancellationToken) ?? TeamMember.New;
            if (member.EvidenceAskedOn.Contains(map.Id, StringComparer.Ordinal))
            {
                return false;
            }

            var asked = member with { EvidenceAskedOn = [.. member.EvidenceAskedOn.TakeLast(MapsRemembered - 1), map.Id] };
            await store.PutMemberAsync(turn.Scope.TeamKey, turn.From.Id, asked, MemberFields.EvidenceAskedOn, cancellationToken);
            if (_asked.Count >= AskedKept)
            {
                _asked.Clear();
            }

            _asked[key] = 0;
            return true;
        }
        finally
        {
            _asking.TryRemove(key, out _);
        }
    }

    /// <summary>The items of <paramref name="board"/> by the authors in <paramref name="own"/> that do not say yet how they are known, oldest first.</summary>
    public static IReadOnlyList<MapItem> Unsaid(MapBoard board, IReadOnlySet<string> own) =>
        [.. board.Items.Where(i => i.EvidenceUnsaid && own.Contains(i.Author.Id)).OrderBy(i => i.CreatedAt)];
}
