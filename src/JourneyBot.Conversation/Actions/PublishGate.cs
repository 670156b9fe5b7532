using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Actions;

/// <summary>What publishing says when the map is not ready: what the map lacks, and the top-voted opportunities nobody decided on.</summary>
internal static class PublishGate
{
    /// <summary>
    /// The refusal: the missing parts of the map (<see cref="MapFlow.MissingForPublish"/>), then each
    /// undecided top-voted opportunity with its id and the <c>act</c> and <c>park</c> commands that settle it.
    /// </summary>
    public static string Refusal(IReadOnlyList<string> missing, IReadOnlyList<(MapItem Item, int Votes)> undecided)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(undecided);
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add(Strings.CannotPublishYet.Fill(("missing", string.Join("; ", missing))));
        }

        if (undecided.Count > 0)
        {
            var lines = undecided.Select(u => Strings.PublishUndecidedLine.Fill(
                ("opportunity", Markdown.Escape(TextRules.Shorten(u.Item.Text, 90))), ("votes", u.Votes), ("id", ItemIds.Display(u.Item.Id))));
            parts.Add(Strings.PublishNeedsActions.Fill(("count", undecided.Count), ("opportunities", string.Join("\n", lines))));
        }

        return string.Join("\n\n", parts);
    }
}
