using System.Globalization;
using Azure.Data.Tables;

namespace JourneyBot.Storage;

/// <summary>
/// A JSON document spread over string properties <c>Doc0</c>, <c>Doc1</c>, … with their count in
/// <c>DocParts</c>.
/// </summary>
/// <remarks>
/// A string property holds at most 64 KiB (32K UTF-16 characters) and an entity at most 1 MiB, and
/// a map with many stages, or an item with long text, outgrows one property long before it
/// outgrows the entity. Parts are cut at <see cref="PartLength"/> characters, never inside a
/// surrogate pair.
/// </remarks>
internal static class DocumentColumns
{
    /// <summary>The most characters in one part: under the 32K limit with room to spare.</summary>
    public const int PartLength = 30_000;

    /// <summary>The most characters in a document: the entity's 1 MiB, less room for its other properties.</summary>
    public const int MaxLength = 480_000;

    private const string Parts = "DocParts";

    /// <summary>Writes <paramref name="json"/> into <paramref name="entity"/>.</summary>
    public static void Write(TableEntity entity, string json)
    {
        if (json.Length > MaxLength)
        {
            throw new InvalidOperationException(
                $"A stored document has {json.Length} characters; a table entity holds at most {MaxLength}.");
        }

        var count = 0;
        foreach (var part in Cut(json, PartLength))
        {
            entity[PartName(count++)] = part;
        }

        entity[Parts] = count;
    }

    /// <summary><paramref name="text"/> in pieces of at most <paramref name="length"/> characters, never cut inside a surrogate pair.</summary>
    public static IEnumerable<string> Cut(string text, int length)
    {
        for (var start = 0; start < text.Length;)
        {
            var piece = Math.Min(length, text.Length - start);
            if (start + piece < text.Length && char.IsHighSurrogate(text[start + piece - 1]))
            {
                piece--;
            }

            yield return text.Substring(start, piece);
            start += piece;
        }
    }

    /// <summary>The document in <paramref name="entity"/>, or null when it has none.</summary>
    public static string? Read(TableEntity entity)
    {
        if (entity.GetInt32(Parts) is not { } count)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString(PartName(i))));
    }

    private static string PartName(int index) => "Doc" + index.ToString(CultureInfo.InvariantCulture);
}
