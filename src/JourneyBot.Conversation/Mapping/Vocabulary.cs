using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Mapping;

/// <summary>The words members use for channels, kinds and evidence, and how the bot names them.</summary>
internal static class Vocabulary
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

    /// <summary>The five-stage template (seeds 002 and 003), in the language of the texts.</summary>
    public static IReadOnlyList<string> FiveStageTemplate =>
        [Strings.StageAwareness, Strings.StageConsideration, Strings.StagePurchase, Strings.StageRetention, Strings.StageAdvocacy];

    /// <summary>Departments a journey map should hear from, whoever has spoken so far, in the language of the texts.</summary>
    public static IReadOnlyList<string> CoreDepartments =>
        [Strings.DepartmentMarketing, Strings.DepartmentSales, Strings.DepartmentCustomerService, Strings.DepartmentProduct];

    /// <summary>The channel a member's word names, or null.</summary>
    public static TouchChannel? ParseChannel(string? word) =>
        word is not null && (ChannelWords.TryGetValue(word.Trim(), out var channel)
            || Enum.TryParse(word.Trim(), ignoreCase: true, out channel) && Enum.IsDefined(channel))
            ? channel
            : null;

    /// <summary>How a channel reads in the bot's messages.</summary>
    public static string Name(TouchChannel channel) => channel switch
    {
        TouchChannel.Email => Strings.ChannelEmail,
        TouchChannel.SocialNetworks => Strings.ChannelSocialNetworks,
        TouchChannel.WhatsApp => Strings.ChannelWhatsApp,
        TouchChannel.Blog => Strings.ChannelBlog,
        TouchChannel.Website => Strings.ChannelWebsite,
        TouchChannel.Store => Strings.ChannelStore,
        TouchChannel.Phone => Strings.ChannelPhone,
        TouchChannel.App => Strings.ChannelApp,
        TouchChannel.Ads => Strings.ChannelAds,
        TouchChannel.WordOfMouth => Strings.ChannelWordOfMouth,
        _ => Strings.ChannelOther,
    };

    /// <summary>How a kind reads in the bot's messages.</summary>
    public static string Name(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint => Strings.KindTouchpoint,
        ItemKind.Goal => Strings.KindGoal,
        ItemKind.Action => Strings.KindAction,
        ItemKind.PainPoint => Strings.KindPainPoint,
        ItemKind.Emotion => Strings.KindEmotion,
        ItemKind.Thought => Strings.KindThought,
        ItemKind.BrightSpot => Strings.KindBrightSpot,
        _ => Strings.KindOpportunity,
    };

    /// <summary>How a kind reads on its own, as a title: the contribution card's entries, the progress card's latest items, the vote list.</summary>
    public static string Title(ItemKind kind) => kind switch
    {
        ItemKind.Touchpoint => Strings.TitleTouchpoint,
        ItemKind.Goal => Strings.TitleGoal,
        ItemKind.Action => Strings.TitleAction,
        ItemKind.PainPoint => Strings.TitlePainPoint,
        ItemKind.Emotion => Strings.TitleEmotion,
        ItemKind.Thought => Strings.TitleThought,
        ItemKind.BrightSpot => Strings.TitleBrightSpot,
        _ => Strings.TitleOpportunity,
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
        "THOUGHT" or "THOUGHTS" => ItemKind.Thought,
        // Typed as two words ("bright spot", see CommandParser); one word in card data.
        "BRIGHTSPOT" or "BRIGHT SPOT" or "BRIGHT-SPOT" => ItemKind.BrightSpot,
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
        Evidence.Observed => Strings.EvidenceObserved,
        Evidence.Reported => Strings.EvidenceReported,
        _ => Strings.EvidenceAssumed,
    };

    /// <summary>How a map's state reads inside a line: <c>archived</c>.</summary>
    public static string Name(MapStatus status) => status switch
    {
        MapStatus.Active => Strings.StatusActive,
        MapStatus.Published => Strings.StatusPublished,
        MapStatus.Archived => Strings.StatusArchived,
        _ => Strings.StatusCancelled,
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
            ItemKind.Opportunity when item.Owner is not null => Strings.ItemWithOwner.Fill(("text", item.Text), ("owner", item.Owner)),
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
