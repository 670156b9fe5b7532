namespace JourneyBot.Conversation.Stages;

/// <summary>
/// For a host without a template store (benchmarks): the team has no templates of its own and can
/// keep none. The bot's hosts register the store with the map store (<c>AddTableMapStore</c>).
/// </summary>
internal sealed class NoStageTemplates : IStageTemplateStore
{
    public Task<IReadOnlyList<StageTemplate>> ListAsync(string teamKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StageTemplate>>([]);

    public Task PutAsync(string teamKey, StageTemplate stageSet, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No stage template store is registered.");

    public Task<bool> DeleteAsync(string teamKey, string name, CancellationToken cancellationToken) => Task.FromResult(false);
}
