using System.Globalization;

namespace JourneyBot.Conversation.Languages;

/// <summary>
/// The languages whose words the current turn accepts besides English (the member's and the
/// team's): what <see cref="Flow.CommandWords.Current"/> reads. Set by <see cref="LanguageScope"/>.
/// </summary>
public static class TypedLanguages
{
    private static readonly AsyncLocal<IReadOnlyList<CultureInfo>?> Turn = new();

    /// <summary>The languages of the current turn; none outside a turn (English only).</summary>
    public static IReadOnlyList<CultureInfo> Current
    {
        get => Turn.Value ?? [];
        internal set => Turn.Value = value;
    }
}
