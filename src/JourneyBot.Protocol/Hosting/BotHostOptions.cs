namespace JourneyBot.Protocol.Hosting;

/// <summary>Limits of the messaging endpoint (section <c>BotHost</c>).</summary>
public sealed class BotHostOptions
{
    /// <summary>
    /// The largest request body accepted, in bytes; larger requests get 413. Teams activities stay
    /// well under 100 KB; the default leaves room for card submits with long answers.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// How long one turn may take before it is answered anyway. Teams waits about 15 s for the
    /// answer and then shows the member nothing, so a turn held by slow storage is cut off before
    /// that: the member is told to try again (the apology) and the channel gets 200, so it does not
    /// deliver the activity again on top of the member's retry. Storage writes are single requests,
    /// so a cut-off turn has stored its change whole or not at all. Storage's own timeouts and
    /// retries (<c>Storage:NetworkTimeout</c>, <c>Storage:MaxRetries</c>) must fit inside this. Zero: no deadline.
    /// </summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many pieces of sending work (a turn's replies, a reminder) one conversation may have
    /// waiting before it sheds. Replies follow the HTTP answer (see <see cref="Sending.ConversationOutbox"/>),
    /// and a turn never waits for room: beyond this, a turn whose sends can be folded (confirmations,
    /// card updates) has them gathered with the others instead of queued, and a turn whose sends must
    /// go out (answers to commands, apologies, new cards) is queued all the same, up to four times
    /// this; only beyond that are they dropped, with a warning. Work outside any turn waits for room.
    /// </summary>
    public int MaxQueuedPerConversation { get; set; } = 64;

    /// <summary>
    /// How long, on shutdown, sends still pending (timed ones included, sent at once) may take
    /// before they are given up and counted in the log. Kept well under the host's shutdown timeout
    /// and the platform's kill deadline, so that a connector that never answers cannot hold the
    /// process until it is killed.
    /// </summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The channel ids served (e.g. <c>msteams</c>); activities of any other channel get 403 before
    /// anything is read. Unset: <c>msteams</c> only, and in Development also <c>emulator</c> and
    /// <c>webchat</c>. Web Chat and Direct Line clients write the sender and team themselves.
    /// </summary>
    public IReadOnlyList<string>? AllowedChannels { get; set; }

    /// <summary>
    /// The Entra tenant ids served (compared with <c>channelData.tenant.id</c>); activities of any
    /// other tenant, or naming none, get 403. Empty (the default): any tenant.
    /// </summary>
    public IReadOnlyList<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// Whether the bot may run without an app id (no authentication) outside Development, e.g.
    /// for a load test on one machine. Off: such a host does not start. Either way a bot without
    /// authentication answers only connectors on this machine (loopback service URLs).
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// What a member is told when their message (the activity given) could not be handled. The
    /// protocol knows no words of the bot's: the bot sets this, read at each use with the failed
    /// activity, so it can speak that member's language (its <c>locale</c>).
    /// </summary>
    public Func<Schema.Activity, string> Apology { get; set; } = _ => "Sorry, something went wrong on my side and I could not finish that. Please try again.";
}
