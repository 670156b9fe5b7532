using JourneyBot.Conversation;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Web.Maps;

/// <summary>
/// The full map and its exports behind signed, expiring links: <c>/maps/{token}</c> (HTML),
/// <c>/maps/{token}/json</c>, <c>/csv</c>, <c>/md</c>. Nothing else of the bot is reachable without a token.
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

    private static async Task<IResult> ServeAsync(string token, string? format, MapLinks links, IMapStore store, HttpContext http)
    {
        var check = links.Check(token);
        if (check.Status == MapLinkStatus.Expired)
        {
            return Results.Text(Texts.MapLinkExpired, statusCode: StatusCodes.Status410Gone);
        }

        if (check.Status != MapLinkStatus.Valid || format is not (null or "json" or "csv" or "md"))
        {
            return Results.NotFound();
        }

        var map = await FindAsync(store, check.TeamKey!, check.MapId!, http.RequestAborted);
        if (map is null)
        {
            return Results.NotFound();
        }

        var board = await store.GetBoardAsync(check.TeamKey!, map.Id, http.RequestAborted);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "private, no-store";
        var file = FileName(map.Name);
        return format switch
        {
            "json" => Download(MapExport.Json(map, board), "application/json; charset=utf-8", file + ".json", http),
            "csv" => Download(MapExport.Csv(map, board), "text/csv; charset=utf-8", file + ".csv", http),
            "md" => Download(MapExport.Markdown(map, board), "text/markdown; charset=utf-8", file + ".md", http),
            _ => Results.Content(MapPage.Html(map, board), "text/html; charset=utf-8"),
        };
    }

    // The map is in the conversation that holds it, or on the team's shelf.
    private static async Task<JourneyMap?> FindAsync(IMapStore store, string teamKey, string mapId, CancellationToken cancellationToken)
    {
        var summary = (await store.ListMapsAsync(teamKey, cancellationToken)).FirstOrDefault(m => m.Id == mapId);
        if (summary is null)
        {
            return null;
        }

        var held = await store.GetConversationMapAsync(new MapScope(teamKey, summary.ConversationKey), cancellationToken);
        return held?.Map.Id == mapId ? held.Map : await store.GetShelvedMapAsync(teamKey, mapId, cancellationToken);
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
