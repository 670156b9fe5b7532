namespace JourneyBot.Protocol.Sending;

/// <summary>
/// How many messages the bot sends into one conversation (a chat, or one channel thread) at most,
/// per window (section <c>ConnectorPacing</c>). The defaults are Teams' published per-thread limits
/// for a bot; a send beyond them waits instead of drawing a 429.
/// </summary>
public sealed class SendPacingOptions
{
    /// <summary>Sends (posts and updates) per second.</summary>
    public int PerSecond { get; set; } = 7;

    /// <summary>Sends per two seconds.</summary>
    public int PerTwoSeconds { get; set; } = 8;

    /// <summary>Sends per thirty seconds.</summary>
    public int PerThirtySeconds { get; set; } = 60;

    /// <summary>
    /// Extra room after each window: Teams counts a send when it arrives, and a send that leaves
    /// exactly one window after another may arrive a little sooner relative to it.
    /// </summary>
    public TimeSpan Margin { get; set; } = TimeSpan.FromMilliseconds(50);

    internal (int Limit, TimeSpan Window)[] Windows() =>
    [
        (PerSecond, TimeSpan.FromSeconds(1) + Margin),
        (PerTwoSeconds, TimeSpan.FromSeconds(2) + Margin),
        (PerThirtySeconds, TimeSpan.FromSeconds(30) + Margin),
    ];
}
