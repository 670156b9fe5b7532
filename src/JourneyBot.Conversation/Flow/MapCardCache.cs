using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// Published map cards built once per change, not per viewer: a refresh of a version whose card
/// was built moments ago answers with that card. A published version never changes, so its card
/// changes only with what is shown beside it: the actions, the related map, the hour (overdue
/// marks), whom the card refreshes for and the language of the turn; all are part of the key. Bounded in number.
/// </summary>
/// <remarks>
/// Also keeps each version's map (without its items, as JSON), so a refresh that finds its card
/// reads no part of the published version: the card's key needs only the map's header.
/// </remarks>
internal sealed class MapCardCache(TimeProvider clock, int capacity = MapCardCache.DefaultCapacity)
{
    /// <summary>How many cards are kept: at most 28 KB each.</summary>
    public const int DefaultCapacity = 256;

    private readonly ConcurrentDictionary<string, AdaptiveCard> _cards = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _maps = new(StringComparer.Ordinal);

    /// <summary>The map of published version <paramref name="version"/>, when it was read moments ago.</summary>
    public JourneyMap? MapOf(string teamKey, string mapId, int version) =>
        _maps.TryGetValue(Key(teamKey, mapId, version), out var json) ? JsonSerializer.Deserialize(json, MapJson.Storage.JourneyMap) : null;

    /// <summary>Keeps the map of a published version (a copy: the caller may change its own).</summary>
    public void KeepMap(string teamKey, string mapId, int version, JourneyMap map) =>
        Keep(_maps, Key(teamKey, mapId, version), JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap));

    /// <summary>The key of the card of <paramref name="version"/> shown with all that it shows besides the version.</summary>
    public string CardKey(string teamKey, string mapId, int version, MapCardIntro intro, string? teamsId, MapActions actions, RelatedMap? related)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var shown = new StringBuilder();
        foreach (var action in actions.Actions)
        {
            shown.Append(JsonSerializer.Serialize(action, MapJson.Storage.OwnedAction)).Append('\n');
        }

        foreach (var parked in actions.Parked)
        {
            shown.Append(JsonSerializer.Serialize(parked, MapJson.Storage.ParkedOpportunity)).Append('\n');
        }

        shown.Append(related).Append('\n').Append(clock.GetUtcNow().ToString("yyyy-MM-ddTHH", CultureInfo.InvariantCulture));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(shown.ToString())));
        return string.Join('\u001f', Key(teamKey, mapId, version), intro, teamsId, CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, hash);
    }

    /// <summary>The card kept under <paramref name="key"/>, or null.</summary>
    public AdaptiveCard? CardOf(string key) => _cards.GetValueOrDefault(key);

    /// <summary>Keeps <paramref name="card"/> under <paramref name="key"/>; cards are never changed once built.</summary>
    public void KeepCard(string key, AdaptiveCard card) => Keep(_cards, key, card);

    private static string Key(string teamKey, string mapId, int version) =>
        string.Join('\u001f', teamKey, mapId, version.ToString(CultureInfo.InvariantCulture));

    // When full, a quarter goes (any quarter): a flood of maps costs builds, never unbounded memory.
    private void Keep<T>(ConcurrentDictionary<string, T> kept, string key, T value)
    {
        if (kept.Count >= capacity)
        {
            foreach (var old in kept.Keys.Take(capacity / 4 + 1))
            {
                kept.TryRemove(old, out _);
            }
        }

        kept[key] = value;
    }
}
