using System.Collections.Concurrent;
using JourneyBot.Conversation.Languages;

namespace JourneyBot.Testing;

/// <summary>The teams' languages in memory, for tests.</summary>
public sealed class InMemoryTeamLanguageStore : ITeamLanguageStore
{
    private readonly ConcurrentDictionary<string, TeamLanguageChoice> _languages = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<TeamLanguageChoice?> GetAsync(string teamKey, CancellationToken cancellationToken) =>
        Task.FromResult(_languages.TryGetValue(teamKey, out var choice) ? choice : null);

    /// <inheritdoc />
    public Task PutAsync(string teamKey, TeamLanguageChoice choice, CancellationToken cancellationToken)
    {
        _languages[teamKey] = choice;
        return Task.CompletedTask;
    }
}
