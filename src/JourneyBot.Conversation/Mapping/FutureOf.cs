namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// What a future-state map designs against: the current state's map as it was published when the
/// future was started (<c>future</c>). Kept on the future map itself, so that its cards, page and
/// exports show the comparison without reading the other map; the current map keeps nothing of its
/// future (its cards find it by <see cref="FutureStates.IdOf"/>), so its versions stay as published.
/// </summary>
/// <param name="CurrentMapId">The current state's map.</param>
/// <param name="CurrentName">Its name when the future was started.</param>
/// <param name="CurrentVersion">The published version compared against (0 for a map published before versions were kept).</param>
public sealed record FutureOf(string CurrentMapId, string CurrentName, int CurrentVersion)
{
    /// <summary>The current state's feeling per stage id (stages without one are left out): the dashed curve.</summary>
    public IReadOnlyDictionary<string, double> Baseline { get; init; } = new Dictionary<string, double>();

    /// <summary>The current state's top pain points: what the future should remove.</summary>
    public IReadOnlyList<DesignPoint> Remove { get; init; } = [];

    /// <summary>The current state's top opportunities: the design targets.</summary>
    public IReadOnlyList<DesignPoint> Targets { get; init; } = [];
}

/// <summary>A pain point or opportunity of the current state, as the future map's brief lists it.</summary>
/// <param name="StageId">Its stage (the future map has the same stage ids).</param>
/// <param name="Text">What it said.</param>
/// <param name="Votes">The votes it had.</param>
/// <param name="Owner">An opportunity's owner department, if it had one.</param>
public sealed record DesignPoint(string StageId, string Text, int Votes, string? Owner = null);
