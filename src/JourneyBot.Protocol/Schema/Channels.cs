namespace JourneyBot.Protocol.Schema;

/// <summary>Channel ids the bot treats specially.</summary>
public static class Channels
{
    /// <summary>Microsoft Teams.</summary>
    public const string Teams = "msteams";
}
