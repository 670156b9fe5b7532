using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation.Actions;

namespace JourneyBot.Storage;

/// <summary>A map's actions and parked opportunities, in its team's partition (see <see cref="RowKeys.Actions"/>).</summary>
public sealed partial class TableMapStore : IActionStore
{
    /// <inheritdoc />
    /// <remarks>One range query over the <c>a~{map}~</c> rows.</remarks>
    public async Task<MapActions> GetActionsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var (actions, parked) = (new List<OwnedAction>(), new List<ParkedOpportunity>());
        var filter = RowKeys.StartingWith(Partition(teamKey), RowKeys.Actions(mapId));
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            switch (row.GetString(MapRows.KindProperty))
            {
                case ActionRows.ActionKind:
                    actions.Add(ActionRows.ReadAction(row));
                    break;
                case ActionRows.ParkedKind:
                    parked.Add(ActionRows.ReadParked(row));
                    break;
            }
        }

        return new MapActions(
            [.. actions.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal)],
            [.. parked.OrderBy(p => p.At).ThenBy(p => p.Id, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    /// <remarks>One point read.</remarks>
    public async Task<StoredAction?> GetActionAsync(string teamKey, string mapId, string actionId, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Action(mapId, actionId), null, cancellationToken) is { } row
            ? new StoredAction(ActionRows.ReadAction(row), row.ETag.ToString())
            : null;

    /// <inheritdoc />
    /// <remarks>One insert; 409 (the row exists) is false.</remarks>
    public async Task<bool> TryAddActionAsync(string teamKey, string mapId, OwnedAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await table.AddEntityAsync(ActionRows.Action(Partition(teamKey), mapId, action), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <inheritdoc />
    /// <remarks>One replace at the ETag read; 412 (changed) and 404 (gone) are null.</remarks>
    public async Task<string?> TryReplaceActionAsync(string teamKey, string mapId, StoredAction stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        try
        {
            var response = await table.UpdateEntityAsync(ActionRows.Action(Partition(teamKey), mapId, stored.Action), new ETag(stored.Version),
                TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>One upsert (replace).</remarks>
    public async Task PutParkedAsync(string teamKey, string mapId, ParkedOpportunity parked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parked);
        await table.UpsertEntityAsync(ActionRows.Parked(Partition(teamKey), mapId, parked), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One delete; the SDK answers a missing row with 404 rather than an exception.</remarks>
    public async Task<bool> RemoveParkedAsync(string teamKey, string mapId, string opportunityId, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(Partition(teamKey), RowKeys.Parked(mapId, opportunityId), ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <inheritdoc />
    /// <remarks>One point read.</remarks>
    public async Task<TeamTracker?> GetTrackerAsync(string teamKey, CancellationToken cancellationToken) =>
        await ReadRowAsync(Partition(teamKey), RowKeys.Tracker, null, cancellationToken) is { } row ? ActionRows.ReadTracker(row) : null;

    /// <inheritdoc />
    /// <remarks>One upsert (replace), or one delete for none.</remarks>
    public async Task PutTrackerAsync(string teamKey, TeamTracker? tracker, CancellationToken cancellationToken)
    {
        if (tracker is null)
        {
            await table.DeleteEntityAsync(Partition(teamKey), RowKeys.Tracker, ETag.All, cancellationToken);
            return;
        }

        await table.UpsertEntityAsync(ActionRows.Tracker(Partition(teamKey), tracker), TableUpdateMode.Replace, cancellationToken);
    }
}
