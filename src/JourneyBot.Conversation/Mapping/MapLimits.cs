namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// How much one map holds: enough for any real session, small enough that its cards, its page and
/// its exports stay quick to build and a runaway script cannot fill storage. Text lengths are in
/// <see cref="TextRules"/>.
/// </summary>
public static class MapLimits
{
    /// <summary>The most items a map holds. Under many writers at once it may end a few above (see <see cref="IMapStore.CountItemsAsync"/>).</summary>
    public const int ItemsPerMap = 2_000;

    /// <summary>The most items one author adds to a map (a member, or a member's pseudonym in one anonymous round).</summary>
    public const int ItemsPerAuthor = 200;
}
