using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>The names of the texts that hold words members type (<see cref="CommandWords"/>), by what they name.</summary>
internal static class WordKeys
{
    /// <summary>The words that open a command (<c>help</c>, <c>start</c>, <c>save stages as</c>, …).</summary>
    public static IReadOnlySet<string> Commands { get; } = Set(
        nameof(Strings.CommandWordsHelp), nameof(Strings.CommandWordsStatus), nameof(Strings.CommandWordsMaps), nameof(Strings.CommandWordsVersions),
        nameof(Strings.CommandWordsDemo), nameof(Strings.CommandWordsArchive), nameof(Strings.CommandWordsNext), nameof(Strings.CommandWordsBack),
        nameof(Strings.CommandWordsCancel), nameof(Strings.CommandWordsPublish), nameof(Strings.CommandWordsUndo), nameof(Strings.CommandWordsTemplate),
        nameof(Strings.CommandWordsTemplates), nameof(Strings.CommandWordsAsk), nameof(Strings.CommandWordsValidate), nameof(Strings.CommandWordsMute),
        nameof(Strings.CommandWordsUnmute), nameof(Strings.CommandWordsStart), nameof(Strings.CommandWordsOpen), nameof(Strings.CommandWordsFuture),
        nameof(Strings.CommandWordsDepartment), nameof(Strings.CommandWordsDepartments), nameof(Strings.CommandWordsVote), nameof(Strings.CommandWordsEdit),
        nameof(Strings.CommandWordsRemove), nameof(Strings.CommandWordsStages), nameof(Strings.CommandWordsExpects), nameof(Strings.CommandWordsMovesOn),
        nameof(Strings.CommandWordsSaveStagesAs), nameof(Strings.CommandWordsRename), nameof(Strings.CommandWordsAdd), nameof(Strings.CommandWordsTracker),
        nameof(Strings.CommandWordsReview), nameof(Strings.CommandWordsTruth), nameof(Strings.CommandWordsAct), nameof(Strings.CommandWordsPark),
        nameof(Strings.CommandWordsMove), nameof(Strings.CommandWordsLanguage));

    /// <summary>The words that join the parts of a command (<c>rename stage … to …</c>, <c>review every … days</c>, <c>delete all maps</c>).</summary>
    public static IReadOnlySet<string> Connectors { get; } = Set(
        nameof(Strings.CommandWordsEvery), nameof(Strings.CommandWordsDays), nameof(Strings.CommandWordsOff), nameof(Strings.CommandWordsBy),
        nameof(Strings.CommandWordsStage), nameof(Strings.CommandWordsTo), nameof(Strings.CommandWordsAt), nameof(Strings.CommandWordsMap),
        nameof(Strings.CommandWordsAllMaps));

    /// <summary>The words of the kinds of items (<c>touchpoint</c>, <c>pain point</c>, …).</summary>
    public static IReadOnlySet<string> Kinds { get; } = Set(
        nameof(Strings.KindWordsTouchpoint), nameof(Strings.KindWordsGoal), nameof(Strings.KindWordsAction), nameof(Strings.KindWordsPainPoint),
        nameof(Strings.KindWordsEmotion), nameof(Strings.KindWordsOpportunity), nameof(Strings.KindWordsThought), nameof(Strings.KindWordsBrightSpot));

    /// <summary>The words that say how a member knows an item.</summary>
    public static IReadOnlySet<string> Evidence { get; } = Set(
        nameof(Strings.EvidenceWordsObserved), nameof(Strings.EvidenceWordsReported), nameof(Strings.EvidenceWordsAssumed));

    /// <summary>The words of the touchpoints' channels.</summary>
    public static IReadOnlySet<string> Channels { get; } = Set(
        nameof(Strings.ChannelWordsEmail), nameof(Strings.ChannelWordsSocialNetworks), nameof(Strings.ChannelWordsWhatsApp), nameof(Strings.ChannelWordsBlog),
        nameof(Strings.ChannelWordsWebsite), nameof(Strings.ChannelWordsStore), nameof(Strings.ChannelWordsPhone), nameof(Strings.ChannelWordsApp),
        nameof(Strings.ChannelWordsAds), nameof(Strings.ChannelWordsWordOfMouth), nameof(Strings.ChannelWordsOther));

    /// <summary>What opens a typed line: a command or a kind of item.</summary>
    public static IReadOnlySet<string> Openers { get; } = Set([.. Commands, .. Kinds]);

    /// <summary>Every text of words.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Commands, .. Connectors, .. Kinds, .. Evidence, .. Channels];

    private static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}
