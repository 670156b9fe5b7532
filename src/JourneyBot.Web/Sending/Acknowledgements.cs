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
internal sealed class Acknowledgements(IOptions<AcknowledgementOptions> options, Conversation.Languages.TeamLanguages languages, ILogger<Acknowledgements> logger)
{
    private readonly ConcurrentDictionary<string, Gathering> _open = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends one turn's confirmations (each with a <see cref="BotMessage.Summary"/>) in its
    /// conversation: as they are when no others went out moments ago, else as lines gathered
    /// with the others into one message shortly.
    /// </summary>
    public async Task ConfirmAsync(TurnContext turn, IReadOnlyList<BotMessage> messages, string? replyTo, CancellationToken cancellationToken)
    {
        if (Join(turn, messages, replyTo, gatherFirst: false) != Joined.First)
        {
            return;
        }

        foreach (var message in messages)
        {
            await turn.ReplyToAsync(replyTo, JourneyTurnHandler.ToActivity(message), cancellationToken);
        }
    }

    /// <summary>
    /// Gathers one turn's confirmations as lines into the conversation's next gathered message,
    /// opening the window if none is open, without sending anything now: for a conversation whose
    /// outbox is full, where a message of their own would only wait behind the others.
    /// </summary>
    public void Gather(TurnContext turn, IReadOnlyList<BotMessage> messages, string? replyTo)
    {
        if (messages.Count > 0)
        {
            Join(turn, messages, replyTo, gatherFirst: true);
        }
    }

    // Joins the conversation's open window, or opens one (and times its end); gives whether this
    // turn opened it. The opener's lines are gathered only when asked to: else it sends its own.
    private Joined Join(TurnContext turn, IReadOnlyList<BotMessage> messages, string? replyTo, bool gatherFirst)
    {
        var key = turn.ConversationKey;
        IReadOnlyList<string> lines = [.. messages.Select(m => m.Summary ?? m.Text ?? string.Empty)];
        while (true)
        {
            // The gathered lines are in the turns' language; so is their header (the team's, kept by the turn that just read it).
            var gathering = _open.GetOrAdd(key, _ => new Gathering(TurnLanguage.Kept(languages, turn.Activity)));
            var joined = gathering.Join(lines, replyTo, gatherFirst);
            if (joined == Joined.First)
            {
                SendGatheredLater(turn, key, gathering);
            }

            if (joined != Joined.Closed)
            {
                return joined;
            }

            _open.TryRemove(new KeyValuePair<string, Gathering>(key, gathering)); // closed meanwhile: start anew
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
            var text = batch.Lines.Count == 1 ? batch.Lines[0] : TurnLanguage.Say(gathering.Language, () => Texts.Acknowledged(batch.Lines));
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
    private sealed class Gathering(System.Globalization.CultureInfo language)
    {
        private readonly Lock _gate = new();
        private readonly List<string> _lines = [];
        private string? _replyTo;
        private bool _started;
        private bool _closed;

        /// <summary>The language of the turn that opened it, for the gathered message's header.</summary>
        public System.Globalization.CultureInfo Language => language;

        public Joined Join(IReadOnlyList<string> lines, string? replyTo, bool gatherFirst)
        {
            lock (_gate)
            {
                if (_closed)
                {
                    return Joined.Closed;
                }

                var first = !_started;
                _started = true;
                if (first && !gatherFirst)
                {
                    return Joined.First;
                }

                _lines.AddRange(lines);
                _replyTo = replyTo;
                return first ? Joined.First : Joined.Gathered;
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
