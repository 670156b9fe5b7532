using JourneyBot.Conversation.Stages;

namespace JourneyBot.Testing;

/// <summary>The team's stage templates in memory, for the conversation's tests: the contract the table store keeps.</summary>
public sealed class InMemoryStageTemplateStore : IStageTemplateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, StageTemplate>> _teams = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<StageTemplate>> ListAsync(string teamKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StageTemplate> templates = _teams.TryGetValue(teamKey, out var team)
                ? [.. team.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)]
                : [];
            return Task.FromResult(templates);
        }
    }

    /// <inheritdoc />
    public Task PutAsync(string teamKey, StageTemplate stageSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stageSet);
        lock (_gate)
        {
            if (!_teams.TryGetValue(teamKey, out var team))
            {
                _teams[teamKey] = team = new Dictionary<string, StageTemplate>(StringComparer.OrdinalIgnoreCase);
            }

            team.Remove(stageSet.Name);
            team[stageSet.Name] = stageSet with { IsTeams = true };
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string teamKey, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return Task.FromResult(_teams.TryGetValue(teamKey, out var team) && team.Remove(name.Trim()));
        }
    }
}
