namespace JourneyBot.Conversation.Languages;

/// <summary>
/// The language of a team's posts (<c>language es|ro|en</c>, else the language of whoever first
/// started a map there), kept with the team's other settings. A chat outside a team is its own team.
/// </summary>
public interface ITeamLanguageStore
{
    /// <summary>The team's language code (<c>en</c>, <c>es</c>, <c>ro</c>), or null when none was set.</summary>
    Task<string?> GetAsync(string teamKey, CancellationToken cancellationToken);

    /// <summary>Sets the team's language code, replacing the one it had.</summary>
    Task PutAsync(string teamKey, string language, CancellationToken cancellationToken);
}
