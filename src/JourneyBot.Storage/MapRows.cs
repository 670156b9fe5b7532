using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage;

/// <summary>
/// The entities of a team's partition (see <see cref="RowKeys"/>) and how they read back. Every row
/// carries a <c>Kind</c>, so a query over a key range can keep just the rows it wants.
/// </summary>
/// <remarks>
/// Ids are kept as plain properties (<c>MapId</c>, <c>PersonId</c>) because a hashed key cannot be
/// read back; names and statuses too, so the shelf lists without parsing documents. Documents are
/// written with <see cref="MapJson.Storage"/>: a Greek letter as itself takes one character where
/// <see cref="MapJson.Default"/> spends six on <c>\uXXXX</c>, and entities are limited in size.
/// </remarks>
internal static class MapRows
{
    public const string KindProperty = "Kind";
    public const string ConversationKind = "conversation";
    public const string MapKind = "map";
    public const string ItemKind = "item";
    public const string VotesKind = "votes";
    public const string MemberKind = "member";
    public const string PublishedKind = "published";

    public const string MapIdProperty = "MapId";
    public const string NameProperty = "Name";
    public const string StatusProperty = "Status";
    public const string ConversationKeyProperty = "ConversationKey";
    public const string UpdatedAtProperty = "UpdatedAt";
    public const string PersonIdProperty = "PersonId";
    public const string DepartmentProperty = "Department";
    public const string AskedForDepartmentProperty = "AskedForDepartment";
    public const string ChatServiceUrlProperty = "ChatServiceUrl";
    public const string ChatConversationIdProperty = "ChatConversationId";
    public const string TimeZoneProperty = "TimeZone";
    public const string MutedProperty = "Muted";
    public const string EvidenceAskedOnProperty = "EvidenceAskedOn";
    public const string LanguageProperty = "Language";
    public const string AuthorIdProperty = "AuthorId";
    public const string VersionProperty = "Version";
    public const string PartProperty = "Part";
    public const string PartsProperty = "Parts";

    /// <summary>The properties a shelf listing reads: not the documents.</summary>
    public static IReadOnlyList<string> SummaryProperties { get; } =
        [MapIdProperty, NameProperty, StatusProperty, ConversationKeyProperty, UpdatedAtProperty];

    /// <summary>The properties showing members' departments reads from their rows.</summary>
    public static IReadOnlyList<string> DepartmentProperties { get; } = [PersonIdProperty, DepartmentProperty];

    /// <summary>The properties a member's point read needs.</summary>
    public static IReadOnlyList<string> MemberProperties { get; } =
        [DepartmentProperty, AskedForDepartmentProperty, ChatServiceUrlProperty, ChatConversationIdProperty, TimeZoneProperty, MutedProperty, EvidenceAskedOnProperty,
         LanguageProperty];

    /// <summary>The conversation's row, holding <paramref name="map"/>'s document.</summary>
    public static TableEntity Conversation(string partitionKey, MapScope scope, JourneyMap map)
    {
        var entity = Row(partitionKey, RowKeys.Conversation(scope.ConversationKey), ConversationKind);
        entity[MapIdProperty] = map.Id;
        entity[NameProperty] = map.Name;
        entity[StatusProperty] = map.Status.ToString();
        WriteMap(entity, map);
        return entity;
    }

    /// <summary>The map's shelf line; with its document only when no conversation holds it.</summary>
    public static TableEntity Shelf(string partitionKey, JourneyMap map, DateTimeOffset updatedAt, bool withDocument)
    {
        var entity = Row(partitionKey, RowKeys.Shelf(map.Id), MapKind);
        entity[MapIdProperty] = map.Id;
        entity[NameProperty] = map.Name;
        entity[StatusProperty] = map.Status.ToString();
        entity[ConversationKeyProperty] = map.ConversationKey;
        entity[UpdatedAtProperty] = updatedAt;
        if (withDocument)
        {
            WriteMap(entity, map);
        }

        return entity;
    }

    /// <summary>An item of a map; its author's id on its own as well, so a count of the map's items per author reads only that.</summary>
    public static TableEntity Item(string partitionKey, string mapId, MapItem item)
    {
        var entity = Row(partitionKey, RowKeys.Item(mapId, item.Id), ItemKind);
        entity["ItemKind"] = item.Kind.ToString();
        entity["StageId"] = item.StageId;
        entity[AuthorIdProperty] = item.Author.Id;
        DocumentColumns.Write(entity, JsonSerializer.Serialize(item, MapJson.Storage.MapItem));
        return entity;
    }

    /// <summary>A member's votes in a map.</summary>
    public static TableEntity Votes(string partitionKey, string mapId, string personId, IReadOnlyList<string> itemIds)
    {
        var entity = Row(partitionKey, RowKeys.Votes(mapId, personId), VotesKind);
        entity[PersonIdProperty] = personId;
        DocumentColumns.Write(entity, JsonSerializer.Serialize([.. itemIds], MapJson.Storage.ListString));
        return entity;
    }

    /// <summary>
    /// Part <paramref name="part"/> of <paramref name="parts"/> of a published version: a slice of its
    /// JSON (a map with a full board outgrows one entity), with the count so a reader sees a missing part.
    /// </summary>
    public static TableEntity PublishedPart(string partitionKey, string mapId, int version, int part, int parts, string slice)
    {
        var entity = Row(partitionKey, RowKeys.PublishedPart(mapId, version, part), PublishedKind);
        entity[MapIdProperty] = mapId;
        entity[VersionProperty] = version;
        entity[PartProperty] = part;
        entity[PartsProperty] = parts;
        DocumentColumns.Write(entity, slice);
        return entity;
    }

    /// <summary>
    /// What the team knows of a member. Properties for what is unknown are left out (no
    /// <c>Department</c> until they said it, no chat until there is one), so rows written before a
    /// property existed read the same as rows that leave it out.
    /// </summary>
    public static TableEntity Member(string partitionKey, string personId, TeamMember member)
    {
        var entity = Row(partitionKey, RowKeys.Member(personId), MemberKind);
        entity[PersonIdProperty] = personId;
        entity[AskedForDepartmentProperty] = member.AskedForDepartment;
        if (member.Department is not null)
        {
            entity[DepartmentProperty] = member.Department;
        }

        if (member.Chat is { } chat)
        {
            entity[ChatServiceUrlProperty] = chat.ServiceUrl;
            entity[ChatConversationIdProperty] = chat.ConversationId;
        }

        if (member.TimeZone is not null)
        {
            entity[TimeZoneProperty] = member.TimeZone;
        }

        if (member.Muted)
        {
            entity[MutedProperty] = true;
        }

        if (member.EvidenceAskedOn.Count > 0)
        {
            // Map ids are letters and digits: a space between them reads back unambiguously.
            entity[EvidenceAskedOnProperty] = string.Join(' ', member.EvidenceAskedOn);
        }

        if (member.Language is not null)
        {
            entity[LanguageProperty] = member.Language;
        }

        return entity;
    }

    /// <summary>
    /// Only the <paramref name="fields"/> of a member's row, for a merge that keeps the rest as stored.
    /// A merge cannot remove a property, so a field cleared is written empty (read back as none).
    /// </summary>
    public static TableEntity MemberColumns(string partitionKey, string personId, TeamMember member, MemberFields fields)
    {
        var entity = Row(partitionKey, RowKeys.Member(personId), MemberKind);
        entity[PersonIdProperty] = personId;
        if (fields.HasFlag(MemberFields.Department))
        {
            entity[DepartmentProperty] = member.Department ?? string.Empty;
        }

        if (fields.HasFlag(MemberFields.AskedForDepartment))
        {
            entity[AskedForDepartmentProperty] = member.AskedForDepartment;
        }

        if (fields.HasFlag(MemberFields.Chat))
        {
            entity[ChatServiceUrlProperty] = member.Chat?.ServiceUrl ?? string.Empty;
            entity[ChatConversationIdProperty] = member.Chat?.ConversationId ?? string.Empty;
        }

        if (fields.HasFlag(MemberFields.TimeZone))
        {
            entity[TimeZoneProperty] = member.TimeZone ?? string.Empty;
        }

        if (fields.HasFlag(MemberFields.Muted))
        {
            entity[MutedProperty] = member.Muted;
        }

        if (fields.HasFlag(MemberFields.EvidenceAskedOn))
        {
            entity[EvidenceAskedOnProperty] = string.Join(' ', member.EvidenceAskedOn);
        }

        if (fields.HasFlag(MemberFields.Language))
        {
            entity[LanguageProperty] = member.Language ?? string.Empty;
        }

        return entity;
    }

    /// <summary>The map in a conversation row or a shelved map's row; null for a shelf line without document.</summary>
    public static JourneyMap? ReadMap(TableEntity entity) =>
        DocumentColumns.Read(entity) is { } json ? JsonSerializer.Deserialize(json, MapJson.Storage.JourneyMap) : null;

    /// <summary>The item in an item row.</summary>
    public static MapItem ReadItem(TableEntity entity) =>
        DocumentColumns.Read(entity) is { } json && JsonSerializer.Deserialize(json, MapJson.Storage.MapItem) is { } item
            ? item
            : throw new InvalidOperationException($"Item row {entity.RowKey} has no document.");

    /// <summary>The item ids in a votes row.</summary>
    public static List<string> ReadVotes(TableEntity entity) =>
        JsonSerializer.Deserialize(DocumentColumns.Read(entity) ?? "[]", MapJson.Storage.ListString) ?? [];

    /// <summary>The member in a member row.</summary>
    public static TeamMember ReadMember(TableEntity entity) =>
        new(Said(entity, DepartmentProperty), entity.GetBoolean(AskedForDepartmentProperty) ?? false)
        {
            Chat = Said(entity, ChatServiceUrlProperty) is { } serviceUrl && Said(entity, ChatConversationIdProperty) is { } conversationId
                ? new PersonalChat(serviceUrl, conversationId)
                : null,
            TimeZone = Said(entity, TimeZoneProperty),
            Muted = entity.GetBoolean(MutedProperty) ?? false,
            EvidenceAskedOn = Said(entity, EvidenceAskedOnProperty)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            Language = Said(entity, LanguageProperty),
        };

    /// <summary>A text property of a member's row; null when absent or written empty (cleared by a merge, see <see cref="MemberFields"/>).</summary>
    public static string? Said(TableEntity entity, string property) => entity.GetString(property) is { Length: > 0 } value ? value : null;

    /// <summary>The shelf line of a map row.</summary>
    public static MapSummary ReadSummary(TableEntity entity) => new(
        entity.GetString(MapIdProperty),
        entity.GetString(NameProperty),
        Enum.Parse<MapStatus>(entity.GetString(StatusProperty)),
        entity.GetString(ConversationKeyProperty),
        entity.GetDateTimeOffset(UpdatedAtProperty) ?? DateTimeOffset.MinValue);

    private static void WriteMap(TableEntity entity, JourneyMap map) =>
        DocumentColumns.Write(entity, JsonSerializer.Serialize(map, MapJson.Storage.JourneyMap));

    private static TableEntity Row(string partitionKey, string rowKey, string kind) =>
        new(partitionKey, rowKey) { [KindProperty] = kind };
}
