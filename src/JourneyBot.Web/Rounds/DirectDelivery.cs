using System.Threading.Channels;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Web.Members;
using JourneyBot.Web.Sending;

namespace JourneyBot.Web.Rounds;

/// <summary>
/// Delivers a round's questions to each member's 1:1 chat, after the facilitator's turn is
/// answered: starts the chat where there is none yet (paced, see <see cref="PersonalChats"/>),
/// posts the card through the member's own outbox queue, and notes on the member's ask where it
/// went, or that Teams would not deliver to them; then the channel's progress card shows it. A
/// validation round's cards (<see cref="DirectMessage.NotesAsk"/> false) take the same path and note nothing;
/// the members Teams would not reach are told to the facilitator, in one card per round in their own
/// 1:1 chat (<see cref="DirectMessage.NotReached"/>).
/// </summary>
/// <remarks>
/// <para>
/// Only Teams' own refusal (403 or 404: the member blocked the bot, the app is not allowed for them, or
/// they left) makes a member "not reached". A failure that may pass (a 5xx or 429 still there after the
/// connector's retries, a timeout, storage) says nothing about the member: the failure is logged (ids
/// and status only), the member stays asked in the round (the deadline summary lists them as not
/// answered), and a validation card that failed so is told to the facilitator in its own words
/// ("could not take … just now"), since nothing sends it again.
/// </para>
/// One worker per instance takes the rounds in the order they were sent, so a large round cannot
/// hold up the facilitator's channel. The queue lives in this process: should the host stop
/// midway, members not reached yet keep no chat on their ask, and their reminder and the deadline
/// summary list them as not answered.
/// </remarks>
internal sealed class DirectDelivery(
    PersonalCards cards,
    IRoundStore rounds,
    ProgressCardUpdates progress,
    ILogger<DirectDelivery> logger) : BackgroundService
{
    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new() { SingleReader = true });

    /// <summary>Queues <paramref name="messages"/>, from a turn whose bot account is <paramref name="bot"/>; the progress card of <paramref name="channel"/> follows.</summary>
    public void Enqueue(IReadOnlyList<DirectMessage> messages, ChannelAccount? bot, ProgressElsewhere? channel)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count > 0)
        {
            _queue.Writer.TryWrite(new Delivery(messages, bot, channel));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                var notReached = new List<(DirectMessage Message, Reach Reach)>();
                foreach (var message in delivery.Messages)
                {
                    if (await DeliverAsync(message, delivery.Bot, stoppingToken) is not Reach.Delivered and var reach && message.NotReached is not null)
                    {
                        notReached.Add((message, reach));
                    }
                }

                await TellNotReachedAsync(notReached, delivery.Bot, stoppingToken);

                if (delivery.Channel is { } channel)
                {
                    progress.ScheduleElsewhere(channel);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left is told as not answered (see remarks).
        }
    }

    // Whether the card reached the member, Teams refused it, or the attempt failed for now.
    private async Task<Reach> DeliverAsync(DirectMessage message, ChannelAccount? bot, CancellationToken cancellationToken)
    {
        var (key, ask) = (message.Round, message.To);
        try
        {
            var aad = ask.TeamsId is null || ask.TeamsId == ask.Member.Id ? null : ask.Member.Id;
            var member = new ChatMember(ask.TeamsId ?? ask.Member.Id, ask.Member.Name, aad);
            var sent = await cards.SendAsync(key.TeamKey, message.ServiceUrl, message.TenantId, member, bot, message.Card, cancellationToken);
            if (!message.NotesAsk)
            {
                // A validation question or a contradiction: its answers come back on the card, no ask to note.
                if (sent.CardActivityId is null)
                {
                    WebLog.LogValidationCardNotDelivered(logger, key.MapId, key.Number);
                }

                return sent.CardActivityId is not null ? Reach.Delivered : Reach.Refused;
            }

            if (sent.CardActivityId is not null)
            {
                await rounds.AddChatAskAsync(sent.ChatId!, message.Round, cancellationToken);
            }

            var delivery = sent.Chat switch
            {
                _ when sent.CardActivityId is not null => new Delivered(sent.ChatId, sent.CardActivityId, null),
                PersonalChatResult.Left => new Delivered(null, null, AskState.Left),
                _ => new Delivered(sent.ChatId, null, AskState.CannotReach),
            };

            // The member may be answering already (the card reached them a moment ago): their ask as
            // stored when it is written gets where the card went, and keeps what they gave.
            await rounds.UpdateAskAsync(key.TeamKey, key.MapId, key.Number, ask.Member.Id, current => current with
            {
                ChatId = delivery.ChatId ?? current.ChatId,
                CardActivityId = delivery.CardActivityId ?? current.CardActivityId,
                State = delivery.Failed is { } failed && current.IsWaiting ? failed : current.State,
            }, cancellationToken);
            return sent.CardActivityId is not null ? Reach.Delivered : Reach.Refused;
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or Azure.RequestFailedException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            // Teams' refusals (403, 404) are answers, not exceptions (PersonalChats, PersonalCards): this one may pass.
            if (message.NotesAsk)
            {
                WebLog.LogQuestionNotDelivered(logger, key.MapId, key.Number, ex);
            }
            else
            {
                WebLog.LogValidationCardFailedForNow(logger, key.MapId, key.Number, (int?)(ex as ConnectorException)?.StatusCode, ex.GetType().Name);
            }

            return Reach.Failed;
        }
    }

    // One card per round to whom its notice names (the facilitator), listing the members Teams refused and
    // those whose card failed for now: nothing sends a validation card again, so the facilitator is told
    // of both, in words that keep them apart.
    private async Task TellNotReachedAsync(List<(DirectMessage Message, Reach Reach)> notReached, ChannelAccount? bot, CancellationToken cancellationToken)
    {
        foreach (var round in notReached.GroupBy(m => (m.Message.Round, m.Message.NotReached!)))
        {
            var (key, notice, first) = (round.Key.Round, round.Key.Item2, round.First().Message);
            try
            {
                var to = notice.Facilitator;
                var aad = to.TeamsId is null || to.TeamsId == to.Member.Id ? null : to.Member.Id;
                List<RoundAsk> members = [.. round.Select(m => m.Message.To)];
                var card = notice.CardFor([.. round.Where(m => m.Reach == Reach.Refused).Select(m => m.Message.To)],
                    [.. round.Where(m => m.Reach == Reach.Failed).Select(m => m.Message.To)]);
                var sent = await cards.SendAsync(key.TeamKey, first.ServiceUrl, first.TenantId, new ChatMember(to.TeamsId ?? to.Member.Id, to.Member.Name, aad),
                    bot, card, cancellationToken);
                if (sent.CardActivityId is null)
                {
                    WebLog.LogNotReachedNotTold(logger, key.MapId, key.Number, null);
                    continue;
                }

                WebLog.LogNotReachedTold(logger, key.MapId, key.Number, members.Count);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or Azure.RequestFailedException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                WebLog.LogNotReachedNotTold(logger, key.MapId, key.Number, ex);
            }
        }
    }

    // How a card's delivery ended: only Refused (Teams will not deliver to the member) is told as not reached; Failed, as failed for now.
    private enum Reach
    {
        Delivered,
        Refused,
        Failed,
    }

    // Where the card went, or why it did not.
    private sealed record Delivered(string? ChatId, string? CardActivityId, AskState? Failed);

    private sealed record Delivery(IReadOnlyList<DirectMessage> Messages, ChannelAccount? Bot, ProgressElsewhere? Channel);
}
