using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Exports;

/// <summary>The other map of a current and future pair, as a map's card and page link it.</summary>
/// <param name="Name">Its name.</param>
/// <param name="IsFuture">True when it is the future state of the map shown; false when it is the current state the map shown designs against.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Link">Its page, or null when links are off, it is archived or cancelled (its links answer 410), or it was deleted.</param>
public sealed record RelatedMap(string Name, bool IsFuture, MapStatus Status, Uri? Link)
{
    /// <summary>
    /// True when the map was deleted (a future keeps its current map's name and brief, so it can still
    /// say which map it designed against); it then has no link.
    /// </summary>
    public bool Deleted { get; init; }
}
