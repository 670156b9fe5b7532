using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Languages;

/// <summary>
/// The language of a team's posts (<c>language es|ro|en</c>, else the language of whoever first
/// started a map there), kept with the team's other settings. A chat outside a team is its own team.
/// </summary>
public interface ITeamLanguageStore
{
    /// <summary>The team's language and who chose it, or null when none was set.</summary>
    Task<TeamLanguageChoice?> GetAsync(string teamKey, CancellationToken cancellationToken);

    /// <summary>Sets the team's language and who chose it, replacing what it had.</summary>
    Task PutAsync(string teamKey, TeamLanguageChoice choice, CancellationToken cancellationToken);
}

/// <summary>A team's language and who chose it.</summary>
/// <param name="Language">Its code: <c>en</c>, <c>es</c> or <c>ro</c>.</param>
/// <param name="ChosenBy">
/// Who chose it (with <c>language</c>, or by starting the team's first map): where no map is, they may
/// change it. Null for a language stored before this was kept: anyone where no map is, as then.
/// </param>
public sealed record TeamLanguageChoice(string Language, Person? ChosenBy);
