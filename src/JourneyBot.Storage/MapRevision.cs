using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage;

/// <summary>
/// What a conversation holds, as a stamp: the conversation's key and its map's document, hashed.
/// Every transaction that writes a conversation's row (<c>c~</c>) writes the stamp on its map's
/// <c>m~{map}~r</c> row too, and that row sorts among the map's counts, so the query that reads
/// them says whether a copy of the map kept by an instance is still what storage holds
/// (<see cref="CachedMapStore"/>).
/// </summary>
/// <remarks>
/// A hash of the document rather than the row's ETag, because the ETag is only known once the
/// transaction is answered, and the stamp is written in it. The conversation's key is in it so
/// that a map taken by another conversation, unchanged, no longer matches a copy kept for the first.
/// The same content written twice gives the same stamp; a copy with that content is then current
/// in all it shows, and a save from it, made at its older ETag, is refused and read again as any
/// stale copy's is.
/// </remarks>
internal static class MapRevision
{
    /// <summary>The row's kind.</summary>
    public const string Kind = "revision";

    /// <summary>The column holding the stamp.</summary>
    public const string Property = "Revision";

    /// <summary>The stamp of a map no conversation holds any more: it matches no copy.</summary>
    public const string Released = "";

    /// <summary>The stamp of <paramref name="map"/> held by <paramref name="conversationKey"/>, as the map's document is stored.</summary>
    public static string Of(string conversationKey, JourneyMap map) =>
        Of(conversationKey, JsonSerializer.SerializeToUtf8Bytes(map, MapJson.Storage.JourneyMap));

    /// <summary>The stamp of the document <paramref name="utf8Json"/> held by <paramref name="conversationKey"/>.</summary>
    public static string Of(string conversationKey, ReadOnlySpan<byte> utf8Json)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(conversationKey));
        hash.AppendData([0x1f]);
        hash.AppendData(utf8Json);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToBase64String(digest[..18]);
    }

    /// <summary>The map's stamp row, saying <paramref name="revision"/>.</summary>
    public static TableEntity Row(string partitionKey, string mapId, string revision) =>
        new(partitionKey, RowKeys.Revision(mapId)) { [MapRows.KindProperty] = Kind, [Property] = revision };

    /// <summary>The row stamping <paramref name="map"/> as held by <paramref name="conversationKey"/>, upserted.</summary>
    public static TableTransactionAction Stamp(string partitionKey, string conversationKey, JourneyMap map) =>
        new(TableTransactionActionType.UpsertReplace, Row(partitionKey, map.Id, Of(conversationKey, map)));

    /// <summary>The row saying no conversation holds <paramref name="mapId"/> any more, upserted.</summary>
    public static TableTransactionAction Unstamp(string partitionKey, string mapId) =>
        new(TableTransactionActionType.UpsertReplace, Row(partitionKey, mapId, Released));
}
