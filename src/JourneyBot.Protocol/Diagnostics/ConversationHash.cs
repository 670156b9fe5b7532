using System.Security.Cryptography;
using System.Text;

namespace JourneyBot.Protocol.Diagnostics;

/// <summary>
/// Names a conversation in telemetry without naming it: the first 8 bytes of the SHA-256 of its
/// key (service URL and conversation id), as 16 hex digits. Enough to group one conversation's
/// turns and deferred sends, and to find them again from a known id; not enough to read the id.
/// </summary>
public static class ConversationHash
{
    /// <summary>The hash of <paramref name="conversationKey"/>.</summary>
    public static string Of(string conversationKey)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(conversationKey), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
