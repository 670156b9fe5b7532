using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage;

/// <summary>
/// The rows of a map's actions and parked opportunities, and of the team's tracker (see
/// <see cref="RowKeys.Actions"/>): a document each, with the status and owner on their own so that
/// a reader can filter without parsing.
/// </summary>
internal static class ActionRows
{
    public const string ActionKind = "action";
    public const string ParkedKind = "parked";
    public const string TrackerKind = "tracker";

    public const string OwnerIdProperty = "OwnerId";
    public const string DueProperty = "Due";

    /// <summary>An action of a map.</summary>
    public static TableEntity Action(string partitionKey, string mapId, OwnedAction action)
    {
        var entity = Row(partitionKey, RowKeys.Action(mapId, action.Id), ActionKind);
        entity[MapRows.MapIdProperty] = mapId;
        entity[MapRows.StatusProperty] = action.Status.ToString();
        entity[OwnerIdProperty] = action.Owner.Id;
        entity[DueProperty] = action.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        DocumentColumns.Write(entity, JsonSerializer.Serialize(action, MapJson.Storage.OwnedAction));
        return entity;
    }

    /// <summary>A parked opportunity of a map.</summary>
    public static TableEntity Parked(string partitionKey, string mapId, ParkedOpportunity parked)
    {
        var entity = Row(partitionKey, RowKeys.Parked(mapId, parked.Id), ParkedKind);
        entity[MapRows.MapIdProperty] = mapId;
        DocumentColumns.Write(entity, JsonSerializer.Serialize(parked, MapJson.Storage.ParkedOpportunity));
        return entity;
    }

    /// <summary>The team's tracker.</summary>
    public static TableEntity Tracker(string partitionKey, TeamTracker tracker)
    {
        var entity = Row(partitionKey, RowKeys.Tracker, TrackerKind);
        DocumentColumns.Write(entity, JsonSerializer.Serialize(tracker, MapJson.Storage.TeamTracker));
        return entity;
    }

    public static OwnedAction ReadAction(TableEntity entity) =>
        Read(entity, MapJson.Storage.OwnedAction);

    public static ParkedOpportunity ReadParked(TableEntity entity) =>
        Read(entity, MapJson.Storage.ParkedOpportunity);

    public static TeamTracker ReadTracker(TableEntity entity) =>
        Read(entity, MapJson.Storage.TeamTracker);

    private static T Read<T>(TableEntity entity, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        DocumentColumns.Read(entity) is { } json && JsonSerializer.Deserialize(json, type) is { } value
            ? value
            : throw new InvalidOperationException($"Row {entity.RowKey} has no document.");

    private static TableEntity Row(string partitionKey, string rowKey, string kind) =>
        new(partitionKey, rowKey) { [MapRows.KindProperty] = kind };
}
