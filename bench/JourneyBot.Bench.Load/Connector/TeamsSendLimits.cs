using System.Diagnostics;

namespace JourneyBot.Bench.Load.Connector;

/// <summary>
/// Teams' per-conversation limits for a bot's sends (posts and updates into one chat or thread):
/// 7 a second, 8 in two seconds, 60 in thirty seconds. A send beyond them is answered 429 with a
/// Retry-After, as Teams does, and is not counted as sent; the sends the limits admit are counted
/// at their arrival.
/// </summary>
/// <remarks>
/// The bot paces itself to the same limits (<c>ConnectorPacing</c>), so one bot process draws no
/// 429s. What this catches is pacing that does not hold across processes: several instances each
/// pacing alone could send N times the limit into one thread.
/// </remarks>
internal sealed class TeamsSendLimits
{
    private static readonly (int Limit, long Window)[] Windows =
    [
        (7, Stopwatch.Frequency),
        (8, 2 * Stopwatch.Frequency),
        (60, 30 * Stopwatch.Frequency),
    ];

    private static readonly long Longest = Windows.Max(w => w.Window);

    private readonly Lock _gate = new();
    private readonly Queue<long> _admitted = new();

    /// <summary>
    /// Admits a send that arrived at <paramref name="arrived"/> (Stopwatch timestamp), or says how
    /// many seconds to wait (the Retry-After) when it is beyond a limit.
    /// </summary>
    public int? RetryAfterSeconds(long arrived)
    {
        lock (_gate)
        {
            while (_admitted.Count > 0 && _admitted.Peek() <= arrived - Longest)
            {
                _admitted.Dequeue();
            }

            foreach (var (limit, window) in Windows)
            {
                var inWindow = _admitted.Count(t => t > arrived - window);
                if (inWindow >= limit)
                {
                    // The oldest send of the window must leave it first; whole seconds, at least one, as Teams answers.
                    var oldest = _admitted.Where(t => t > arrived - window).Min();
                    var wait = (double)(oldest + window - arrived) / Stopwatch.Frequency;
                    return Math.Max(1, (int)Math.Ceiling(wait));
                }
            }

            _admitted.Enqueue(arrived);
            return null;
        }
    }
}
