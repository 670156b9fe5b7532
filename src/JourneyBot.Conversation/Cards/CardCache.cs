using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// Cards built once per change, not per viewer: each member who looks at a progress card or a
/// published map card makes Teams ask for the latest (a Universal Actions refresh), and each of
/// them used to build the same card again. A card is kept in a slot (what it is a card of, in which
/// language) with the version of what it was built from (the rows' ETags, the actions shown, the
/// day); a refresh whose inputs carry the same version answers the kept card, another version builds
/// and replaces it.
/// </summary>
/// <remarks>
/// <para>Nothing is read to find a card: the version is made of what the refresh reads anyway, so a
/// kept card costs no storage request, and a change shows at the next refresh because it changes
/// what is read. A card is what the same build would give for the same inputs: the key holds all
/// the inputs that are not in the version (culture for texts, numbers and dates).</para>
/// <para>Bounded: at most <see cref="Capacity"/> slots, the least recently used going first when it
/// is full. A slot holds one version, and every card is held to the 28 KB budget
/// (<see cref="MapCard.TargetBytes"/>, checked by the card size tests), so the memory is at most
/// <see cref="Capacity"/> × 28 KB (7 MB by default).</para>
/// <para>Kept cards are shared by turns and must not be changed: cards are immutable records, and a
/// card that differs per viewer is kept without the viewer's part, which is set on a copy
/// (<c>with</c>).</para>
/// </remarks>
/// <param name="capacity">How many slots are kept.</param>
public sealed class CardCache(int capacity = CardCache.DefaultCapacity)
{
    /// <summary>Slots kept by default: a progress card and a published map card or two for each of a few hundred active maps.</summary>
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<string, Kept> _slots = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private long _uses;
    private long _built;

    /// <summary>How many slots may be kept.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many slots are kept now.</summary>
    public int Count => _slots.Count;

    /// <summary>How many cards were built through this cache (kept or not): what tests count to see a card built once per change.</summary>
    public long Built => Interlocked.Read(ref _built);

    /// <summary>
    /// The card of <paramref name="slot"/> at <paramref name="version"/>: the one kept, or built by
    /// <paramref name="build"/> and kept. A null version (its inputs cannot say whether they changed)
    /// builds every time and keeps nothing.
    /// </summary>
    public AdaptiveCard GetOrBuild(string slot, string? version, Func<AdaptiveCard> build)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(build);
        // Kept as a hash: a version may list every action of a map or every counts row's ETag, and only
        // its equality matters, so a slot costs its card and 32 bytes whatever the version's length.
        var hashed = version is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(version)));
        if (hashed is not null && _slots.TryGetValue(slot, out var kept) && kept.Version == hashed)
        {
            kept.LastUse = Interlocked.Increment(ref _uses);
            return kept.Card;
        }

        var card = build();
        Interlocked.Increment(ref _built);
        if (hashed is not null)
        {
            Keep(slot, new Kept(hashed, card) { LastUse = Interlocked.Increment(ref _uses) });
        }

        return card;
    }

    /// <summary>
    /// A slot name of <paramref name="parts"/> and the turn's languages (texts, and numbers and dates):
    /// the same card is never answered in another language.
    /// </summary>
    public static string Slot(params string?[] parts) =>
        string.Concat(string.Join('\u001f', parts), "\u001f", CultureInfo.CurrentUICulture.Name, "\u001f", CultureInfo.CurrentCulture.Name);

    private void Keep(string slot, Kept kept)
    {
        _slots[slot] = kept;
        if (_slots.Count > Capacity)
        {
            Trim();
        }
    }

    // The least recently used quarter goes at once, so trimming is rare: a flood of maps costs
    // builds, never unbounded memory.
    private void Trim()
    {
        lock (_trimming)
        {
            var excess = _slots.Count - (Capacity * 3 / 4);
            if (excess <= 0)
            {
                return;
            }

            foreach (var (slot, _) in _slots.ToArray().OrderBy(s => s.Value.LastUse).Take(excess))
            {
                _slots.TryRemove(slot, out _);
            }
        }
    }

    private sealed record Kept(string Version, AdaptiveCard Card)
    {
        public long LastUse { get; set; }
    }
}
