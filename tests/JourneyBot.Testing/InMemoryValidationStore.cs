using System.Text.Json;
using JourneyBot.Conversation.Validation;

namespace JourneyBot.Testing;

/// <summary>
/// The validation store in memory, for the conversation's tests: it keeps the contract the table
/// store keeps (the contract suite of JourneyBot.Storage.Tests runs against both). Everything is
/// kept as JSON (<see cref="ValidationJson.Storage"/>), so every read hands out fresh objects.
/// </summary>
/// <remarks>Safe under concurrent use: one lock guards the dictionaries and is held only to look up and swap entries.</remarks>
public sealed class InMemoryValidationStore : IValidationStore
{
    private const int MaxNumber = 9999;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Team, string Map, int Number), string> _rounds = [];
    private readonly Dictionary<(string Team, string Map, int Number, string Member), string> _asks = [];
    private readonly Dictionary<(string Team, string Map, string Item), string> _contradictions = [];
    private readonly Dictionary<(string Team, string Map, string Id), string> _changes = [];

    /// <inheritdoc />
    public Task<bool> TryCreateAsync(string teamKey, ValidationRound round, IReadOnlyList<ValidationAsk> asks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(asks);
        var key = Key(teamKey, round.MapId, round.Number);
        if (asks.DistinctBy(a => a.Member.Id, StringComparer.Ordinal).Count() != asks.Count)
        {
            throw new ArgumentException("A member is asked twice in the round.", nameof(asks));
        }

        var (json, asked) = (Write(round), asks.Select(a => (a.Member.Id, Write(a))).ToList());
        lock (_gate)
        {
            if (!_rounds.TryAdd(key, json))
            {
                return Task.FromResult(false);
            }

            foreach (var (member, ask) in asked)
            {
                _asks[(key.Team, key.Map, key.Number, member)] = ask;
            }

            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<ValidationRound?> GetAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, mapId, number);
        string? json;
        lock (_gate)
        {
            _rounds.TryGetValue(key, out json);
        }

        return Task.FromResult(json is null ? null : Read<ValidationRound>(json));
    }

    /// <inheritdoc />
    public Task<ValidationRound?> GetLatestAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        string? json;
        lock (_gate)
        {
            json = _rounds.Where(r => r.Key.Team == teamKey && r.Key.Map == mapId).OrderByDescending(r => r.Key.Number).Select(r => r.Value).FirstOrDefault();
        }

        return Task.FromResult(json is null ? null : Read<ValidationRound>(json));
    }

    /// <inheritdoc />
    public Task PutAsync(string teamKey, ValidationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var (key, json) = (Key(teamKey, round.MapId, round.Number), Write(round));
        lock (_gate)
        {
            _rounds[key] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ValidationAsk>> ListAsksAsync(string teamKey, string mapId, int number, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, mapId, number);
        List<string> found;
        lock (_gate)
        {
            found = _rounds.ContainsKey(key)
                ? [.. _asks.Where(a => (a.Key.Team, a.Key.Map, a.Key.Number) == key).OrderBy(a => a.Key.Member, StringComparer.Ordinal).Select(a => a.Value)]
                : [];
        }

        return Task.FromResult<IReadOnlyList<ValidationAsk>>([.. found.Select(Read<ValidationAsk>)]);
    }

    /// <inheritdoc />
    public Task<ValidationAsk?> GetAskAsync(string teamKey, string mapId, int number, string memberId, CancellationToken cancellationToken)
    {
        var key = Key(teamKey, mapId, number);
        string? json = null;
        lock (_gate)
        {
            if (_rounds.ContainsKey(key))
            {
                _asks.TryGetValue((key.Team, key.Map, key.Number, memberId), out json);
            }
        }

        return Task.FromResult(json is null ? null : Read<ValidationAsk>(json));
    }

    /// <inheritdoc />
    public Task PutAskAsync(string teamKey, string mapId, int number, ValidationAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var (key, json) = (Key(teamKey, mapId, number), Write(ask));
        lock (_gate)
        {
            _asks[(key.Team, key.Map, key.Number, ask.Member.Id)] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> TryFlagAsync(string teamKey, Contradiction contradiction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contradiction);
        var json = Write(contradiction);
        lock (_gate)
        {
            return Task.FromResult(_contradictions.TryAdd((teamKey, contradiction.MapId, contradiction.ItemId), json));
        }
    }

    /// <inheritdoc />
    public Task<Contradiction?> GetContradictionAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken)
    {
        string? json;
        lock (_gate)
        {
            _contradictions.TryGetValue((teamKey, mapId, itemId), out json);
        }

        return Task.FromResult(json is null ? null : Read<Contradiction>(json));
    }

    /// <inheritdoc />
    public Task PutContradictionAsync(string teamKey, Contradiction contradiction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contradiction);
        var json = Write(contradiction);
        lock (_gate)
        {
            _contradictions[(teamKey, contradiction.MapId, contradiction.ItemId)] = json;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> AppendAsync(string teamKey, EvidenceChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var json = Write(change);
        lock (_gate)
        {
            return Task.FromResult(_changes.TryAdd((teamKey, change.MapId, change.Id), json));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EvidenceChange>> ListChangesAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        List<string> found;
        lock (_gate)
        {
            found = [.. _changes.Where(c => c.Key.Team == teamKey && c.Key.Map == mapId).Select(c => c.Value)];
        }

        return Task.FromResult<IReadOnlyList<EvidenceChange>>([.. found.Select(Read<EvidenceChange>).OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal)]);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Remove(_rounds, k => k.Team == teamKey && k.Map == mapId);
            Remove(_asks, k => k.Team == teamKey && k.Map == mapId);
            Remove(_contradictions, k => k.Team == teamKey && k.Map == mapId);
            Remove(_changes, k => k.Team == teamKey && k.Map == mapId);
        }

        return Task.CompletedTask;
    }

    private static void Remove<TKey>(Dictionary<TKey, string> rows, Func<TKey, bool> which)
        where TKey : notnull
    {
        foreach (var key in rows.Keys.Where(which).ToList())
        {
            rows.Remove(key);
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

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, typeof(T), ValidationJson.Storage);

    private static T Read<T>(string json) => (T)JsonSerializer.Deserialize(json, typeof(T), ValidationJson.Storage)!;
}
