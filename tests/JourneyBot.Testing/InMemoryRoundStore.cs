using System.Text.Json;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Testing;

/// <summary>
/// The round store in memory, for the conversation's tests: it keeps the contract the table store
/// keeps (the contract suite of JourneyBot.Storage.Tests runs against both). Rounds, asks and
/// departments are kept as JSON (<see cref="RoundJson.Storage"/>), so every read hands out fresh
/// objects and what a caller changes afterwards in the lists it passed never reaches the store.
/// </summary>
/// <remarks>
/// Safe under concurrent use: one lock guards the dictionaries and is held only to look up and
/// swap entries, so each call is atomic, as a create is here in one step where the table store
/// takes several. JSON is written before the lock is taken and read after it is released.
/// </remarks>
public sealed class InMemoryRoundStore : IRoundStore
{
    // The table store keys a round by four digits.
    private const int MaxNumber = 9999;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string Map, int Number), string> _rounds = [];
    private readonly Dictionary<(string Team, string Map, int Number), Dictionary<string, string>> _asks = [];
    private readonly Dictionary<string, string> _departments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<RoundKey>> _chatAsks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(string teamKey, Round round, IReadOnlyList<RoundAsk> asks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(asks);
        var key = Key(teamKey, round.MapId, round.Number);
        var json = Write(round);
        var asked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ask in asks)
        {
            if (!asked.TryAdd(ask.Member.Id, Write(ask)))
            {
                throw new ArgumentException("A member is asked twice in the round.", nameof(asks));
            }
        }

        lock (_gate)
        {
            if (!_rounds.TryAdd(key, json))
            {
                return Task.FromResult(false);
            }

            _asks[key] = asked;
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<Round?> GetAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, mapId, number);
        string? json;
        lock (_gate)
        {
            json = _rounds.GetValueOrDefault(key);
        }

        return Task.FromResult(json is null ? null : ReadRound(json));
    }

    /// <inheritdoc />
    public Task<Round?> GetLatestAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        string? json;
        lock (_gate)
        {
            json = _rounds.Where(r => r.Key.Team == teamKey && r.Key.Map == mapId)
                .OrderByDescending(r => r.Key.Number)
                .Select(r => r.Value)
                .FirstOrDefault();
        }

        return Task.FromResult(json is null ? null : ReadRound(json));
    }

    /// <inheritdoc />
    public Task PutAsync(string teamKey, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var key = Key(teamKey, round.MapId, round.Number);
        var json = Write(round);
        lock (_gate)
        {
            _rounds[key] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoundAsk>> ListAsksAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, mapId, number);
        List<string> asks;
        lock (_gate)
        {
            asks = _rounds.ContainsKey(key) && _asks.TryGetValue(key, out var asked) ? [.. asked.Values] : [];
        }

        return Task.FromResult<IReadOnlyList<RoundAsk>>([.. asks.Select(ReadAsk).OrderBy(a => a.Member.Id, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public Task<RoundAsk?> GetAskAsync(string teamKey, string mapId, int number, string memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberId);
        var key = Key(teamKey, mapId, number);
        string? json = null;
        lock (_gate)
        {
            if (_rounds.ContainsKey(key) && _asks.TryGetValue(key, out var asked))
            {
                json = asked.GetValueOrDefault(memberId);
            }
        }

        return Task.FromResult(json is null ? null : ReadAsk(json));
    }

    /// <inheritdoc />
    /// <remarks>An ask put for a round that is not there is kept, and seen once the round is (as in the table store).</remarks>
    public Task PutAskAsync(string teamKey, string mapId, int number, RoundAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var key = Key(teamKey, mapId, number);
        var json = Write(ask);
        lock (_gate)
        {
            if (!_asks.TryGetValue(key, out var asked))
            {
                _asks[key] = asked = new(StringComparer.Ordinal);
            }

            asked[ask.Member.Id] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Read, changed and written under the store's lock: no write comes between.</remarks>
    public Task<RoundAsk?> UpdateAskAsync(string teamKey, string mapId, int number, string memberId, Func<RoundAsk, RoundAsk> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = Key(teamKey, mapId, number);
        lock (_gate)
        {
            if (!_rounds.ContainsKey(key) || !_asks.TryGetValue(key, out var asked) || asked.GetValueOrDefault(memberId) is not { } json)
            {
                return Task.FromResult<RoundAsk?>(null);
            }

            var changed = change(ReadAsk(json));
            asked[memberId] = Write(changed);
            return Task.FromResult<RoundAsk?>(changed);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>?> GetDepartmentsAsync(string teamKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        string? json;
        lock (_gate)
        {
            json = _departments.GetValueOrDefault(teamKey);
        }

        return Task.FromResult<IReadOnlyList<string>?>(json is null ? null : JsonSerializer.Deserialize(json, RoundJson.Storage.ListString));
    }

    /// <inheritdoc />
    public Task PutDepartmentsAsync(string teamKey, IReadOnlyList<string> departments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        ArgumentNullException.ThrowIfNull(departments);
        var json = JsonSerializer.Serialize([.. departments], RoundJson.Storage.ListString);
        lock (_gate)
        {
            _departments[teamKey] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AddChatAskAsync(string chatId, RoundKey round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        ArgumentNullException.ThrowIfNull(round);
        lock (_gate)
        {
            if (!_chatAsks.TryGetValue(chatId, out var rounds))
            {
                _chatAsks[chatId] = rounds = [];
            }

            rounds.Add(round);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RoundKey>> ListChatAsksAsync(string chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RoundKey>>(_chatAsks.TryGetValue(chatId, out var rounds) ? [.. rounds] : []);
        }
    }

    /// <inheritdoc />
    public Task DeleteRoundsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in _rounds.Keys.Concat(_asks.Keys).Where(k => k.Team == teamKey && k.Map == mapId).ToList())
            {
                _rounds.Remove(key);
                _asks.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveChatAskAsync(string chatId, RoundKey round, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_chatAsks.TryGetValue(chatId, out var rounds))
            {
                rounds.Remove(round);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether anything of the map's rounds is kept: a round, an ask, or a 1:1 chat's note of one.</summary>
    public bool HoldsAnythingOf(string teamKey, string mapId)
    {
        lock (_gate)
        {
            return _rounds.Keys.Concat(_asks.Keys).Any(k => k.Team == teamKey && k.Map == mapId)
                || _chatAsks.Values.Any(rounds => rounds.Any(r => r.TeamKey == teamKey && r.MapId == mapId));
        }
    }

    private static (string Team, string Map, int Number) Key(string teamKey, string mapId, int number)
    {
        ArgumentNullException.ThrowIfNull(teamKey);
        ArgumentNullException.ThrowIfNull(mapId);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        return (teamKey, mapId, number);
    }

    private static string Write(Round round) => JsonSerializer.Serialize(round, RoundJson.Storage.Round);

    private static string Write(RoundAsk ask) => JsonSerializer.Serialize(ask, RoundJson.Storage.RoundAsk);

    private static Round ReadRound(string json) =>
        JsonSerializer.Deserialize(json, RoundJson.Storage.Round) ?? throw new InvalidOperationException("A stored round is empty.");

    private static RoundAsk ReadAsk(string json) =>
        JsonSerializer.Deserialize(json, RoundJson.Storage.RoundAsk) ?? throw new InvalidOperationException("A stored ask is empty.");
}
