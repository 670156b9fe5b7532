using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Mapping;

/// <summary>The words members use for channels, kinds and evidence, and how the bot names them.</summary>
internal static class Vocabulary
{
    /// <summary>The five-stage template (seeds 002 and 003), in the language of the texts.</summary>
    public static IReadOnlyList<string> FiveStageTemplate =>
        [Strings.StageAwareness, Strings.StageConsideration, Strings.StagePurchase, Strings.StageRetention, Strings.StageAdvocacy];

    /// <summary>Departments a journey map should hear from, whoever has spoken so far, in the language of the texts.</summary>
    public static IReadOnlyList<string> CoreDepartments =>
        [Strings.DepartmentMarketing, Strings.DepartmentSales, Strings.DepartmentCustomerService, Strings.DepartmentProduct];

    /// <summary>The channel a member's word names, or null.</summary>
    /// <remarks>The <c>ChannelWords*</c> texts of English and the turn's languages (<see cref="CommandWords"/>), or the channel's own name.</remarks>
    public static TouchChannel? ParseChannel(string? word) =>
        CommandWords.Current.Whole(word, WordKeys.Channels) switch
        {
            nameof(Strings.ChannelWordsEmail) => TouchChannel.Email,
            nameof(Strings.ChannelWordsSocialNetworks) => TouchChannel.SocialNetworks,
            nameof(Strings.ChannelWordsWhatsApp) => TouchChannel.WhatsApp,
            nameof(Strings.ChannelWordsBlog) => TouchChannel.Blog,
            nameof(Strings.ChannelWordsWebsite) => TouchChannel.Website,
            nameof(Strings.ChannelWordsStore) => TouchChannel.Store,
            nameof(Strings.ChannelWordsPhone) => TouchChannel.Phone,
            nameof(Strings.ChannelWordsApp) => TouchChannel.App,
            nameof(Strings.ChannelWordsAds) => TouchChannel.Ads,
            nameof(Strings.ChannelWordsWordOfMouth) => TouchChannel.WordOfMouth,
            nameof(Strings.ChannelWordsOther) => TouchChannel.Other,
            _ => word is not null && Enum.TryParse(word.Trim(), ignoreCase: true, out TouchChannel channel) && Enum.IsDefined(channel) ? channel : null,
        };

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

    /// <summary>The kind a member's word names (English or the turn's languages, see <see cref="CommandWords"/>), or null.</summary>
    /// <remarks>The cards' data names a kind in one word (<c>painpoint</c>, <c>brightspot</c>); a hyphen may join the words.</remarks>
    public static ItemKind? ParseKind(string? word) =>
        KindOfKey(CommandWords.Current.Whole(word?.Replace('-', ' '), WordKeys.Kinds));

    /// <summary>The kind whose words a <c>KindWords*</c> text holds, or null for any other text.</summary>
    public static ItemKind? KindOfKey(string? key) => key switch
    {
        nameof(Strings.KindWordsTouchpoint) => ItemKind.Touchpoint,
        nameof(Strings.KindWordsGoal) => ItemKind.Goal,
        nameof(Strings.KindWordsAction) => ItemKind.Action,
        nameof(Strings.KindWordsPainPoint) => ItemKind.PainPoint,
        nameof(Strings.KindWordsEmotion) => ItemKind.Emotion,
        nameof(Strings.KindWordsOpportunity) => ItemKind.Opportunity,
        nameof(Strings.KindWordsThought) => ItemKind.Thought,
        nameof(Strings.KindWordsBrightSpot) => ItemKind.BrightSpot,
        _ => null,
    };

    /// <summary>The evidence level a member's word names (English or the turn's languages), or null.</summary>
    public static Evidence? ParseEvidence(string? word) => CommandWords.Current.Whole(word, WordKeys.Evidence) switch
    {
        nameof(Strings.EvidenceWordsObserved) => Evidence.Observed,
        nameof(Strings.EvidenceWordsReported) => Evidence.Reported,
        nameof(Strings.EvidenceWordsAssumed) => Evidence.Assumed,
        // The long name of the level, as the exports write it.
        _ when word is not null && word.Trim().Equals("reported by customers or staff", StringComparison.OrdinalIgnoreCase) => Evidence.Reported,
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

    /// <summary>An average score as people read it, with the decimal separator of the culture of the texts: <c>+0.5</c>, <c>−1.0</c>, <c>0</c> (<c>+0,5</c> in Spanish).</summary>
    public static string Score(double score) => score.ToString("+0.0;−0.0;0", System.Globalization.CultureInfo.CurrentCulture);

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
