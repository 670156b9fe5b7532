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

    /// <summary>
    /// How many instances of the bot serve the same conversations (the App Service's instance
    /// count). Each instance paces only the sends it makes, and requests reach any instance (no
    /// session affinity), so each one keeps to its share of every limit: together they stay within
    /// Teams' limits and the connector never throttles a thread (up to 7 instances: a share is at
    /// least one send a second; beyond, the connector's 429 and its Retry-After hold the rest). 1 to 30.
    /// </summary>
    public int Instances { get; set; } = 1;

    internal (int Limit, TimeSpan Window)[] Windows() =>
    [
        (Share(PerSecond), TimeSpan.FromSeconds(1) + Margin),
        (Share(PerTwoSeconds), TimeSpan.FromSeconds(2) + Margin),
        (Share(PerThirtySeconds), TimeSpan.FromSeconds(30) + Margin),
    ];

    // This instance's share of a limit, rounded down so that the shares never add up to more; at
    // least one send (a zero limit stays zero: no pacing, as tests set it).
    private int Share(int limit) => limit <= 0 ? limit : Math.Max(1, limit / Math.Max(1, Instances));
}
