using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Conversation.Exports;

/// <summary>The page's versions: which one it shows, the list of all (each a link), and what changed since the one before.</summary>
public static partial class MapPage
{
    // Above the map: a notice when a newer version exists than the one shown.
    private static void AppendNewer(StringBuilder html, VersionHistory history)
    {
        if (history.Latest > history.Shown)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"sub\"><a href=\"?v={history.Latest}\">");
            html.Append(Strings.PageVersionOlder.Fill(("shown", history.Shown), ("latest", history.Latest))).Append("</a></p>");
        }
    }

    private static void AppendVersions(StringBuilder html, VersionHistory history)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"versions\">{Strings.PageVersions}</h2><ul>");
        foreach (var line in history.Versions.Kept.Reverse())
        {
            var label = line.Number == history.Shown
                ? Strings.PageVersionShown.Fill(("version", line.Number))
                : $"<a href=\"?v={line.Number}\">{Strings.VersionLabel.Fill(("version", line.Number))}</a>";
            html.Append("<li>").Append(Strings.VersionsLine.Fill(("version", label), ("date", line.PublishedAt),
                ("member", H(line.PublishedBy.Length == 0 ? "?" : line.PublishedBy)), ("items", line.Items)));
            html.Append(line.Number == history.Latest ? $" <span class=\"meta\">{Strings.PageVersionLatest}</span>" : string.Empty).Append("</li>");
        }

        html.Append("</ul>");
        if (history.Versions.Summarised is { } summarised)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Summarised(summarised)}</p>");
        }

        if (history.Changes is { } diff)
        {
            AppendChanges(html, history, diff);
        }
    }

    /// <summary>The sentence that says what stays of the versions let go.</summary>
    internal static string Summarised(SummarisedVersions summarised) => Strings.VersionsSummarised.Fill(
        ("through", summarised.Through), ("first", summarised.FirstPublishedAt), ("last", summarised.LastPublishedAt),
        ("max", PublishedVersions.MaxKept), ("items", summarised.LastItems));

    private static void AppendChanges(StringBuilder html, VersionHistory history, MapDiff diff)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"changes\">{Strings.ChangesTitle.Fill(("from", diff.From))}</h2>");
        if (diff.LaterScores.Any(s => s is not null) || diff.EarlierScores.Any(s => s is not null))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"curve\"><img alt=\"{Strings.EmotionCurve}\" src=\"{EmotionCurve.DataUri(diff.LaterScores, diff.EarlierScores)}\"></div>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Strings.ChangesCurveLegend.Fill(("to", diff.To), ("from", diff.From))}</p>");
        }

        foreach (var section in ChangeWords.Sections(diff, H))
        {
            if (section.Title is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{section.Title}</h3>");
            }

            html.Append("<ul>").Append(string.Concat(section.Lines.Select(l => $"<li>{l}</li>"))).Append("</ul>");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<p><a href=\"{H(history.Token)}/{MapExport.ChangesFormat}?v={history.Shown}\">{Strings.PageChangesMarkdown}</a></p>");
    }
}
