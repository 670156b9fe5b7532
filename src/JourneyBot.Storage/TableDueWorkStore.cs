using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation.Scheduling;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

/// <summary>The durable schedule in an Azure table of its own: rows by due hour (<see cref="DueWorkRows"/>).</summary>
/// <remarks>
/// <para>A poll never scans the table: it reads the partitions from this instance's cursor up to
/// the current hour, with one range query for the rows available now and, while the cursor lags,
/// one more to find the earliest past hour that still holds a row. The cursor starts
/// <see cref="DueWorkTableOptions.LookBack"/> back and moves up to that hour, so past hours that
/// are empty are not read again; it goes back the whole look-back every
/// <see cref="DueWorkTableOptions.RescanInterval"/>, and at once when this instance schedules work
/// into an hour behind it, so that work scheduled late (due in the past) is found.</para>
/// <para>Every claim, completion and release is conditional on the ETag the caller holds, so two
/// instances never hold the same row: the one whose update lands second gets 412 and leaves it.</para>
/// </remarks>
public sealed class TableDueWorkStore : IDueWorkStore
{
    private readonly TableClient _table;
    private readonly DueWorkTableOptions _options;
    private readonly ILogger<TableDueWorkStore> _logger;
    private readonly Lock _cursorLock = new();
    private string? _cursor;
    private DateTimeOffset _rescannedAt;
    private long _rewinds;

    /// <summary>A store over <paramref name="table"/> (created by the hosted initializer).</summary>
    public TableDueWorkStore(TableClient table, DueWorkTableOptions options, ILogger<TableDueWorkStore> logger)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        (_table, _options, _logger) = (table, options, logger);
    }

    /// <summary>The table, for the initializer that creates it.</summary>
    internal TableClient Table => _table;

    /// <inheritdoc />
    /// <remarks>One upsert (replace).</remarks>
    public async Task ScheduleAsync(DueWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        work.Validate();
        var row = DueWorkRows.Scheduled(work);
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        RewindTo(row.PartitionKey);
    }

    /// <inheritdoc />
    /// <remarks>One delete; the SDK answers a missing row with 404 rather than an exception.</remarks>
    public async Task CancelAsync(DueWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var response = await _table.DeleteEntityAsync(
            DueWorkRows.Bucket(work.DueAt), DueWorkRows.RowKey(work), ETag.All, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One or two queries, then one conditional update per row available.</remarks>
    public async Task<IReadOnlyList<ClaimedWork>> ClaimDueAsync(
        DateTimeOffset now, string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var (from, rewinds) = Cursor(now);
        var to = DueWorkRows.Bucket(now);
        var available = await AvailableRowsAsync(from, to, now, max, cancellationToken);
        var claims = await Task.WhenAll(available.Select(row => TryClaimAsync(row, now, owner, lease, cancellationToken)));
        await AdvanceCursorAsync(from, to, rewinds, cancellationToken);
        return [.. claims.OfType<ClaimedWork>()];
    }

    /// <inheritdoc />
    /// <remarks>One delete, conditional on the claim's ETag.</remarks>
    public async Task<bool> CompleteAsync(ClaimedWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            using var response = await _table.DeleteEntityAsync(
                DueWorkRows.Bucket(work.Work.DueAt), DueWorkRows.RowKey(work.Work), new ETag(work.ETag), cancellationToken);
            if (response.Status != 404)
            {
                return true;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
        }

        StorageLog.DueWorkClaimGone(_logger, work.Work.Id);
        return false;
    }

    /// <inheritdoc />
    /// <remarks>One merge, conditional on the claim's ETag.</remarks>
    public async Task<bool> ReleaseAsync(ClaimedWork work, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            await _table.UpdateEntityAsync(DueWorkRows.Released(work.Work, retryAt), new ETag(work.ETag), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            StorageLog.DueWorkClaimGone(_logger, work.Work.Id);
            return false;
        }
    }

    // The rows of the partitions [from, to] that may be claimed now, earliest hour first. The
    // service may answer a range query with empty pages, so pages are read until enough rows came.
    private async Task<List<TableEntity>> AvailableRowsAsync(string from, string to, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        // Names are written out: CreateQueryFilter quotes every interpolated value as a literal.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to} and AvailableAt le {now}");
        var rows = new List<TableEntity>(max);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == max)
            {
                break;
            }
        }

        return rows;
    }

    private async Task<ClaimedWork?> TryClaimAsync(TableEntity row, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var work = DueWorkRows.ReadWork(row);
        var attempt = DueWorkRows.ReadAttempts(row) + 1;
        var leaseUntil = now + lease;
        try
        {
            var response = await _table.UpdateEntityAsync(
                DueWorkRows.Claimed(work, attempt, owner, leaseUntil), row.ETag, TableUpdateMode.Replace, cancellationToken);
            var etag = response.Headers.ETag ?? throw new InvalidOperationException("The claim's answer carries no ETag.");
            // Still marked as claimed: its holder neither completed nor released it, its lease ran out.
            return new ClaimedWork(work, attempt, leaseUntil, DueWorkRows.IsClaimed(row), etag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            StorageLog.DueWorkClaimLost(_logger, work.Id);
            return null;
        }
    }

    // Where this poll starts: the cursor, or the whole look-back on the first poll and each rescan.
    private (string From, long Rewinds) Cursor(DateTimeOffset now)
    {
        lock (_cursorLock)
        {
            if (_cursor is null || now - _rescannedAt >= _options.RescanInterval || now < _rescannedAt)
            {
                _cursor = DueWorkRows.Bucket(now - _options.LookBack);
                _rescannedAt = now;
                _rewinds++;
            }

            return (_cursor, _rewinds);
        }
    }

    private void RewindTo(string bucket)
    {
        lock (_cursorLock)
        {
            if (_cursor is not null && string.CompareOrdinal(bucket, _cursor) < 0)
            {
                _cursor = bucket;
                _rewinds++;
            }
        }
    }

    // Moves the cursor up to the earliest past hour that still holds a row (claimed, waiting for a
    // retry or not yet read), or to the current hour when none does. The current hour is never
    // passed: work may still be scheduled into it. A rewind or rescan meanwhile wins.
    private async Task AdvanceCursorAsync(string from, string to, long rewinds, CancellationToken cancellationToken)
    {
        if (string.CompareOrdinal(from, to) >= 0)
        {
            return;
        }

        var next = to;
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            next = row.PartitionKey;
            break;
        }

        lock (_cursorLock)
        {
            if (_rewinds == rewinds && string.CompareOrdinal(next, _cursor) > 0)
            {
                _cursor = next;
            }
        }
    }
}
