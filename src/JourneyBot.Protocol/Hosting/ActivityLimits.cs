using System.Text.Json;
using System.Text.Unicode;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Hosting;

/// <summary>
/// What a request must be before a turn sees it: text the JSON reader can decode everywhere,
/// and ids of a sane length. Checked at the edge, so that no part of the bot meets a value it
/// cannot read or store (the untyped parts, channelData and value, are read lazily and would
/// otherwise fail mid-turn; a 70,000-character id outgrows a stored row).
/// </summary>
internal static class ActivityLimits
{
    /// <summary>
    /// The longest id accepted. Teams' ids are well under 200 characters (a thread id with its
    /// message id, a 29: user id); 1,024 leaves room for any channel while keeping rows small.
    /// </summary>
    public const int MaxIdLength = 1024;

    /// <summary>
    /// Why <paramref name="body"/> cannot be decoded as text, or null: bytes that are not UTF-8,
    /// or an escape that decodes to no character (a lone surrogate such as <c>\ud800</c>).
    /// </summary>
    public static string? FindUndecodableText(byte[] body)
    {
        if (!Utf8.IsValid(body))
        {
            return "The request body is not valid UTF-8.";
        }

        // Escaped strings are decoded only when read; read each one now. A body the reader cannot
        // tokenise is left to the parser, which refuses it with its own reason.
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return "The request body has a string that decodes to no text.";
        }

        return null;
    }

    /// <summary>The name of the first id of <paramref name="activity"/> longer than <see cref="MaxIdLength"/>, or null.</summary>
    public static string? FindOverlongId(Activity activity)
    {
        var ids = new (string Name, string? Value)[]
        {
            ("id", activity.Id),
            ("replyToId", activity.ReplyToId),
            ("channelId", activity.ChannelId),
            ("serviceUrl", activity.ServiceUrl),
            ("from.id", activity.From?.Id),
            ("from.aadObjectId", activity.From?.AadObjectId),
            ("recipient.id", activity.Recipient?.Id),
            ("recipient.aadObjectId", activity.Recipient?.AadObjectId),
            ("conversation.id", activity.Conversation?.Id),
            ("conversation.tenantId", activity.Conversation?.TenantId),
            ("channelData.team.id", ChannelDataId(activity, "team")),
            ("channelData.tenant.id", ChannelDataId(activity, "tenant")),
            ("channelData.channel.id", ChannelDataId(activity, "channel")),
        };
        foreach (var (name, value) in ids)
        {
            if (value is { Length: > MaxIdLength })
            {
                return name;
            }
        }

        var members = (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? [])
            .Concat((activity.Entities ?? []).Select(e => e?.Mentioned));
        return members.Any(m => m?.Id is { Length: > MaxIdLength } || m?.AadObjectId is { Length: > MaxIdLength })
            ? "a member's id"
            : null;
    }

    private static string? ChannelDataId(Activity activity, string owner) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(owner, out var account) && account.ValueKind == JsonValueKind.Object
        && account.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
