using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Exports;

/// <summary>The plain-text pages behind a link to a version that is not there (for the web host, which cannot read the strings itself).</summary>
public static class VersionTexts
{
    /// <summary>Version <paramref name="version"/> was let go whole and summarised.</summary>
    public static string Summarised(int version) => Strings.MapVersionSummarised.Fill(("version", version));

    /// <summary>The map has no such version.</summary>
    public static string Unknown => Strings.MapVersionUnknown;

    /// <summary>The changes of a version that has none to compare with.</summary>
    public static string NoChanges => Strings.MapChangesNone;
}
