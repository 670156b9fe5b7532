namespace JourneyBot.Conversation.Mapping;

/// <summary>The words members use for channels, kinds and evidence, and how the bot names them.</summary>
public static class Vocabulary
{
    private static readonly Dictionary<string, TouchChannel> ChannelWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = TouchChannel.Email, ["e-mail"] = TouchChannel.Email, ["mail"] = TouchChannel.Email, ["newsletter"] = TouchChannel.Email,
        ["social"] = TouchChannel.SocialNetworks, ["social networks"] = TouchChannel.SocialNetworks, ["social media"] = TouchChannel.SocialNetworks,
        ["socialnetworks"] = TouchChannel.SocialNetworks,
        ["whatsapp"] = TouchChannel.WhatsApp,
        ["blog"] = TouchChannel.Blog,
        ["website"] = TouchChannel.Website, ["web"] = TouchChannel.Website, ["site"] = TouchChannel.Website, ["web site"] = TouchChannel.Website,
        ["store"] = TouchChannel.Store, ["shop"] = TouchChannel.Store, ["physical store"] = TouchChannel.Store,
        ["phone"] = TouchChannel.Phone, ["call"] = TouchChannel.Phone, ["telephone"] = TouchChannel.Phone,
        ["app"] = TouchChannel.App, ["mobile app"] = TouchChannel.App,
        ["ads"] = TouchChannel.Ads, ["ad"] = TouchChannel.Ads, ["advertising"] = TouchChannel.Ads,
        ["word of mouth"] = TouchChannel.WordOfMouth, ["wordofmouth"] = TouchChannel.WordOfMouth, ["referral"] = TouchChannel.WordOfMouth,
        ["other"] = TouchChannel.Other,
    };

    /// <summary>The five-stage template (seeds 002 and 003).</summary>
    public static IReadOnlyList<string> FiveStageTemplate { get; } = ["Awareness", "Consideration", "Purchase", "Retention", "Advocacy"];

    /// <summary>Departments a journey map should hear from, whoever has spoken so far.</summary>
    public static IReadOnlyList<string> CoreDepartments { get; } = ["Marketing", "Sales", "Customer Service", "Product"];

    /// <summary>The channel a member's word names, or null.</summary>
    public static TouchChannel? ParseChannel(string? word) =>
        word is not null && (ChannelWords.TryGetValue(word.Trim(), out var channel)
            || Enum.TryParse(word.Trim(), ignoreCase: true, out channel) && Enum.IsDefined(channel))
            ? channel
            : null;

    /// <summary>How a channel reads in the bot's messages.</summary>
    public static string Name(TouchChannel channel) => channel switch
    {
        TouchChannel.Email => "Email",
        TouchChannel.SocialNetworks => "Social networks",
        TouchChannel.WhatsApp => "WhatsApp",
        TouchChannel.Blog => "Blog",
        TouchChannel.Website => "Website",
        TouchChannel.Store => "Store",
        TouchChannel.Phone => "Phone",
        TouchChannel.App => "App",
        TouchChannel.Ads => "Ads",
        TouchChannel.WordOfMouth => "Word of mouth",
        _ => "Other",
    };

    /// <summary>How a kind reads in the bot's messages.</summary>
    public static string Name(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint => "touchpoint",
        ItemKind.Goal => "goal",
        ItemKind.Action => "action",
        ItemKind.PainPoint => "pain point",
        ItemKind.Emotion => "emotion",
        _ => "opportunity",
    };

    /// <summary>The kind a member's word names, or null.</summary>
    public static ItemKind? ParseKind(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "TOUCHPOINT" or "TP" => ItemKind.Touchpoint,
        "GOAL" => ItemKind.Goal,
        "ACTION" => ItemKind.Action,
        "PAIN" or "PAINPOINT" or "PAIN POINT" or "PAIN-POINT" => ItemKind.PainPoint,
        "EMOTION" or "FEELING" => ItemKind.Emotion,
        "OPPORTUNITY" or "IDEA" or "OPP" => ItemKind.Opportunity,
        _ => null,
    };

    /// <summary>The evidence level a member's word names, or null.</summary>
    public static Evidence? ParseEvidence(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "OBSERVED" or "SEEN" or "DATA" => Evidence.Observed,
        "REPORTED" or "CUSTOMERS" or "STAFF" or "REPORTED BY CUSTOMERS OR STAFF" => Evidence.Reported,
        "ASSUMED" or "ASSUMPTION" or "GUESS" or "HYPOTHESIS" => Evidence.Assumed,
        _ => null,
    };

    /// <summary>How an evidence level reads.</summary>
    public static string Name(Evidence evidence) => evidence switch
    {
        Evidence.Observed => "observed",
        Evidence.Reported => "reported by customers or staff",
        _ => "assumed",
    };

    /// <summary>An average score as people read it: <c>+0.5</c>, <c>−1.0</c>, <c>0</c>.</summary>
    public static string Score(double score) => score.ToString("+0.0;−0.0;0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stage's feeling: its face and its average, e.g. <c>🙂 +0.5</c>.</summary>
    public static string Feeling(double score) => $"{Face(score)} {Score(score)}";

    /// <summary>
    /// How an item reads in a line: its channel, score (with the face when
    /// <paramref name="withFace"/>) or owner with its text.
    /// </summary>
    public static string Describe(MapItem item, bool withFace = false)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            ItemKind.Touchpoint => $"{Name(item.Channel ?? TouchChannel.Other)}: {item.Text}",
            ItemKind.Emotion => $"{item.Score:+0;−0;0}{(withFace ? " " + Face(item.Score ?? 0) : string.Empty)} {item.Text}".TrimEnd(),
            ItemKind.Opportunity when item.Owner is not null => $"{item.Text} (owner: {item.Owner})",
            _ => item.Text,
        };
    }

    /// <summary>An emotion score as a face, for text and cards.</summary>
    public static string Face(double score) => score switch
    {
        <= -1.5 => "😡",
        <= -0.5 => "🙁",
        < 0.5 => "😐",
        < 1.5 => "🙂",
        _ => "😄",
    };
}
