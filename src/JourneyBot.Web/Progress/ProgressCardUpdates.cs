using System.Collections.Concurrent;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Progress;

/// <summary>How often a conversation's progress card may be updated (section <c>ProgressCard</c>).</summary>
public sealed class ProgressCardOptions
{
    /// <summary>
    /// Changes within this interval become one update. Teams allows about 7 sends a second into a
    /// conversation; a burst of 30 contributions then costs one card update, not 30.
    /// </summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many conversations' updates read storage at once. Updates are background work: bounded,
    /// a thousand busy sessions cannot crowd out members' turns at storage; an update that waits
    /// gathers the changes that come meanwhile.
    /// </summary>
    public int MaxConcurrentReads { get; set; } = 4;
}

/// <summary>
/// Updates the progress card of a conversation in place (PUT), at most once per interval however
/// many changes arrive: the first change schedules an update, later ones ride along with it.
/// </summary>
/// <remarks>
/// The pending update lives in this process only. If the process stops before it runs, nothing is
/// lost but the picture: the card refreshes itself (Universal Actions) when someone looks at it,
/// and the next change updates it again. Each instance coalesces its own turns.
/// </remarks>
internal sealed class ProgressCardUpdates(
    JourneyConversation conversation,
    IServiceScopeFactory scopes,
    [FromKeyedServices(ProgressCardUpdates.ClockKey)] TimeProvider clock,
    IOptions<ProgressCardOptions> options,
    WebMetrics metrics,
    ILogger<ProgressCardUpdates> logger) : IDisposable
{
    /// <summary>The key of the clock that times updates (its own, so tests can move it alone).</summary>
    public const string ClockKey = "progress-card";

    private readonly ConcurrentDictionary<string, bool> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reading = new(Math.Max(1, options.Value.MaxConcurrentReads));

    /// <summary>Asks for an update of the conversation's progress card; <paramref name="reply"/> addresses it.</summary>
    public void Schedule(MapScope scope, Activity reply)
    {
        if (_pending.TryAdd(scope.ConversationKey, true))
        {
            _ = UpdateLaterAsync(scope, reply);
        }
        else
        {
            metrics.ProgressUpdateCoalesced();
        }
    }

    private async Task UpdateLaterAsync(MapScope scope, Activity reply)
    {
        try
        {
            await Task.Delay(options.Value.UpdateInterval, clock);
            if (await ReadProgressAsync(scope) is not var (card, activityId))
            {
                return;
            }

            reply.Attachments = [Attachment.AdaptiveCard(card.ToJson())];
            reply.Id = activityId;
            reply.ReplyToId = null;
            using var services = scopes.CreateScope();
            var connector = services.ServiceProvider.GetRequiredService<ConnectorClient>();
            await connector.UpdateActivityAsync(reply.ServiceUrl!, reply.Conversation!.Id!, activityId, reply, CancellationToken.None);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
        {
            _pending.TryRemove(scope.ConversationKey, out _);
            WebLog.LogUpdateFailed(logger, ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reading.Dispose();

    private async Task<(AdaptiveCard Card, string ActivityId)?> ReadProgressAsync(MapScope scope)
    {
        await _reading.WaitAsync();
        try
        {
            // From here on, a new change schedules the next update: none is missed.
            _pending.TryRemove(scope.ConversationKey, out _);
            return await conversation.ProgressAsync(scope, CancellationToken.None);
        }
        finally
        {
            _reading.Release();
        }
    }
}
