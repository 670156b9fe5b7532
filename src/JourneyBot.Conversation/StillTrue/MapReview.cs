namespace JourneyBot.Conversation.StillTrue;

/// <summary>
/// A map's "Still true?" review as its facilitator set it (<c>review every N days</c>): every
/// <paramref name="EveryDays"/> days from <paramref name="Since"/>, the facilitator and the owners of
/// the map's actions are asked about the items nobody confirmed for that long.
/// </summary>
/// <param name="EveryDays">How many days between two reviews, and how long a confirmation lasts.</param>
/// <param name="Since">When the facilitator set it: the reviews fall on whole multiples of the days from here.</param>
public sealed record MapReview(int EveryDays, DateTimeOffset Since)
{
    /// <summary>The fewest days between reviews.</summary>
    public const int MinDays = 1;

    /// <summary>The most days between reviews: a map reviewed less than yearly is not living.</summary>
    public const int MaxDays = 365;

    /// <summary>How long a confirmation lasts.</summary>
    public TimeSpan Period => TimeSpan.FromDays(EveryDays);

    /// <summary>
    /// The first review after <paramref name="now"/>. The reviews fall on fixed moments (Since + k × days), so a
    /// pass run twice, or late, schedules the same next one rather than a second chain of reviews.
    /// </summary>
    public DateTimeOffset NextAfter(DateTimeOffset now)
    {
        var periods = Math.Max(0, (now - Since).Ticks / Period.Ticks) + 1;
        return Since + TimeSpan.FromTicks(Period.Ticks * periods);
    }

    /// <summary>Whether <paramref name="item"/> was not confirmed (nor added) within the days up to <paramref name="now"/>.</summary>
    public bool IsDue(Mapping.MapItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.ConfirmedAt ?? item.CreatedAt) <= now - Period;
    }
}
