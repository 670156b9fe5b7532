using System.Collections.Concurrent;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>One turn as the generator saw it: when its answer was complete, how long the round trip took, whether it did what it should.</summary>
internal readonly record struct TurnRecord(TurnKind Kind, int Session, long CompletedAt, double LatencyMs, bool Ok);

/// <summary>Every turn of a run, and every error with what went wrong (the first few of each kind are kept to print).</summary>
internal sealed class TurnLog
{
    private const int KeptProblems = 40;

    private readonly ConcurrentQueue<TurnRecord> _turns = new();
    private readonly ConcurrentDictionary<string, int> _problems = new(StringComparer.Ordinal);
    private long _errors;

    /// <summary>Errors so far: failed turns, and turns that could not even be sent.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public void Add(TurnRecord turn, string? problem)
    {
        _turns.Enqueue(turn);
        if (!turn.Ok)
        {
            Fail(problem ?? $"{turn.Kind} failed");
        }
    }

    /// <summary>Counts an error that is no single turn's (or a turn that was never sent).</summary>
    public void Fail(string problem)
    {
        Interlocked.Increment(ref _errors);
        if (_problems.Count < KeptProblems || _problems.ContainsKey(problem))
        {
            _problems.AddOrUpdate(problem, 1, (_, count) => count + 1);
        }
    }

    /// <summary>Turns whose answers completed after <paramref name="from"/> and up to <paramref name="to"/> (Stopwatch timestamps).</summary>
    public List<TurnRecord> Between(long from, long to) => [.. _turns.Where(t => t.CompletedAt > from && t.CompletedAt <= to)];

    /// <summary>What went wrong, most frequent first, and forgets it.</summary>
    public IReadOnlyList<(string Problem, int Count)> TakeProblems()
    {
        var problems = _problems.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value)).ToList();
        _problems.Clear();
        return problems;
    }
}
