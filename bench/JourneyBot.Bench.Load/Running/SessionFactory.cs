using System.Collections.Concurrent;
using JourneyBot.Bench.Load.Connector;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// New sessions, each in a new thread (so no map grows without bound), in teams of
/// <see cref="Team.SessionsPerTeam"/>, with three to five members besides the facilitator.
/// </summary>
internal sealed class SessionFactory(MockConnector connector)
{
    private readonly ConcurrentDictionary<int, Team> _teams = new();
    private readonly ConcurrentQueue<Session> _created = new();
    private int _sessions;

    /// <summary>Every session made so far.</summary>
    public IEnumerable<Session> Created => _created;

    public Session Create()
    {
        var number = Interlocked.Increment(ref _sessions);
        var team = _teams.GetOrAdd(number / Team.SessionsPerTeam, n => new Team(n));
        var session = new Session(number, team, 3 + (number % 3), connector, SessionScript.For);
        _created.Enqueue(session);
        return session;
    }
}
