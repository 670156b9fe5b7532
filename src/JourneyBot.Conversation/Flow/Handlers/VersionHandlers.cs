using System.Text;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary><c>versions</c>: the map's published versions, newest first, each a link to its page.</summary>
internal sealed class VersionHandlers(IMapStore store, MapLinks links)
{
    // Ten lines keep the answer short; the full page lists every version.
    public const int Listed = 10;

    public async Task<TurnOutcome> ListAsync(CommandTurn command, VersionsCommand versions, CancellationToken cancellationToken)
    {
        var (map, teamKey) = (command.Map, command.Scope.TeamKey);
        var list = await store.ListPublishedAsync(teamKey, map.Id, cancellationToken);
        // A version kept by a publish that then failed is not one the map names.
        var named = list.Kept.Where(v => v.Number <= map.PublishedVersion).Reverse().ToList();
        if (named.Count == 0 && list.Summarised is null)
        {
            return new TurnOutcome().Say(Strings.VersionsNone.Fill(("map", Markdown.Escape(map.Name))));
        }

        var text = new StringBuilder(Strings.VersionsHeading.Fill(("map", Markdown.Escape(map.Name)))).Append("\n\n");
        foreach (var line in named.Take(Listed))
        {
            var label = Strings.VersionLabel.Fill(("version", line.Number));
            var version = links.For(teamKey, map.Id, line.Number) is { } link ? $"[{label}]({link})" : label;
            text.Append("- ").Append(Strings.VersionsLine.Fill(("version", version), ("date", line.PublishedAt),
                ("member", Markdown.Escape(line.PublishedBy.Length == 0 ? "?" : line.PublishedBy)), ("items", line.Items))).Append('\n');
        }

        if (named.Count > Listed)
        {
            text.Append("- ").Append(Strings.VersionsMoreEarlier.Fill(("count", named.Count - Listed))).Append('\n');
        }

        if (list.Summarised is { } summarised)
        {
            text.Append('\n').Append(MapPage.Summarised(summarised));
        }

        return new TurnOutcome().Say(text.ToString());
    }
}
