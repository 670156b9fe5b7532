using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Conversation.Exports;

/// <summary>What changed between two versions, as Markdown (<c>/maps/{token}/changes.md</c>).</summary>
public static partial class MapExport
{
    /// <summary>The export's path after a version's link.</summary>
    public const string ChangesFormat = "changes.md";

    /// <summary>
    /// Every change of <paramref name="diff"/>, from the version published at <paramref name="fromAt"/>
    /// to <paramref name="map"/> (the later version), with both emotion curves as faces.
    /// </summary>
    public static string Changes(JourneyMap map, MapDiff diff, DateTimeOffset fromAt)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(diff);
        string E(string text) => Flow.Markdown.Escape(text);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Strings.ChangesTitle.Fill(("from", diff.From))}\n\n");
        md.Append(Strings.ChangesIntro.Fill(("map", E(map.Name)), ("to", diff.To), ("date", map.PublishedAt ?? fromAt),
            ("member", E(map.PublishedBy?.Name ?? "?")), ("from", diff.From), ("fromDate", fromAt))).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{Strings.VersionLabel.Fill(("version", diff.From))}:** {EmotionCurve.Faces(diff.EarlierScores)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{Strings.VersionLabel.Fill(("version", diff.To))}:** {EmotionCurve.Faces(diff.LaterScores)}\n");
        foreach (var section in ChangeWords.Sections(diff, E))
        {
            md.Append('\n');
            if (section.Title is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"## {section.Title}\n\n");
            }

            foreach (var line in section.Lines)
            {
                md.Append("- ").Append(line).Append('\n');
            }
        }

        return md.ToString();
    }
}
