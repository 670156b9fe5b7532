using System.Security.Cryptography;
using System.Text;

namespace JourneyBot.Conversation.Mapping;

/// <summary>
/// Item ids derived from what caused them, so that a redelivered activity names the same item
/// and is stored once. Members see and type a short prefix.
/// </summary>
internal static class ItemIds
{
    /// <summary>Characters of an id (60 bits: no collision among the items of any real map).</summary>
    public const int Length = 12;

    /// <summary>Characters shown to members.</summary>
    public const int ShortLength = 5;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>The id of the item a given activity adds; the same for every delivery of it.</summary>
    public static string For(string? activityId, string salt)
    {
        var seed = activityId ?? Guid.NewGuid().ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\u001f" + salt));
        var id = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            id[i] = Alphabet[hash[i] % Alphabet.Length];
        }

        return new string(id);
    }

    /// <summary>What members see.</summary>
    public static string Display(string id) => id[..Math.Min(ShortLength, id.Length)];
}
