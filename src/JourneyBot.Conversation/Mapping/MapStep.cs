namespace JourneyBot.Conversation.Mapping;

/// <summary>Where an active mapping session is in the method, in order.</summary>
public enum MapStep
{
    /// <summary>The business objective: required before anything else.</summary>
    Objective,

    /// <summary>Who the customer is.</summary>
    Persona,

    /// <summary>Where the journey starts.</summary>
    StartPoint,

    /// <summary>Where the journey ends.</summary>
    EndPoint,

    /// <summary>The stages of the journey.</summary>
    Stages,

    /// <summary>Every member adds touchpoints, goals, actions, pain points, emotions, opportunities.</summary>
    Contribute,

    /// <summary>The map so far, its gaps, and dot-voting.</summary>
    Review,
}

/// <summary>The life of a map.</summary>
public enum MapStatus
{
    /// <summary>Being mapped in its conversation.</summary>
    Active,

    /// <summary>Published by the facilitator: done.</summary>
    Published,

    /// <summary>Put aside; can be opened again.</summary>
    Archived,

    /// <summary>Stopped by the facilitator.</summary>
    Cancelled,
}
