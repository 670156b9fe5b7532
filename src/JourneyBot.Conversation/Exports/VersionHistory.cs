using JourneyBot.Conversation.Versions;

namespace JourneyBot.Conversation.Exports;

/// <summary>What the full page shows of a map's versions besides the one it shows.</summary>
/// <param name="Token">The link's token, for the page's links to its own exports.</param>
/// <param name="Versions">The map's versions.</param>
/// <param name="Shown">The number of the version shown.</param>
/// <param name="Changes">What changed since the version before it, or null for the first (or when that one is summarised).</param>
/// <param name="ChangesFromAt">When the version before it was published.</param>
public sealed record VersionHistory(string Token, PublishedVersions Versions, int Shown, MapDiff? Changes, DateTimeOffset ChangesFromAt)
{
    /// <summary>The newest version, or the one shown while the list is empty.</summary>
    public int Latest => Versions.Kept.Count == 0 ? Shown : Math.Max(Shown, Versions.Kept[^1].Number);
}
