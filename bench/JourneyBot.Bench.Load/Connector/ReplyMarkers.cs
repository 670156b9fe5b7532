using System.Text;

namespace JourneyBot.Bench.Load.Connector;

/// <summary>
/// Texts the connector looks for in what the bot posts, to tell that a turn did what it should.
/// Only plain ASCII without quotes, apostrophes or ampersands: the bot's JSON escapes those.
/// </summary>
/// <remarks>
/// They follow the bot's wording (src/JourneyBot.Conversation/Flow), so a change of wording there
/// shows up here as errors: update these markers with it.
/// </remarks>
internal static class ReplyMarkers
{
    /// <summary>The message that carries the published map card.</summary>
    public static readonly byte[] MapCard = Encoding.ASCII.GetBytes("is published. Here is the map");

    /// <summary>A card attachment.</summary>
    public static readonly byte[] AdaptiveCard = Encoding.ASCII.GetBytes("application/vnd.microsoft.card.adaptive");

    /// <summary>The living progress card (its refresh button).</summary>
    public static readonly byte[] ProgressCard = Encoding.ASCII.GetBytes("\"verb\":\"progress\"");

    /// <summary>The card asking a member for their department.</summary>
    public static readonly byte[] DepartmentCard = Encoding.ASCII.GetBytes("\"verb\":\"department\"");

    /// <summary>Where a card's buttons name their map.</summary>
    public static readonly byte[] MapId = Encoding.ASCII.GetBytes("\"mapId\":\"");

    /// <summary>Answers that mean a turn of the script did not do what it should: each one counts as an error.</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Text)> Complaints =
    [
        ("apology (the turn failed)", Encoding.ASCII.GetBytes("something went wrong on my side")),
        ("not understood", Encoding.ASCII.GetBytes("to see what I can do.")),
        ("outdated card", Encoding.ASCII.GetBytes("from an earlier step")),
        ("busy (write conflicts)", Encoding.ASCII.GetBytes("Many people are changing the map right now")),
        ("no map", Encoding.ASCII.GetBytes("no journey map here yet")),
        ("only the facilitator", Encoding.ASCII.GetBytes("who facilitates")),
        ("cannot publish", Encoding.ASCII.GetBytes("publish yet")),
        ("unknown channel", Encoding.ASCII.GetBytes("is not a channel I know")),
        ("which stage", Encoding.ASCII.GetBytes("Which stage?")),
        ("bad evidence", Encoding.ASCII.GetBytes("is not an evidence level")),
        ("bad emotion score", Encoding.ASCII.GetBytes("needs a score")),
    ];

    /// <summary>How many times <paramref name="marker"/> occurs in <paramref name="body"/>.</summary>
    public static int Count(ReadOnlySpan<byte> body, ReadOnlySpan<byte> marker)
    {
        var count = 0;
        for (var at = body.IndexOf(marker); at >= 0; at = body.IndexOf(marker))
        {
            count++;
            body = body[(at + marker.Length)..];
        }

        return count;
    }

    /// <summary>The name of the first complaint in <paramref name="body"/>, or null.</summary>
    public static string? Complaint(ReadOnlySpan<byte> body)
    {
        foreach (var (name, text) in Complaints)
        {
            if (body.IndexOf(text) >= 0)
            {
                return name;
            }
        }

        return null;
    }
}
