using System.Globalization;
using Azure.Data.Tables;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Storage;

/// <summary>
/// The rows of the due-work table: one per <see cref="DueWork"/>, in the partition of the UTC hour
/// it is due (<c>due~yyyyMMddHH</c>, so partitions sort by time), keyed by its encoded id.
/// </summary>
/// <remarks>
/// Properties: Id, Kind, DueAt, Payload as scheduled; Attempts (claims so far); ClaimedBy (the
/// instance holding the claim, empty when none); AvailableAt, the one time a poll filters on: when
/// the row may next be claimed (its due time, its lease's end, or its retry time).
/// </remarks>
internal static class DueWorkRows
{
    public const string IdProperty = "Id";
    public const string KindProperty = "Kind";
    public const string DueAtProperty = "DueAt";
    public const string PayloadProperty = "Payload";
    public const string AttemptsProperty = "Attempts";
    public const string ClaimedByProperty = "ClaimedBy";
    public const string AvailableAtProperty = "AvailableAt";

    private const string BucketPrefix = "due~";

    /// <summary>The partition of the hour holding <paramref name="time"/>.</summary>
    public static string Bucket(DateTimeOffset time) =>
        BucketPrefix + time.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public static string RowKey(DueWork work) => KeyEncoder.Encode(work.Id);

    /// <summary>A newly scheduled row: unclaimed, no attempts, available when due.</summary>
    public static TableEntity Scheduled(DueWork work) => new(Bucket(work.DueAt), RowKey(work))
    {
        [IdProperty] = work.Id,
        [KindProperty] = work.Kind,
        [DueAtProperty] = work.DueAt,
        [PayloadProperty] = work.Payload,
        [AttemptsProperty] = 0,
        [ClaimedByProperty] = string.Empty,
        [AvailableAtProperty] = work.DueAt,
    };

    /// <summary>The row as a claim leaves it.</summary>
    public static TableEntity Claimed(DueWork work, int attempt, string owner, DateTimeOffset leaseUntil)
    {
        var row = Scheduled(work);
        row[AttemptsProperty] = attempt;
        row[ClaimedByProperty] = owner;
        row[AvailableAtProperty] = leaseUntil;
        return row;
    }

    /// <summary>What a release changes (merged into the row): no claim, available again at <paramref name="retryAt"/>.</summary>
    public static TableEntity Released(DueWork work, DateTimeOffset retryAt) => new(Bucket(work.DueAt), RowKey(work))
    {
        [ClaimedByProperty] = string.Empty,
        [AvailableAtProperty] = retryAt,
    };

    public static DueWork ReadWork(TableEntity row) => new(
        row.GetString(IdProperty),
        row.GetString(KindProperty),
        row.GetDateTimeOffset(DueAtProperty) ?? throw new InvalidOperationException($"Due row {row.RowKey} has no {DueAtProperty}."),
        row.GetString(PayloadProperty) ?? string.Empty);

    public static int ReadAttempts(TableEntity row) => row.GetInt32(AttemptsProperty) ?? 0;

    public static bool IsClaimed(TableEntity row) => !string.IsNullOrEmpty(row.GetString(ClaimedByProperty));
}
