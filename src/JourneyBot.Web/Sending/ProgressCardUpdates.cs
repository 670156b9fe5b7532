using System.Collections.Concurrent;
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
/// many changes arrive: the first change schedules an update, later ones ride along with it. Once
/// enough posts have pushed the card up the thread, the update posts it again below them and
/// turns the old one into a pointer to it (<see cref="ProgressCardOptions.RepostAfterPosts"/>).
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
    ThreadPostCounts posts,
    ProactiveSends proactive,
    TimeProvider clock,
    ILogger<ProgressCardUpdates> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reading = new(Math.Max(1, options.Value.MaxConcurrentReads));

    /// <summary>Asks for an update of the conversation's progress card, addressed as <paramref name="turn"/>'s answers.</summary>
    public void Schedule(TurnContext turn, MapScope scope)
    {
        posts.Watch(scope);
        if (_pending.TryAdd(scope.ConversationKey, true))
        {
            turn.SendLater(options.Value.UpdateInterval, (sender, cancellationToken) => UpdateAsync(scope, sender, cancellationToken));
        }
        else
        {
            metrics.ProgressUpdateCoalesced();
        }
    }

    /// <summary>
    /// Asks for an update of the progress card of a conversation no turn is in (a member answered
    /// in their 1:1 chat; a round's deadline passed), coalesced with the others for it.
    /// </summary>
    public void ScheduleElsewhere(ProgressElsewhere where)
    {
        ArgumentNullException.ThrowIfNull(where);
        posts.Watch(where.Scope);
        if (!_pending.TryAdd(where.Scope.ConversationKey, true))
        {
            metrics.ProgressUpdateCoalesced();
            return;
        }

        var thread = ConversationReference.ForConversation(where.ServiceUrl, where.Scope.ConversationKey);
        _ = UpdateLaterAsync(where.Scope, thread);
    }

    /// <summary>Counts what a turn put into the conversation: the member's own post, if typed, and the bot's messages.</summary>
    public void Posted(MapScope scope, bool typed, int messages) => posts.Posted(scope, messages + (typed ? 1 : 0));

    /// <summary>The progress card was posted (when contributions opened): count the posts below it from here.</summary>
    public void CardPosted(MapScope scope) => posts.CardPosted(scope);

    private async Task UpdateAsync(MapScope scope, IConversationSender sender, CancellationToken cancellationToken)
    {
        try
        {
            if (await ReadProgressAsync(scope, cancellationToken) is not { } progress)
            {
                posts.Forget(scope);
                return;
            }

            var repostAfter = options.Value.RepostAfterPosts;
            if (repostAfter > 0 && posts.Since(scope) >= repostAfter)
            {
                await RepostAsync(scope, progress, sender, cancellationToken);
                return;
            }

            await sender.UpdateAsync(progress.ActivityId, JourneyTurnHandler.CardActivity(progress.Card), cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
        {
            _pending.TryRemove(scope.ConversationKey, out _);
            WebLog.LogUpdateFailed(logger, ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reading.Dispose();

    // Outside a turn there is no outbox timer to ride: wait the interval, then queue the update in
    // the conversation's own turn order. Lost if the host stops meanwhile; the card refreshes itself when looked at.
    private async Task UpdateLaterAsync(MapScope scope, ConversationReference thread)
    {
        try
        {
            await Task.Delay(options.Value.UpdateInterval, clock);
            await proactive.EnqueueAsync(thread, (sender, cancellationToken) => UpdateAsync(scope, sender, cancellationToken), CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or OperationCanceledException)
        {
            _pending.TryRemove(scope.ConversationKey, out _);
            WebLog.LogUpdateFailed(logger, ex);
        }
    }

    // The new card goes out and is remembered before the old one changes: at every moment the
    // thread has a card, and every later update finds the new one. The old one becomes a line that
    // points down rather than being deleted: Teams leaves "This message has been deleted" in its
    // place anyway, and Agents Playground cannot delete (501).
    private async Task RepostAsync(MapScope scope, ProgressCardView progress, IConversationSender sender, CancellationToken cancellationToken)
    {
        var sent = await sender.SendAsync(JourneyTurnHandler.CardActivity(progress.Card), cancellationToken);
        if (sent.Id is not { Length: > 0 } newId)
        {
            return;
        }

        posts.CardPosted(scope);
        await conversation.RememberProgressCardAsync(scope, progress.MapId, newId, cancellationToken);
        metrics.ProgressCardReposted();
        try
        {
            await sender.UpdateAsync(progress.ActivityId, JourneyTurnHandler.CardActivity(progress.MovedBelow), cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            // Someone may have deleted it; nothing else depends on it.
            WebLog.LogOldProgressCardKept(logger, ex);
        }
    }

    private async Task<ProgressCardView?> ReadProgressAsync(MapScope scope, CancellationToken cancellationToken)
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
