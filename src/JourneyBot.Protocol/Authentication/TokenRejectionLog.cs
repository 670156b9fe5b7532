using Microsoft.Extensions.Logging;

namespace JourneyBot.Protocol.Authentication;

/// <summary>
/// Logs rejected bearer tokens without letting them flood the log: the first rejection of each
/// minute is a Warning that also says how many were rejected since the previous Warning; the
/// others are Debug lines, counted.
/// </summary>
/// <remarks>
/// Anyone can send a bad token, so a Warning per rejection would let any caller fill the log
/// and bury what matters. The count keeps the volume visible at Warning level.
/// </remarks>
internal sealed class TokenRejectionLog(TimeProvider clock, ILogger<TokenRejectionLog> logger)
{
    /// <summary>At most one Warning per this long.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _nextWarning = DateTimeOffset.MinValue;
    private int _sinceWarning;

    /// <summary>Logs one rejection: at Warning when none was this minute, else at Debug.</summary>
    public void Rejected(string exceptionType, string reason)
    {
        int? countedBefore = null;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= _nextWarning)
            {
                _nextWarning = now + Window;
                countedBefore = _sinceWarning;
                _sinceWarning = 0;
            }
            else
            {
                _sinceWarning++;
            }
        }

        if (countedBefore is { } counted)
        {
            ProtocolLog.TokenRejected(logger, exceptionType, reason, counted);
        }
        else
        {
            ProtocolLog.TokenRejectedCounted(logger, exceptionType, reason);
        }
    }
}
