namespace JourneyBot.Conversation.Versions;

/// <summary>
/// A map's published versions as a list: those kept whole, oldest first, and the summary of the
/// oldest ones that made room for newer ones (<see cref="MaxKept"/>).
/// </summary>
/// <param name="Kept">The versions kept whole, oldest first.</param>
/// <param name="Summarised">The versions no longer kept whole, or null while none were let go.</param>
public sealed record PublishedVersions(IReadOnlyList<VersionLine> Kept, SummarisedVersions? Summarised)
{
    /// <summary>
    /// The most versions a map keeps whole. A map published weekly for a year stays well within it; the
    /// oldest beyond it are let go whole and summarised (<see cref="SummarisedVersions"/>), so that a
    /// map's stored history stays bounded however long the team keeps it.
    /// </summary>
    public const int MaxKept = 50;

    /// <summary>A map never published.</summary>
    public static PublishedVersions None { get; } = new([], null);

    /// <summary>The line of version <paramref name="number"/> when it is kept whole, or null.</summary>
    public VersionLine? Line(int number) => Kept.FirstOrDefault(v => v.Number == number);

    /// <summary>Whether version <paramref name="number"/> was published but is no longer kept whole.</summary>
    public bool WasSummarised(int number) => Summarised is { } summarised && number >= 1 && number <= summarised.Through;
}

/// <summary>One published version, as a list shows it (read without its map and board).</summary>
/// <param name="Number">Its number: 1, 2, …</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="PublishedBy">Who published it (their name).</param>
/// <param name="Items">How many items it holds.</param>
public sealed record VersionLine(int Number, DateTimeOffset PublishedAt, string PublishedBy, int Items);

/// <summary>
/// What stays of the oldest versions once a map has more than <see cref="PublishedVersions.MaxKept"/>:
/// that versions 1 to <paramref name="Through"/> were published, from when to when, and how many items
/// the last of them held. Their maps, boards and actions are gone.
/// </summary>
/// <param name="Through">The newest version summarised (versions 1 to it are).</param>
/// <param name="FirstPublishedAt">When the oldest of them was published.</param>
/// <param name="LastPublishedAt">When the newest of them was published.</param>
/// <param name="LastItems">How many items the newest of them held.</param>
public sealed record SummarisedVersions(int Through, DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt, int LastItems)
{
    /// <summary>This summary with <paramref name="line"/> (the oldest version kept whole) let go as well.</summary>
    public static SummarisedVersions Adding(SummarisedVersions? summary, VersionLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new SummarisedVersions(line.Number, summary?.FirstPublishedAt ?? line.PublishedAt, line.PublishedAt, line.Items);
    }
}
