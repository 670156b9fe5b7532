using System.Collections.Concurrent;
using JourneyBot.Conversation.Languages;

namespace JourneyBot.Testing;

/// <summary>The teams' languages in memory, for tests.</summary>
public sealed class InMemoryTeamLanguageStore : ITeamLanguageStore
{
    private readonly ConcurrentDictionary<string, string> _languages = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string?> GetAsync(string teamKey, CancellationToken cancellationToken) =>
        Task.FromResult(_languages.TryGetValue(teamKey, out var language) ? language : null);

    /// <inheritdoc />
    public Task PutAsync(string teamKey, string language, CancellationToken cancellationToken)
    {
        _languages[teamKey] = language;
        return Task.CompletedTask;
    }
}
