namespace JourneyBot.Conversation.Stages;

/// <summary>
/// The stage sets a team saved (<c>save stages as &lt;name&gt;</c>) for its next maps. They belong to
/// the team, not to a map: deleting a map leaves them, <c>delete template &lt;name&gt;</c> removes one.
/// </summary>
public interface IStageTemplateStore
{
    /// <summary>The team's templates, by name (ordinal, ignoring case); empty when it saved none.</summary>
    Task<IReadOnlyList<StageTemplate>> ListAsync(string teamKey, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="stageSet"/> for the team, replacing one of the same name (ignoring case).</summary>
    Task PutAsync(string teamKey, StageTemplate stageSet, CancellationToken cancellationToken);

    /// <summary>Removes the team's template of that name (ignoring case); false when it has none.</summary>
    Task<bool> DeleteAsync(string teamKey, string name, CancellationToken cancellationToken);
}
