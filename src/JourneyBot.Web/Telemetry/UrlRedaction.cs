using System.Diagnostics;
using OpenTelemetry;

namespace JourneyBot.Web.Telemetry;

/// <summary>
/// Takes ids out of the URLs that HTTP spans record: the connector's conversation and activity
/// ids (a 1:1 chat's id names its member), Table Storage's keys, which are built from them, the
/// signed token of a map link, which opens the map to whoever holds it, and the member whose Graph
/// profile is read. The query goes too.
/// What remains still tells which call it was.
/// </summary>
/// <remarks>
/// Runs when a span ends, before the exporters registered after it see the span.
/// <c>…/v3/conversations/19:abc@thread.tacv2/activities/1:2</c> becomes
/// <c>…/v3/conversations/{id}/activities/{id}</c>; <c>/journey(PartitionKey='…',RowKey='…')</c>
/// becomes <c>/journey(…)</c>.
/// </remarks>
internal sealed class UrlRedaction : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.full", "http.url"];
    private static readonly string[] PathTags = ["url.path", "http.target"];
    private static readonly HashSet<string> IdFollows = new(StringComparer.OrdinalIgnoreCase) { "conversations", "activities", "maps", "users" };

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                data.SetTag(tag, uri.GetLeftPart(UriPartial.Authority) + Path(uri.AbsolutePath));
            }
        }

        foreach (var tag in PathTags)
        {
            if (data.GetTagItem(tag) is string path)
            {
                var query = path.IndexOf('?', StringComparison.Ordinal);
                data.SetTag(tag, Path(query < 0 ? path : path[..query]));
            }
        }

        if (data.GetTagItem("url.query") is not null)
        {
            data.SetTag("url.query", null);
        }
    }

    /// <summary>The path with every id segment replaced.</summary>
    internal static string Path(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var open = segments[i].IndexOf('(', StringComparison.Ordinal);
            if (open >= 0)
            {
                segments[i] = segments[i][..open] + "(…)";
            }
            else if (i > 0 && IdFollows.Contains(segments[i - 1]) && segments[i].Length > 0)
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }
}
