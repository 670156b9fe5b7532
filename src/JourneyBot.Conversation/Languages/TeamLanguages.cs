using System.Collections.Concurrent;
using System.Globalization;

namespace JourneyBot.Conversation.Languages;

/// <summary>
/// The teams' languages as this instance last read or wrote them: a turn needs its team's language
/// before it reads anything else (to read the words typed, even overheard), so a read is kept for
/// <see cref="Lifetime"/> and a busy channel costs one read of it per lifetime, not one per message.
/// </summary>
/// <remarks>
/// With several instances, a language set on one is seen by the others within <see cref="Lifetime"/>;
/// the instance that set it speaks it at once. At most <see cref="Capacity"/> teams are kept; beyond
/// that the kept reads are dropped and read again. Without a store every team speaks the language of
/// each turn's member.
/// </remarks>
public sealed class TeamLanguages(ITeamLanguageStore? store, TimeProvider clock)
{
    /// <summary>How long a read of a team's language is used.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(2);

    /// <summary>How many teams' languages are kept at most.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, (CultureInfo? Language, DateTimeOffset Read)> _kept = new(StringComparer.Ordinal);

    /// <summary>The team's language, or null when it has none yet.</summary>
    public async Task<CultureInfo?> GetAsync(string teamKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (store is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(teamKey, out var kept) && now - kept.Read < Lifetime)
        {
            return kept.Language;
        }

        var language = BotLanguages.FromCode(await store.GetAsync(teamKey, cancellationToken));
        Keep(teamKey, language, now);
        return language;
    }

    /// <summary>The team's language as this instance keeps it, without reading storage; null when it keeps none.</summary>
    public CultureInfo? Kept(string teamKey) =>
        _kept.TryGetValue(teamKey, out var kept) && clock.GetUtcNow() - kept.Read < Lifetime ? kept.Language : null;

    /// <summary>
    /// The language of work outside any turn for <paramref name="teamKey"/> (reminders, digests, the map
    /// page and exports, progress cards): the team's, English when it has none. The caller enters it
    /// itself (<c>using var _ = LanguageScope.Enter(await languages.LanguageOfAsync(team, ct));</c>): a
    /// culture set inside an async method is gone once it returns.
    /// </summary>
    public async Task<CultureInfo> LanguageOfAsync(string? teamKey, CancellationToken cancellationToken) =>
        (teamKey is null ? null : await GetAsync(teamKey, cancellationToken)) ?? BotLanguages.English;

    /// <summary>Sets the team's language.</summary>
    public async Task SetAsync(string teamKey, CultureInfo language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (store is null)
        {
            return;
        }

        var chosen = BotLanguages.Of(language);
        await store.PutAsync(teamKey, chosen.TwoLetterISOLanguageName, cancellationToken);
        Keep(teamKey, chosen, clock.GetUtcNow());
    }

    private void Keep(string teamKey, CultureInfo? language, DateTimeOffset read)
    {
        if (_kept.Count >= Capacity)
        {
            _kept.Clear();
        }

        _kept[teamKey] = (language, read);
    }
}
