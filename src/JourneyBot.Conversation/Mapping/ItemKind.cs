namespace JourneyBot.Conversation.Mapping;

/// <summary>What a member can add to a stage.</summary>
public enum ItemKind
{
    /// <summary>Where the customer meets the company, on a channel.</summary>
    Touchpoint,

    /// <summary>What the customer wants at this stage.</summary>
    Goal,

    /// <summary>What the customer does at this stage.</summary>
    Action,

    /// <summary>A problem or barrier the customer hits.</summary>
    PainPoint,

    /// <summary>How the customer feels, from −2 to +2 (one per member and stage).</summary>
    Emotion,

    /// <summary>How to improve the stage, with an owner department.</summary>
    Opportunity,

    /// <summary>What the customer thinks at this stage: the "thinking" lane beside doing (actions) and feeling (emotions).</summary>
    Thought,

    /// <summary>What works well at this stage and should be kept (a "bright spot", the opposite of a pain point).</summary>
    BrightSpot,
}

/// <summary>How sure the team is of an item.</summary>
public enum Evidence
{
    /// <summary>Seen in data or in person.</summary>
    Observed,

    /// <summary>Reported by customers or staff.</summary>
    Reported,

    /// <summary>A hypothesis to check.</summary>
    Assumed,
}

/// <summary>The channel of a touchpoint (seed 000's list).</summary>
public enum TouchChannel
{
    /// <summary>Email.</summary>
    Email,

    /// <summary>Social networks.</summary>
    SocialNetworks,

    /// <summary>WhatsApp.</summary>
    WhatsApp,

    /// <summary>Blog.</summary>
    Blog,

    /// <summary>Website.</summary>
    Website,

    /// <summary>Physical store.</summary>
    Store,

    /// <summary>Phone.</summary>
    Phone,

    /// <summary>Mobile app.</summary>
    App,

    /// <summary>Advertising.</summary>
    Ads,

    /// <summary>Word of mouth.</summary>
    WordOfMouth,

    /// <summary>Anything else.</summary>
    Other,
}
