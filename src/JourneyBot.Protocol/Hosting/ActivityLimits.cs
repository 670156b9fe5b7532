using System.Text.Json;
using System.Text.Unicode;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Hosting;

/// <summary>
/// What a request must be before a turn sees it: text the JSON reader can decode everywhere,
/// and ids of a sane length made of printable characters. Checked at the edge, so that no part of the bot meets a value it
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

    /// <summary>
    /// Why an id of <paramref name="activity"/> cannot be used, or null: longer than
    /// <see cref="MaxIdLength"/>, or holding a character no Bot Framework id has (a control such as
    /// CR, LF or ESC, a format character, a line separator; <see cref="LogSafe.IsUnprintable"/>).
    /// Ids are logged and stored as they are, so such an id could forge log lines.
    /// </summary>
    public static string? FindUnusableId(Activity activity)
    {
        foreach (var (name, value) in Ids(activity))
        {
            if (value is { Length: > MaxIdLength })
            {
                return $"The activity's {name} is longer than {MaxIdLength} characters.";
            }

            if (value is not null && LogSafe.HasUnprintable(value))
            {
                return $"The activity's {name} has a control character.";
            }
        }

        return null;
    }

    private static IEnumerable<(string Name, string? Value)> Ids(Activity activity)
    {
        yield return ("id", activity.Id);
        yield return ("replyToId", activity.ReplyToId);
        yield return ("channelId", activity.ChannelId);
        yield return ("serviceUrl", activity.ServiceUrl);
        yield return ("from.id", activity.From?.Id);
        yield return ("from.aadObjectId", activity.From?.AadObjectId);
        yield return ("recipient.id", activity.Recipient?.Id);
        yield return ("recipient.aadObjectId", activity.Recipient?.AadObjectId);
        yield return ("conversation.id", activity.Conversation?.Id);
        yield return ("conversation.tenantId", activity.Conversation?.TenantId);
        yield return ("channelData.team.id", ChannelDataId(activity, "team"));
        yield return ("channelData.tenant.id", ChannelDataId(activity, "tenant"));
        yield return ("channelData.channel.id", ChannelDataId(activity, "channel"));
        var members = (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? [])
            .Concat((activity.Entities ?? []).Select(e => e?.Mentioned));
        foreach (var member in members)
        {
            yield return ("a member's id", member?.Id);
            yield return ("a member's aadObjectId", member?.AadObjectId);
        }
    }

    private static string? ChannelDataId(Activity activity, string owner) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(owner, out var account) && account.ValueKind == JsonValueKind.Object
        && account.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
