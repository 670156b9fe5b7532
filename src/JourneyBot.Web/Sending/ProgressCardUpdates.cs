using System.Collections.Concurrent;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using JourneyBot.Web.Bot;
using JourneyBot.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Sending;

/// <summary>
/// Updates the progress card of a conversation in place (PUT), at most once per interval however
/// many changes arrive: the first change schedules an update, later ones ride along with it.
/// </summary>
/// <remarks>
/// The pending update lives in this process only; the interval is timed by the outbox
/// (<see cref="TurnContext.SendLater"/>), so should the host stop within it, the update goes out at
/// once. Should it be lost all the same, nothing is lost but the picture: the card refreshes itself
/// (Universal Actions) when someone looks at it, and the next change updates it again. Each
/// instance coalesces its own turns.
/// </remarks>
internal sealed class ProgressCardUpdates(
    JourneyConversation conversation,
    IOptions<ProgressCardOptions> options,
    WebMetrics metrics,
    ILogger<ProgressCardUpdates> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reading = new(Math.Max(1, options.Value.MaxConcurrentReads));

    /// <summary>Asks for an update of the conversation's progress card, addressed as <paramref name="turn"/>'s answers.</summary>
    public void Schedule(TurnContext turn, MapScope scope)
    {
        if (_pending.TryAdd(scope.ConversationKey, true))
        {
            turn.SendLater(options.Value.UpdateInterval, (sender, cancellationToken) => UpdateAsync(scope, sender, cancellationToken));
        }
        else
        {
            metrics.ProgressUpdateCoalesced();
        }
    }

    private async Task UpdateAsync(MapScope scope, IConversationSender sender, CancellationToken cancellationToken)
    {
        try
        {
            if (await ReadProgressAsync(scope, cancellationToken) is not var (card, activityId))
            {
                return;
            }

            await sender.UpdateAsync(activityId, JourneyTurnHandler.CardActivity(card), cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
        {
            _pending.TryRemove(scope.ConversationKey, out _);
            WebLog.LogUpdateFailed(logger, ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reading.Dispose();

    private async Task<(AdaptiveCard Card, string ActivityId)?> ReadProgressAsync(MapScope scope, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken);
        try
        {
            // From here on, a new change schedules the next update: none is missed.
            _pending.TryRemove(scope.ConversationKey, out _);
            return await conversation.ProgressAsync(scope, cancellationToken);
        }
        finally
        {
            _reading.Release();
        }
    }
}
