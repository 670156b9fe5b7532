using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// The maps sessions ended with, read from each published map's JSON export (the map card's link)
/// and reduced to what the session's script decides, so that the same session played against one
/// bot process and against several can be compared.
/// </summary>
/// <remarks>
/// Left out, as the script does not decide them: ids and times; which items got the votes (members
/// vote by their position on the review card, whose order follows the items' ids), kept as the total;
/// and the author's department, which depends on which session of a team asked for it first.
/// </remarks>
internal static class PublishedMaps
{
    /// <summary>Waits until every published session's map card has reached the connector (the bot posts it after answering), for at most 30 s.</summary>
    public static async Task WaitForMapCardsAsync(IReadOnlyList<Session> sessions, CancellationToken cancellationToken)
    {
        var bound = Stopwatch.StartNew();
        while (sessions.Any(s => s.Published && s.Log.MapJsonUrl is null) && bound.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>The map of every published session, by session number.</summary>
    public static async Task<Dictionary<int, string>> ReadAsync(BenchEnvironment environment, IEnumerable<Session> sessions)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var maps = new Dictionary<int, string>();
        foreach (var session in sessions.Where(s => s.Published && s.Log.MapJsonUrl is not null))
        {
            if (await environment.Client.GetAsync(new Uri(session.Log.MapJsonUrl!)) is { } json)
            {
                maps[session.Number] = Canonical(json);
            }
            else
            {
                environment.Log.Fail("a published map's JSON export did not open");
            }
        }

        foreach (var session in sessions.Where(s => s.Published && s.Log.MapJsonUrl is null))
        {
            environment.Log.Fail("a published map's card never reached the connector");
        }

        return maps;
    }

    /// <summary>
    /// Compares <paramref name="maps"/> with the same sessions' maps on one instance, counts every
    /// session that ended with another map as an error, and returns (compared, differing).
    /// </summary>
    public static (int Compared, int Differing) Compare(BenchEnvironment environment, IReadOnlyDictionary<int, string> reference,
        IReadOnlyDictionary<int, string> maps)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var compared = maps.Keys.Where(reference.ContainsKey).ToList();
        var differing = compared.Count(n => !string.Equals(reference[n], maps[n], StringComparison.Ordinal));
        for (var i = 0; i < differing; i++)
        {
            environment.Log.Fail($"a session ended with another map on {environment.Bots.Count} instances than on one");
        }

        return (compared.Count, differing);
    }

    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        var map = document.RootElement;
        var text = new StringBuilder();
        foreach (var field in (string[])["name", "status", "objective", "persona", "startPoint", "endPoint"])
        {
            text.Append(field).Append('=').Append(Value(map, field)).Append('\n');
        }

        text.AppendJoin('|', map.GetProperty("stages").EnumerateArray().Select(s => Value(s, "name"))).Append('\n');
        var votes = 0;
        var items = new List<string>();
        foreach (var item in map.GetProperty("items").EnumerateArray())
        {
            votes += item.GetProperty("votes").GetInt32();
            items.Add(string.Join('|', ((string[])["stage", "kind", "text", "channel", "score", "owner", "evidence", "momentOfTruth", "author"])
                .Select(f => Value(item, f))));
        }

        items.Sort(StringComparer.Ordinal);
        text.AppendJoin('\n', items).Append("\nvotes=").Append(votes.ToString(CultureInfo.InvariantCulture));
        return text.ToString();
    }

    private static string Value(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : string.Empty;
}
