using System.Threading.Channels;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Flow;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Web.Members;

namespace JourneyBot.Web.Actions;

/// <summary>
/// Tells owners of actions in their 1:1 chat, after the turn that made or moved the action is
/// answered: reads the action as stored (a later change shows; an action gone meanwhile is told to
/// nobody) and posts its owner's card, starting the chat where their member row keeps none.
/// </summary>
/// <remarks>
/// A new owner's Teams id (<c>29:…</c>), which a chat is started with, comes from the team's roster:
/// an action names its owner by their Entra object id. One worker per instance, in the order the
/// turns came; the queue lives in this process, so an owner not reached when the host stops is
/// told by the action's next reminder instead.
/// </remarks>
internal sealed class OwnerDelivery(
    OwnerCards cards, PersonalCards personal, TeamRoster roster, Conversation.Languages.TeamLanguages languages, ILogger<OwnerDelivery> logger)
    : BackgroundService
{
    private readonly Channel<(OwnerNotice Notice, ChannelAccount? Bot)> _queue =
        Channel.CreateUnbounded<(OwnerNotice, ChannelAccount?)>(new() { SingleReader = true });

    /// <summary>Queues <paramref name="notices"/>, from a turn whose bot account is <paramref name="bot"/>.</summary>
    public void Enqueue(IReadOnlyList<OwnerNotice> notices, ChannelAccount? bot)
    {
        ArgumentNullException.ThrowIfNull(notices);
        foreach (var notice in notices)
        {
            _queue.Writer.TryWrite((notice, bot));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (notice, bot) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(notice, bot, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: owners not told yet hear of their action from its reminders.
        }
    }

    private async Task DeliverAsync(OwnerNotice notice, ChannelAccount? bot, CancellationToken cancellationToken)
    {
        try
        {
            // The owner's card is made in their own language; the team's where their row remembers none.
            OwnerCardMessage? message;
            using (Conversation.Languages.LanguageScope.Enter(await languages.LanguageOfAsync(notice.TeamKey, cancellationToken)))
            {
                message = await cards.ForOwnerAsync(notice, cancellationToken);
            }

            if (message is null)
            {
                WebLog.LogOwnerActionGone(logger, notice.MapId, notice.ActionId);
                return;
            }

            var member = await MemberAsync(notice, message, cancellationToken);
            var sent = await personal.SendAsync(notice.TeamKey, notice.ServiceUrl, notice.TenantId, member, bot, message.Card, cancellationToken);
            if (sent.CardActivityId is null)
            {
                WebLog.LogOwnerNotReached(logger, notice.MapId, notice.ActionId, sent.Chat.GetType().Name);
                return;
            }

            WebLog.LogOwnerCardSent(logger, notice.MapId, notice.ActionId);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or Azure.RequestFailedException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            WebLog.LogOwnerCardNotDelivered(logger, notice.MapId, notice.ActionId, ex);
        }
    }

    // The owner as Teams lists them: from the team's roster when their row keeps no chat yet (their
    // Teams id starts one); else by their object id, which is all a kept chat needs.
    private async Task<ChatMember> MemberAsync(OwnerNotice notice, OwnerCardMessage message, CancellationToken cancellationToken)
    {
        var owner = message.Owner;
        var kept = new ChatMember(owner.Id, owner.Name, owner.Id);
        if (message.Row?.Chat is not null)
        {
            // Their row, read for the card's language, keeps their chat.
            return kept;
        }

        var team = await roster.ListAsync(notice.TeamKey, notice.ServiceUrl, notice.TeamKey, cancellationToken);
        return team.Members.FirstOrDefault(m => m.Member.PersonId == owner.Id)?.Member ?? kept;
    }
}
