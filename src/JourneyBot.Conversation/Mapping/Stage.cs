namespace JourneyBot.Conversation.Mapping;

/// <summary>A stage of the journey. The id stays when the stage is renamed or moved.</summary>
/// <param name="Id">A short stable id, e.g. <c>s3</c>.</param>
/// <param name="Name">The stage's name.</param>
public sealed record Stage(string Id, string Name)
{
    /// <summary>What the customer expects in this stage (seed 000's "expectations"); null until the team says.</summary>
    public string? Expects { get; init; }

    /// <summary>The event that takes the customer on to the next stage; null until the team says.</summary>
    public string? MovesOnWhen { get; init; }
}
