using Azure.Data.Tables;

namespace JourneyBot.Storage;

/// <summary>
/// The rows of a team's partition, by row key. Segments come from <see cref="KeyEncoder"/>, so
/// they never contain the separator <c>~</c> except in a hashed segment's own <c>h~</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>c~{conversation}</c>: the map the conversation holds.</item>
/// <item><c>m~{map}</c>: the map's line on the shelf (with its document while no conversation holds it).</item>
/// <item><c>m~{map}~i~{item}</c>: an item; <c>m~{map}~v~{person}</c>: a member's votes. They sort
/// right after their map's line, so one range query reads a board.</item>
/// <item><c>m~{map}~n~{person}</c>: what a member has on the map, counted (see <see cref="CountRows"/>);
/// <c>m~{map}~n</c> says the counts are kept for every item; <c>m~{map}~r</c> stamps what the conversation
/// holding the map holds (see <see cref="MapRevision"/>). They sort between the items and the votes.</item>
/// <item><c>u~{person}</c>: what the team knows of a member (their department).</item>
/// <item><c>r~{map}~{countdown}</c>: a round of questions, <c>r~{map}~{countdown}~a~{person}</c>: a
/// member asked in it; the countdown is 9999 less the round's number, four digits, so a map's
/// newest round sorts first (see <see cref="RoundRows"/>).</item>
/// <item><c>t~departments</c>: the team's departments; <c>t~tracker</c>: the tracker it chose for actions.</item>
/// <item><c>t~stages~{name}</c>: a stage template the team saved (the name upper-cased, so names differ ignoring case).</item>
/// <item><c>a~{map}~o~{opportunity}</c>: an action made of an opportunity; <c>a~{map}~p~{opportunity}</c>: a
/// parked opportunity (see <see cref="ActionRows"/>).</item>
/// <item><c>p~{map}~{version}~{part}</c>: part of a published version of a map (version four digits,
/// part three), see <see cref="MapRows.PublishedPart"/>.</item>
/// <item><c>ev~{map}~…</c>: the map's validation rounds, answers, contradictions and evidence history (see <see cref="TableValidationStore"/>).</item>
/// </list>
/// </remarks>
internal static class RowKeys
{
    /// <summary>What every map's row key starts with.</summary>
    public const string MapPrefix = "m~";

    /// <summary>The conversation's map.</summary>
    public static string Conversation(string conversationKey) => "c~" + KeyEncoder.Encode(conversationKey);

    /// <summary>The map's line on the shelf.</summary>
    public static string Shelf(string mapId) => MapPrefix + KeyEncoder.Encode(mapId);

    /// <summary>What the row keys of a map's items and votes start with.</summary>
    public static string Board(string mapId) => Shelf(mapId) + KeyEncoder.Separator;

    /// <summary>What the row keys of a map's items start with.</summary>
    public static string Items(string mapId) => Board(mapId) + "i~";

    /// <summary>An item of a map.</summary>
    public static string Item(string mapId, string itemId) => Items(mapId) + KeyEncoder.Encode(itemId);

    /// <summary>A member's votes in a map.</summary>
    public static string Votes(string mapId, string personId) => Board(mapId) + "v~" + KeyEncoder.Encode(personId);

    /// <summary>The row that says a map's counts are kept for all its items (written when they were first made).</summary>
    public static string CountsKept(string mapId) => Board(mapId) + "n";

    /// <summary>The stamp of what the conversation holding the map holds (<see cref="MapRevision"/>), read with the counts.</summary>
    public static string Revision(string mapId) => Board(mapId) + "r";

    /// <summary>What an author has on a map, counted.</summary>
    public static string AuthorCounts(string mapId, string personId) => CountsKept(mapId) + KeyEncoder.Separator + KeyEncoder.Encode(personId);

    /// <summary>
    /// A filter for a map's counts, its stamp and its votes, and nothing else: from <see cref="CountsKept"/> to the
    /// end of the votes (<c>~n</c> and <c>~n~…</c> sort after the items' <c>~i~</c>, then <c>~r</c>, the votes' <c>~v~</c> last).
    /// </summary>
    public static string CountsAndVotes(string partitionKey, string mapId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {CountsKept(mapId)} and RowKey lt {Board(mapId) + "w"}");

    /// <summary>What the row keys of the team's members start with.</summary>
    public const string MemberPrefix = "u~";

    /// <summary>What the team knows of a member.</summary>
    public static string Member(string personId) => MemberPrefix + KeyEncoder.Encode(personId);

    /// <summary>What the row keys of a map's rounds and their asks start with.</summary>
    public static string Rounds(string mapId) => "r~" + KeyEncoder.Encode(mapId) + KeyEncoder.Separator;

    /// <summary>A round of a map; the round's asks start with it too.</summary>
    public static string Round(string mapId, int number) => Rounds(mapId) + RoundRows.Countdown(number);

    /// <summary>What the row keys of a round's asks start with.</summary>
    public static string Asks(string mapId, int number) => Round(mapId, number) + "~a~";

    /// <summary>A member asked in a round.</summary>
    public static string Ask(string mapId, int number, string personId) => Asks(mapId, number) + KeyEncoder.Encode(personId);

    /// <summary>What the row keys of every published version of a map start with (all of them go when the map does).</summary>
    public static string Published(string mapId) => "p~" + KeyEncoder.Encode(mapId) + KeyEncoder.Separator;

    /// <summary>What the row keys of one published version's parts start with.</summary>
    public static string PublishedVersion(string mapId, int version) =>
        Published(mapId) + version.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + KeyEncoder.Separator;

    /// <summary>One part of a published version.</summary>
    public static string PublishedPart(string mapId, int version, int part) =>
        PublishedVersion(mapId, version) + part.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The team's departments.</summary>
    public const string Departments = "t~departments";

    /// <summary>The tracker the team chose for its actions (<c>tracker planner</c>).</summary>
    public const string Tracker = "t~tracker";

    /// <summary>The language of the team's posts (<c>language es|ro|en</c>).</summary>
    public const string Language = "t~language";

    /// <summary>What the row keys of the team's stage templates start with.</summary>
    public const string StageTemplates = "t~stages~";

    /// <summary>A stage template the team saved, by name ignoring case.</summary>
    public static string StageTemplate(string name) => StageTemplates + KeyEncoder.Encode(name.ToUpperInvariant());

    /// <summary>What the row keys of a map's actions and parked opportunities start with (they go when the map does).</summary>
    public static string Actions(string mapId) => "a~" + KeyEncoder.Encode(mapId) + KeyEncoder.Separator;

    /// <summary>An action of a map, named by its opportunity's item id.</summary>
    public static string Action(string mapId, string actionId) => Actions(mapId) + "o~" + KeyEncoder.Encode(actionId);

    /// <summary>A parked opportunity of a map.</summary>
    public static string Parked(string mapId, string opportunityId) => Actions(mapId) + "p~" + KeyEncoder.Encode(opportunityId);

    /// <summary>The rows of a 1:1 chat (its own partition) naming the rounds whose questions went to it.</summary>
    public const string ChatAsks = "q~";

    /// <summary>One of them: the team, the map and the round.</summary>
    public static string ChatAsk(string teamKey, string mapId, int number) =>
        ChatAsks + KeyEncoder.Encode(teamKey) + KeyEncoder.Separator + KeyEncoder.Encode(mapId) + KeyEncoder.Separator
        + number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A filter for the rows of <paramref name="partitionKey"/> whose row key starts with
    /// <paramref name="prefix"/>: from the prefix up to (not including) the prefix with its last
    /// character raised by one, which the service answers from its index.
    /// </summary>
    public static string StartingWith(string partitionKey, string prefix)
    {
        var end = string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(prefix[^1] + 1)]);
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {end}");
    }
}
