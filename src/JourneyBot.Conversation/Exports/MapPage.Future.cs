using System.Globalization;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Exports;

/// <summary>The page of a current and future pair: the link to the other map, and a future map's brief.</summary>
public static partial class MapPage
{
    // Under the title: "Future state of <a>Shoe journey</a>." or "Its future state: <a>…</a>, being mapped."
    private static void AppendRelated(StringBuilder html, RelatedMap? related)
    {
        if (related is null)
        {
            return;
        }

        var name = related.Link is { } link ? $"<a href=\"{H(link.ToString())}\">{H(related.Name)}</a>" : $"“{H(related.Name)}”";
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"sub\">{FutureCard.Line(related, name)}</p>");
    }

    // A future map's brief, in full: the current state's top pain points to remove, its opportunities as targets.
    private static void AppendBrief(StringBuilder html, JourneyMap map)
    {
        if (map.FutureOf is not { } of)
        {
            return;
        }

        foreach (var (heading, points) in new[] { (Strings.FutureRemoveHeading, of.Remove), (Strings.FutureTargetsHeading, of.Targets) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{heading}</h2><ul>");
            if (points.Count == 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"empty\">{Strings.FutureNoneInCurrent}</li>");
            }

            foreach (var point in points)
            {
                var stage = map.Stages.FirstOrDefault(s => s.Id == point.StageId)?.Name ?? "?";
                var owner = point.Owner is { } department ? H(department) + " · " : string.Empty;
                var votes = point.Votes > 0 ? " · " + Strings.VoteCount.Fill(("count", point.Votes)) : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<li>{H(point.Text)} <span class=\"meta\">{owner}{H(stage)}{votes}</span></li>");
            }

            html.Append("</ul>");
        }
    }
}
