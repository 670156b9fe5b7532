namespace JourneyBot.Web.Sending;

/// <summary>How often a conversation's progress card may be updated (section <c>ProgressCard</c>).</summary>
public sealed class ProgressCardOptions
{
    /// <summary>
    /// Changes within this interval become one update. Teams allows about 7 sends a second into a
    /// conversation; a burst of 30 contributions then costs one card update, not 30.
    /// </summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many conversations' updates read storage at once. Updates are background work: bounded,
    /// a thousand busy sessions cannot crowd out members' turns at storage; an update that waits
    /// gathers the changes that come meanwhile.
    /// </summary>
    public int MaxConcurrentReads { get; set; } = 4;

    /// <summary>
    /// After this many posts in the conversation since the progress card was posted, its next
    /// update posts it again at the bottom and the old one says it moved, so a busy thread does not bury
    /// it (Teams lets bots pin nothing in a channel). Zero keeps the card where it is.
    /// </summary>
    public int RepostAfterPosts { get; set; } = 10;
}
