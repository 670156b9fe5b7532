using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The mark before every item line (cards, page, Markdown) saying how the team knows it, and the
/// legend that explains the marks. Shapes, not colours: they read the same in dark mode, in print
/// and to a screen reader's "black circle".
/// </summary>
internal static class EvidenceMarks
{
    /// <summary>Seen in data or in person: a full circle.</summary>
    public const string Observed = "●";

    /// <summary>Reported by customers or staff: a half circle.</summary>
    public const string Reported = "◐";

    /// <summary>An assumption to check: an empty circle.</summary>
    public const string Assumed = "○";

    /// <summary>The author has not said yet (see <see cref="MapItem.EvidenceUnsaid"/>).</summary>
    public const string Unsaid = "?";

    /// <summary>The mark of <paramref name="item"/>.</summary>
    public static string Of(MapItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.EvidenceUnsaid ? Unsaid : item.Evidence switch
        {
            Evidence.Observed => Observed,
            Evidence.Reported => Reported,
            _ => Assumed,
        };
    }

    /// <summary><paramref name="text"/> (the item's words as shown) after the mark of <paramref name="item"/>.</summary>
    public static string Marked(MapItem item, string text) => $"{Of(item)} {text}";

    /// <summary>How the evidence of <paramref name="item"/> reads in words: "observed", … "not said yet".</summary>
    public static string Name(MapItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.EvidenceUnsaid ? Strings.EvidenceNotSaid : Vocabulary.Name(item.Evidence);
    }

    /// <summary>"How we know: ● observed · ◐ reported … · ○ assumed · ? not said yet".</summary>
    public static string Legend() =>
        Strings.EvidenceLegend.Fill(("observed", Observed), ("reported", Reported), ("assumed", Assumed), ("unsaid", Unsaid));
}
