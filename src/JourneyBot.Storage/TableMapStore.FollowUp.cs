using Azure;
using Azure.Data.Tables;
using JourneyBot.Conversation.Actions.FollowUp;

namespace JourneyBot.Storage;

/// <summary>
/// Each map's follow-up state, on one row among the map's action rows (<c>a~{map}~f</c>), so that it
/// goes with the map; the action reads skip it (they read actions and parked opportunities by kind).
/// </summary>
public sealed partial class TableMapStore : IFollowUpStore
{
    private const string FollowUpKind = "followup";
    private const string SinceProperty = "Since";
    private const string DigestAtProperty = "DigestAt";
    private const string StagesAskedProperty = "StagesAsked";

    /// <inheritdoc />
    /// <remarks>One point read.</remarks>
    public async Task<StoredFollowUp?> GetFollowUpAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        if (await ReadRowAsync(Partition(teamKey), FollowUpRow(mapId), null, cancellationToken) is not { } row)
        {
            return null;
        }

        var stages = row.GetString(StagesAskedProperty) is { Length: > 0 } joined ? joined.Split('\n') : [];
        var state = new FollowUpState(row.GetDateTimeOffset(SinceProperty) ?? DateTimeOffset.MinValue, row.GetDateTimeOffset(DigestAtProperty), stages);
        return new StoredFollowUp(state, row.ETag.ToString());
    }

    /// <inheritdoc />
    /// <remarks>One insert (409: added by someone else) or one replace at the ETag read (412: changed; 404: gone).</remarks>
    public async Task<string?> TryPutFollowUpAsync(string teamKey, string mapId, FollowUpState state, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var row = new TableEntity(Partition(teamKey), FollowUpRow(mapId))
        {
            [MapRows.KindProperty] = FollowUpKind,
            [MapRows.MapIdProperty] = mapId,
            [SinceProperty] = state.Since,
            [DigestAtProperty] = state.DigestAt,
            // Stage ids are short and never hold a line break.
            [StagesAskedProperty] = string.Join('\n', state.StagesAsked),
        };
        try
        {
            var response = version is null
                ? await table.AddEntityAsync(row, cancellationToken)
                : await table.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    private static string FollowUpRow(string mapId) => RowKeys.Actions(mapId) + "f";
}
