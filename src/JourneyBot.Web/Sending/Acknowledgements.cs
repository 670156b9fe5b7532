using System.Collections.Concurrent;
using JourneyBot.Conversation.Flow;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using JourneyBot.Web.Bot;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Sending;

/// <summary>
/// Confirms typed contributions without flooding a busy conversation: the first goes out at once,
/// those that follow within the interval go out together as one message at its end, and so on
/// while they keep coming. Fifty members typing at once cost a few messages, not fifty, and no
/// one's turn waits behind the others' (Teams allows a bot about 7 sends a second per thread).
/// </summary>
/// <remarks>
/// Gathered confirmations live in this process; the interval is timed by the outbox
/// (<see cref="TurnContext.SendLater"/>), so should the host stop within it, what has gathered
/// goes out at once instead of being lost. The contributions themselves were stored before they
/// were confirmed.
/// </remarks>
internal sealed class Acknowledgements(IOptions<AcknowledgementOptions> options, ILogger<Acknowledgements> logger)
{
    private readonly ConcurrentDictionary<string, Gathering> _open = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends one turn's confirmations (each with a <see cref="BotMessage.Summary"/>) in its
    /// conversation: as they are when no others went out moments ago, else as lines gathered
    /// with the others into one message shortly.
    /// </summary>
    public async Task ConfirmAsync(TurnContext turn, IReadOnlyList<BotMessage> messages, string? replyTo, CancellationToken cancellationToken)
    {
        var key = turn.ConversationKey;
        while (true)
        {
            var gathering = _open.GetOrAdd(key, _ => new Gathering());
            switch (gathering.Join([.. messages.Select(m => m.Summary ?? m.Text ?? string.Empty)], replyTo))
            {
                case Joined.First:
                    SendGatheredLater(turn, key, gathering);
                    foreach (var message in messages)
                    {
                        await turn.ReplyToAsync(replyTo, JourneyTurnHandler.ToActivity(message), cancellationToken);
                    }

                    return;
                case Joined.Gathered:
                    return;
                default:
                    _open.TryRemove(new KeyValuePair<string, Gathering>(key, gathering)); // closed meanwhile: start anew
                    break;
            }
        }
    }

    // At the end of each interval what gathered during it goes out as one message, addressed as the
    // first turn's replies; an interval in which nothing gathered closes the window.
    private void SendGatheredLater(TurnContext turn, string key, Gathering gathering) =>
        turn.SendLater(options.Value.Interval, (sender, cancellationToken) => SendGatheredAsync(turn, key, gathering, sender, cancellationToken));

    private async Task SendGatheredAsync(TurnContext turn, string key, Gathering gathering, IConversationSender sender, CancellationToken cancellationToken)
    {
        if (gathering.TakeOrClose() is not { } batch)
        {
            _open.TryRemove(new KeyValuePair<string, Gathering>(key, gathering));
            return;
        }

        try
        {
            var text = batch.Lines.Count == 1 ? batch.Lines[0] : Texts.Acknowledged(batch.Lines);
            await sender.ReplyToAsync(batch.ReplyTo, new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
        {
            gathering.TakeOrClose();
            _open.TryRemove(new KeyValuePair<string, Gathering>(key, gathering));
            WebLog.LogSendFailed(logger, ex);
            return;
        }

        SendGatheredLater(turn, key, gathering);
    }

    private enum Joined
    {
        First,
        Gathered,
        Closed,
    }

    private sealed record Batch(IReadOnlyList<string> Lines, string? ReplyTo);

    /// <summary>One conversation's open window: whether its first confirmation went, and what waits.</summary>
    private sealed class Gathering
    {
        private readonly Lock _gate = new();
        private readonly List<string> _lines = [];
        private string? _replyTo;
        private bool _started;
        private bool _closed;

        public Joined Join(IReadOnlyList<string> lines, string? replyTo)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return Joined.Closed;
                }

                if (!_started)
                {
                    _started = true;
                    return Joined.First;
                }

                _lines.AddRange(lines);
                _replyTo = replyTo;
                return Joined.Gathered;
            }
        }

        // What gathered during the interval, or null (and closed) when nothing did.
        public Batch? TakeOrClose()
        {
            lock (_gate)
            {
                if (_lines.Count == 0)
                {
                    _closed = true;
                    return null;
                }

                var batch = new Batch([.. _lines], _replyTo);
                _lines.Clear();
                return batch;
            }
        }
    }
}
