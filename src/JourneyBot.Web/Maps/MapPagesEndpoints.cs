using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Web.Maps;

/// <summary>
/// The full map and its exports behind signed, expiring links: <c>/maps/{token}</c> (HTML),
/// <c>/maps/{token}/json</c>, <c>/csv</c>, <c>/md</c>, and the actions' own <c>/actions.csv</c>. Nothing
/// else of the bot is reachable without a token. A link shows the published version it names, whatever
/// changed since, with the map's actions as they are now (they change after publishing; a version never
/// holds them); once the map is archived or cancelled, its links answer 410. Round trips: one point
/// read of the map's shelf line, then one query for the published version (a map published before
/// versions were kept: its map and board) alongside one query for the actions (and, for the page, one for the evidence history).
/// The page, of a map with a future state, also reads that map's shelf line (and the map, for the version to link); a future
/// map links its current state with no read (<see cref="MapRelations"/>).
/// </summary>
internal static class MapPagesEndpoints
{
    // The page loads nothing: its style is inline and its only image a data URI.
    private const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapMapPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/maps/{token}/{format?}", ServeAsync);
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(string token, string? format, MapLinks links, IMapStore store, IActionStore actionStore,
        TimeProvider clock, HttpContext http)
    {
        var check = links.Check(token);
        if (check.Status == MapLinkStatus.Expired)
        {
            return Results.Text(Texts.MapLinkExpired, statusCode: StatusCodes.Status410Gone);
        }

        if (check.Status != MapLinkStatus.Valid || format is not (null or "json" or "csv" or "md" or MapExport.ActionsCsvFormat))
        {
            return Results.NotFound();
        }

        var (teamKey, mapId, cancel) = (check.TeamKey!, check.MapId!, http.RequestAborted);
        var line = await store.GetMapSummaryAsync(teamKey, mapId, cancel);
        if (line?.Status is MapStatus.Archived or MapStatus.Cancelled)
        {
            return Results.Text(Texts.MapLinkWithdrawn, statusCode: StatusCodes.Status410Gone);
        }

        if (line is null)
        {
            return Results.NotFound();
        }

        // The actions are read side by side with the version: one more request, no more waiting.
        var reading = actionStore.GetActionsAsync(teamKey, mapId, cancel);
        // The evidence history, like the actions, is as it is now whatever version is shown; only the page lists it.
        var historyReading = format is null && http.RequestServices.GetService<Conversation.Validation.IValidationStore>() is { } validations
            ? validations.ListChangesAsync(teamKey, mapId, cancel)
            : Task.FromResult<IReadOnlyList<Conversation.Validation.EvidenceChange>>([]);
        var finding = check.Version > 0 ? store.GetPublishedAsync(teamKey, mapId, check.Version, cancel) : FindAsync(store, teamKey, line, cancel);
        await Task.WhenAll(reading, finding, historyReading);
        var (shown, actions) = (await finding, ActionsOnDay.On(await reading, clock));
        if (shown is null)
        {
            return Results.NotFound();
        }

        var (map, board) = (shown.Map, shown.Board);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "private, no-store";
        var file = FileName(map.Name);
        return format switch
        {
            "json" => Download(MapExport.Json(map, board, actions), "application/json; charset=utf-8", file + ".json", http),
            "csv" => Download(MapExport.Csv(map, board), "text/csv; charset=utf-8", file + ".csv", http),
            "md" => Download(MapExport.Markdown(map, board, actions), "text/markdown; charset=utf-8", file + ".md", http),
            MapExport.ActionsCsvFormat => Download(MapExport.ActionsCsv(map, actions), "text/csv; charset=utf-8", file + "-actions.csv", http),
            _ => Results.Content(MapPage.Html(map, board, actions, await historyReading, await new MapRelations(store, links).ForAsync(teamKey, map, cancel)),
                "text/html; charset=utf-8"),
        };
    }

    // A link made before versions were kept (version 0) shows the map as it is now: in the
    // conversation that holds it, or on the team's shelf.
    private static async Task<PublishedMap?> FindAsync(IMapStore store, string teamKey, MapSummary line, CancellationToken cancellationToken)
    {
        var held = await store.GetConversationMapAsync(new MapScope(teamKey, line.ConversationKey), cancellationToken);
        var map = held?.Map.Id == line.Id ? held.Map : await store.GetShelvedMapAsync(teamKey, line.Id, cancellationToken);
        return map is null ? null : new PublishedMap(map, await store.GetBoardAsync(teamKey, map.Id, cancellationToken));
    }

    private static IResult Download(string content, string type, string name, HttpContext http)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return Results.Content(content, type);
    }

    private static string FileName(string mapName)
    {
        var safe = new string([.. mapName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');
        return safe.Length == 0 ? "journey-map" : safe[..Math.Min(safe.Length, 60)];
    }
}
