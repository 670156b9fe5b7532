using System.Threading.Channels;
using JourneyBot.Bench.Load.Sessions;

namespace JourneyBot.Bench.Load.Running;

/// <summary>
/// Sessions waiting for their next step, and the workers that play them. A worker takes a session,
/// plays its next step and puts it back, so a session's turns are always sequential while many
/// sessions run at once. With as many sessions as workers, each worker in effect plays one session
/// start to publish and then a new one; with more sessions, workers go round-robin over them.
/// </summary>
internal sealed class SessionPool
{
    private readonly Channel<Session> _waiting = Channel.CreateUnbounded<Session>();
    private readonly SessionFactory _factory;
    private readonly bool _loopContributions;

    /// <param name="sessions">The sessions to play.</param>
    /// <param name="factory">Makes a new session when one is published.</param>
    /// <param name="loopContributions">Keep every session in its contributions (held sessions) instead of publishing.</param>
    public SessionPool(IEnumerable<Session> sessions, SessionFactory factory, bool loopContributions)
    {
        _factory = factory;
        _loopContributions = loopContributions;
        foreach (var session in sessions)
        {
            _waiting.Writer.TryWrite(session);
        }
    }

    /// <summary>
    /// Runs <paramref name="workers"/> workers until <paramref name="stop"/> is cancelled; steps in
    /// flight then finish, so every turn sent is answered and counted.
    /// </summary>
    public Task RunAsync(int workers, StepPlayer player, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(player, stop), CancellationToken.None)));

    /// <summary>Plays every session's setup, <paramref name="workers"/> at a time, until all are contributing.</summary>
    public static Task PrepareAsync(IEnumerable<Session> sessions, int workers, StepPlayer player)
    {
        // A long set-up (thousands of sessions) says how far it is, every thousand sessions.
        var ready = 0;
        return Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (session, _) =>
        {
            while (!session.Contributing && session.Next(loopContributions: false) is { } step)
            {
                await player.PlayAsync(session, step);
            }

            if (Interlocked.Increment(ref ready) is var count && count % 1000 == 0)
            {
                Configurations.Progress(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"held: {count:N0} sessions set up"));
            }
        });
    }

    /// <summary>Plays every step left of <paramref name="sessions"/>, <paramref name="workers"/> sessions at a time, to publish.</summary>
    public static Task FinishAsync(IEnumerable<Session> sessions, int workers, StepPlayer player) =>
        Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = workers }, async (session, _) =>
        {
            while (session.Next(loopContributions: false) is { } step)
            {
                await player.PlayAsync(session, step);
            }
        });

    private async Task WorkAsync(StepPlayer player, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Session session;
            try
            {
                session = await _waiting.Reader.ReadAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (session.Next(_loopContributions) is not { } step)
            {
                session = _factory.Create();
                step = session.Next(_loopContributions)!;
            }

            await player.PlayAsync(session, step);
            _waiting.Writer.TryWrite(session);
        }
    }
}
