using System.Collections.Concurrent;
using System.Globalization;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.Logging;

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
public sealed partial class TeamLanguages(ITeamLanguageStore? store, TimeProvider clock, ILogger<TeamLanguages>? logger = null)
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

        return (await ReadAsync(teamKey, cancellationToken)).Language;
    }

    /// <summary>The team's language as this instance keeps it, without reading storage; null when it keeps none.</summary>
    public CultureInfo? Kept(string teamKey) =>
        _kept.TryGetValue(teamKey, out var kept) && clock.GetUtcNow() - kept.Read < Lifetime ? kept.Language : null;

    /// <summary>
    /// The team's language and who chose it, read from storage (a decision on who may change it is
    /// not made on a kept copy); nulls when the team has none, or no one is known to have chosen it.
    /// </summary>
    public async Task<(CultureInfo? Language, Person? ChosenBy)> ReadAsync(string teamKey, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return (null, null);
        }

        var choice = await store.GetAsync(teamKey, cancellationToken);
        var language = BotLanguages.FromCode(choice?.Language);
        Keep(teamKey, language, clock.GetUtcNow());
        return (language, choice?.ChosenBy);
    }

    /// <summary>
    /// The language of work outside any turn for <paramref name="teamKey"/> (reminders, digests, the map
    /// page and exports, progress cards): the team's, English when it has none. The caller enters it
    /// itself (<c>using var _ = LanguageScope.Enter(await languages.LanguageOfAsync(team, ct));</c>): a
    /// culture set inside an async method is gone once it returns.
    /// </summary>
    public async Task<CultureInfo> LanguageOfAsync(string? teamKey, CancellationToken cancellationToken) =>
        (teamKey is null ? null : await GetAsync(teamKey, cancellationToken)) ?? BotLanguages.English;

    /// <summary>Sets the team's language, chosen by <paramref name="chosenBy"/>.</summary>
    public async Task SetAsync(string teamKey, CultureInfo language, Person chosenBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (store is null)
        {
            return;
        }

        var chosen = BotLanguages.Of(language);
        await store.PutAsync(teamKey, new TeamLanguageChoice(chosen.TwoLetterISOLanguageName, chosenBy), cancellationToken);
        Keep(teamKey, chosen, clock.GetUtcNow());
    }

    /// <summary>
    /// Gives the team its first language, that of whoever started its first map, after the map was
    /// placed: a failure to write it is logged, not thrown, so the map stands and the turn is answered
    /// (the team speaks each member's language until the next start or <c>language</c> sets one).
    /// </summary>
    public async Task SetDefaultAsync(string teamKey, CultureInfo language, Person starter, string? activityId, CancellationToken cancellationToken)
    {
        try
        {
            await SetAsync(teamKey, language, starter, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (logger is not null)
            {
                LogDefaultNotSet(logger, teamKey, activityId, ex.GetType().Name);
            }
        }
    }

    private void Keep(string teamKey, CultureInfo? language, DateTimeOffset read)
    {
        if (_kept.Count >= Capacity)
        {
            _kept.Clear();
        }

        _kept[teamKey] = (language, read);
    }

    [LoggerMessage(EventId = 4175, Level = LogLevel.Warning,
        Message = "Could not give team {TeamKey} the language of its first map's starter (activity {ActivityId}): {Error}; the map stands")]
    private static partial void LogDefaultNotSet(ILogger logger, string teamKey, string? activityId, string error);
}
