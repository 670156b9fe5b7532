using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Storage;

/// <summary>
/// The entities of rounds (see <see cref="RowKeys"/>): a round's row, a member's ask row and the
/// team's departments row, each a JSON document (<see cref="RoundJson.Storage"/>) over
/// <see cref="DocumentColumns"/>, with a <c>Kind</c> and the ids as plain properties (a hashed key
/// cannot be read back).
/// </summary>
internal static class RoundRows
{
    public const string RoundKind = "round";
    public const string AskKind = "ask";
    public const string DepartmentsKind = "departments";

    /// <summary>The highest round number a key holds (four digits).</summary>
    public const int MaxNumber = 9999;

    private const string NumberProperty = "Number";
    private const string StateProperty = "State";

    /// <summary>
    /// The round's number as its key segment: 9999 less the number, four digits, so that in a map's
    /// key range the newest round's row comes first and one query that stops at the first round row
    /// finds it.
    /// </summary>
    public static string Countdown(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        return (MaxNumber - number).ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>The round's row.</summary>
    public static TableEntity Round(string partitionKey, Round round)
    {
        var entity = Row(partitionKey, RowKeys.Round(round.MapId, round.Number), RoundKind);
        entity[MapRows.MapIdProperty] = round.MapId;
        entity[NumberProperty] = round.Number;
        entity[StateProperty] = round.State.ToString();
        DocumentColumns.Write(entity, JsonSerializer.Serialize(round, RoundJson.Storage.Round));
        return entity;
    }

    /// <summary>A member's ask in a round.</summary>
    public static TableEntity Ask(string partitionKey, string mapId, int number, RoundAsk ask)
    {
        var entity = Row(partitionKey, RowKeys.Ask(mapId, number, ask.Member.Id), AskKind);
        entity[MapRows.MapIdProperty] = mapId;
        entity[NumberProperty] = number;
        entity[MapRows.PersonIdProperty] = ask.Member.Id;
        entity[StateProperty] = ask.State.ToString();
        DocumentColumns.Write(entity, JsonSerializer.Serialize(ask, RoundJson.Storage.RoundAsk));
        return entity;
    }

    /// <summary>The team's departments.</summary>
    public static TableEntity Departments(string partitionKey, IReadOnlyList<string> departments)
    {
        var entity = Row(partitionKey, RowKeys.Departments, DepartmentsKind);
        DocumentColumns.Write(entity, JsonSerializer.Serialize([.. departments], RoundJson.Storage.ListString));
        return entity;
    }

    /// <summary>The round in a round row.</summary>
    public static Round ReadRound(TableEntity entity) =>
        DocumentColumns.Read(entity) is { } json && JsonSerializer.Deserialize(json, RoundJson.Storage.Round) is { } round
            ? round
            : throw new InvalidOperationException($"Round row {entity.RowKey} has no document.");

    /// <summary>The ask in an ask row.</summary>
    public static RoundAsk ReadAsk(TableEntity entity) =>
        DocumentColumns.Read(entity) is { } json && JsonSerializer.Deserialize(json, RoundJson.Storage.RoundAsk) is { } ask
            ? ask
            : throw new InvalidOperationException($"Ask row {entity.RowKey} has no document.");

    /// <summary>The departments in the departments row.</summary>
    public static List<string> ReadDepartments(TableEntity entity) =>
        JsonSerializer.Deserialize(DocumentColumns.Read(entity) ?? "[]", RoundJson.Storage.ListString) ?? [];

    private static TableEntity Row(string partitionKey, string rowKey, string kind) =>
        new(partitionKey, rowKey) { [MapRows.KindProperty] = kind };
}
