using System.Globalization;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Versions;

namespace JourneyBot.Web.Maps;

/// <summary>
/// The full map and its exports behind signed, expiring links: <c>/maps/{token}</c> (HTML),
/// <c>/maps/{token}/json</c>, <c>/csv</c>, <c>/md</c>, the actions' own <c>/actions.csv</c>, and what
/// changed since the version before as <c>/changes.md</c>. Nothing else of the bot is reachable without a
/// token. A link shows the published version it names, whatever changed since (<c>?v=N</c> shows another
/// version of the same map: the token grants the map), with the map's actions as they are now; the page
/// lists the versions and what changed since the one before. Once the map is archived or cancelled, its
/// links answer 410, and once it is deleted they answer 410 saying so. Round trips: one point read of the map's shelf line (beside it the
/// team's language, unless this instance keeps it), then side by side one query
/// for the published version (a map published before versions were kept: its map and board), one for
/// the actions, one listing the versions and, for the page and the changes, one for the version before (and, for the
/// page, one for the evidence history). The page, of a map with a future state, also reads that map's shelf line (and
/// the map, for the version to link), and so do its exports; a future map reads its current state's shelf line, to link it
/// only while it is there (<see cref="MapRelations"/>).
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
        TimeProvider clock, Conversation.Languages.TeamLanguages languages, HttpContext http)
    {
        var check = links.Check(token);
        if (check.Status == MapLinkStatus.Expired)
        {
            // An expired link is not read further, so whose team it was is not known: the browser says what its reader speaks.
            using var browser = Conversation.Languages.LanguageScope.Enter(BrowserLanguage(http.Request));
            return Results.Text(Texts.MapLinkExpired, statusCode: StatusCodes.Status410Gone);
        }

        if (check.Status != MapLinkStatus.Valid || format is not (null or "json" or "csv" or "md" or MapExport.ActionsCsvFormat or MapExport.ChangesFormat))
        {
            return Results.NotFound();
        }

        var (teamKey, mapId, cancel) = (check.TeamKey!, check.MapId!, http.RequestAborted);

        // The page and its exports are the team's: in its language, whoever opens the link. The language is
        // read beside the shelf line (no round trip added in sequence) and entered here: a culture set inside
        // an awaited method does not flow back to its caller.
        var teamLanguage = languages.GetAsync(teamKey, cancel);
        var line = await store.GetMapSummaryAsync(teamKey, mapId, cancel);
        using var language = Conversation.Languages.LanguageScope.Enter(await teamLanguage ?? Conversation.Languages.BotLanguages.English);
        if (line?.Status is MapStatus.Archived or MapStatus.Cancelled)
        {
            return Results.Text(Texts.MapLinkWithdrawn, statusCode: StatusCodes.Status410Gone);
        }

        if (line is null)
        {
            // The link is signed by this bot, so the map was there: it was deleted. Said, not a bare 404.
            return Results.Text(Texts.MapLinkDeleted, statusCode: StatusCodes.Status410Gone);
        }

        if (Asked(http) is not { } version)
        {
            return Results.Text(VersionTexts.Unknown, statusCode: StatusCodes.Status404NotFound);
        }

        version = version == 0 ? check.Version : version;

        // Everything is read side by side with the version: more requests, no more waiting.
        var reading = actionStore.GetActionsAsync(teamKey, mapId, cancel);
        // The evidence history, like the actions, is as it is now whatever version is shown; only the page lists it.
        var evidenceReading = format is null && http.RequestServices.GetService<Conversation.Validation.IValidationStore>() is { } validations
            ? validations.ListChangesAsync(teamKey, mapId, cancel)
            : Task.FromResult<IReadOnlyList<Conversation.Validation.EvidenceChange>>([]);
        var finding = version > 0 ? store.GetPublishedAsync(teamKey, mapId, version, cancel) : FindAsync(store, teamKey, line, cancel);
        var listing = version > 0 ? store.ListPublishedAsync(teamKey, mapId, cancel) : Task.FromResult(PublishedVersions.None);
        var before = version > 1 && format is null or MapExport.ChangesFormat
            ? store.GetPublishedAsync(teamKey, mapId, version - 1, cancel)
            : Task.FromResult<PublishedMap?>(null);
        await Task.WhenAll(reading, finding, listing, before, evidenceReading);
        var (shown, actions, versions, earlier) = (await finding, ActionsOnDay.On(await reading, clock), await listing, await before);
        if (shown is null)
        {
            return versions.WasSummarised(version)
                ? Results.Text(VersionTexts.Summarised(version), statusCode: StatusCodes.Status410Gone)
                : Results.Text(VersionTexts.Unknown, statusCode: StatusCodes.Status404NotFound);
        }

        var history = version > 0
            ? new VersionHistory(token, versions, version, earlier is null ? null : MapDiff.Between(earlier, shown), earlier?.Map.PublishedAt ?? DateTimeOffset.MinValue)
            : null;
        if (format == MapExport.ChangesFormat && history?.Changes is null)
        {
            return Results.Text(VersionTexts.NoChanges, statusCode: StatusCodes.Status404NotFound);
        }

        var (map, board) = (shown.Map, shown.Board);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "private, no-store";
        var file = FileName(map.Name);
        // The other map of a current and future pair, for the page and the map's own exports (one or two reads).
        var related = format is null or "json" or "csv" or "md" ? await new MapRelations(store, links).ForAsync(teamKey, map, cancel) : null;
        return format switch
        {
            "json" => Download(MapExport.Json(map, board, actions, related), "application/json; charset=utf-8", file + ".json", http),
            "csv" => Download(MapExport.Csv(map, board, related), "text/csv; charset=utf-8", file + ".csv", http),
            "md" => Download(MapExport.Markdown(map, board, actions, related), "text/markdown; charset=utf-8", file + ".md", http),
            MapExport.ActionsCsvFormat => Download(MapExport.ActionsCsv(map, actions), "text/csv; charset=utf-8", file + "-actions.csv", http),
            MapExport.ChangesFormat => Download(MapExport.Changes(map, history!.Changes!, history.ChangesFromAt), "text/markdown; charset=utf-8",
                file + "-changes-v" + version.ToString(CultureInfo.InvariantCulture) + ".md", http),
            _ => Results.Content(MapPage.Html(map, board, actions, await evidenceReading, related, history),
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

    // The version asked for with ?v=N: 0 when none is; null when what is asked is no version number.
    private static int? Asked(HttpContext http)
    {
        var asked = http.Request.Query["v"];
        return asked.Count == 0 ? 0
            : int.TryParse(asked[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version
            : null;
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

    // The first of the browser's languages (by their weight) that the bot speaks; English when none is.
    private static System.Globalization.CultureInfo BrowserLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Conversation.Languages.BotLanguages.FromCode(l.Value.Value?.Split('-')[0].ToLowerInvariant()))
            .FirstOrDefault(c => c is not null) ?? Conversation.Languages.BotLanguages.English;
}
