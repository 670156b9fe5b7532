using System.Collections.Concurrent;
using JourneyBot.Conversation.Flow;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Turns;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Bot;

/// <summary>How long confirmations are gathered into one message (section <c>Acknowledgements</c>).</summary>
public sealed class AcknowledgementOptions
{
    /// <summary>After a confirmation goes out, the next ones in this interval go out together at its end.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Confirms typed contributions without flooding a busy conversation: the first goes out at once,
/// those that follow within the interval go out together as one message at its end, and so on
/// while they keep coming. Fifty members typing at once cost a few messages, not fifty, and no
/// one's turn waits behind the others' (Teams allows a bot about 7 sends a second per thread).
/// </summary>
/// <remarks>
/// Gathered confirmations live in this process; should it stop within the interval, those lines
/// are not sent, but the contributions themselves were stored before they were confirmed.
/// </remarks>
internal sealed class Acknowledgements(
    IServiceScopeFactory scopes,
    [FromKeyedServices(Acknowledgements.ClockKey)] TimeProvider clock,
    IOptions<AcknowledgementOptions> options,
    ILogger<Acknowledgements> logger)
{
    /// <summary>The key of the clock that times the gathering (its own, so tests can move it alone).</summary>
    public const string ClockKey = "acknowledgements";

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
                    _ = SendGatheredLaterAsync(key, gathering, turn.Activity.CreateReply());
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

    private async Task SendGatheredLaterAsync(string key, Gathering gathering, Activity reply)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.Interval, clock);
                if (gathering.TakeOrClose() is not { } batch)
                {
                    _open.TryRemove(new KeyValuePair<string, Gathering>(key, gathering));
                    return;
                }

                reply.Text = batch.Lines.Count == 1 ? batch.Lines[0] : Texts.Acknowledged(batch.Lines);
                reply.ReplyToId = batch.ReplyTo;
                using var services = scopes.CreateScope();
                var connector = services.ServiceProvider.GetRequiredService<ConnectorClient>();
                await (string.IsNullOrEmpty(batch.ReplyTo)
                    ? connector.SendToConversationAsync(reply.ServiceUrl!, reply.Conversation!.Id!, reply, CancellationToken.None)
                    : connector.ReplyToActivityAsync(reply.ServiceUrl!, reply.Conversation!.Id!, batch.ReplyTo, reply, CancellationToken.None));
            }
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
        {
            gathering.TakeOrClose();
            _open.TryRemove(new KeyValuePair<string, Gathering>(key, gathering));
            WebLog.LogSendFailed(logger, ex);
        }
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
