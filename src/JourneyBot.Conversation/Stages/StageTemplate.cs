namespace JourneyBot.Conversation.Stages;

/// <summary>A named set of stages a map can start from: one of the method's own, or one a team saved.</summary>
/// <param name="Name">How members name it (<c>template B2B</c>); a team's names are unique ignoring case.</param>
/// <param name="Stages">Its stages, in order.</param>
public sealed record StageTemplate(string Name, IReadOnlyList<TemplateStage> Stages)
{
    /// <summary>Whether the team saved it (<c>save stages as …</c>), rather than being one of the bot's own.</summary>
    public bool IsTeams { get; init; }
}

/// <summary>A stage of a template, with what the team said of it when it saved the set.</summary>
/// <param name="Name">The stage's name.</param>
public sealed record TemplateStage(string Name)
{
    /// <summary>What the customer expects in the stage, as saved; null when not said.</summary>
    public string? Expects { get; init; }

    /// <summary>What moves the customer on to the next stage, as saved; null when not said.</summary>
    public string? MovesOnWhen { get; init; }
}
