using System.Net;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Sending;
using JourneyBot.Web.Bot;
using JourneyBot.Web.Members;

namespace JourneyBot.Web.FollowUp;

/// <summary>
/// A map's follow-up pass when its time comes (see <see cref="ActionFollowUp.PassAsync"/>): each
/// owner's reminder into their 1:1 chat, the digest and any "map this stage again?" question into
/// the map's thread, each noted as sent right after it went; then the next pass, while an action is open.
/// </summary>
/// <remarks>
/// A pass that fails part-way is tried again by the schedule: what was noted is not sent again.
/// An owner whose 1:1 chat the team's row does not know is found in the thread's roster and the
/// chat started, as a round's questions do.
/// </remarks>
internal sealed class FollowUpPasses(
    ActionFollowUp followUp, IDueWorkStore schedule, ProactiveSends sends, PersonalChats chats, TeamRoster roster, ILogger<FollowUpPasses> logger)
    : IDueWorkHandler
{
    public string Kind => FollowUpWork.Kind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (FollowUpWork.Read(work) is not { } target)
        {
            WebLog.LogNotAFollowUp(logger, work.Id, work.Kind);
            return;
        }

        var pass = await followUp.PassAsync(target, cancellationToken);
        var thread = ConversationReference.ForConversation(target.ServiceUrl, target.Scope.ConversationKey);
        Roster? members = null;
        var reminded = 0;
        foreach (var reminder in pass.Reminders)
        {
            var chat = reminder.Chat;
            if (chat is null)
            {
                members ??= await roster.ListAsync(target.Scope.TeamKey, target.ServiceUrl, Members(target), cancellationToken);
                chat = await StartChatAsync(target, members, reminder, cancellationToken);
            }

            if (chat is null)
            {
                WebLog.LogReminderNotDelivered(logger, target.MapId, reminder.ActionId, null);
                continue;
            }

            try
            {
                var to = ConversationReference.ForConversation(chat.ServiceUrl, chat.ConversationId, target.TenantId);
                await sends.SendAsync(to, JourneyTurnHandler.CardActivity(reminder.Card), cancellationToken);
            }
            catch (ConnectorException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                // Blocked or gone: the next day's pass tries again; nothing else changes for it.
                WebLog.LogReminderNotDelivered(logger, target.MapId, reminder.ActionId, ex);
                continue;
            }

            // Sent: noting it must not be cut short by the lease or the host stopping, or it would go out again.
            await followUp.RemindedAsync(target, reminder, CancellationToken.None);
            reminded++;
        }

        if (pass.Digest is { } digest)
        {
            await sends.SendAsync(thread, JourneyTurnHandler.ToActivity(digest), cancellationToken);
            await followUp.DigestedAsync(target, CancellationToken.None);
        }

        foreach (var question in pass.Remaps)
        {
            await sends.SendAsync(thread, JourneyTurnHandler.CardActivity(question.Card), cancellationToken);
            await followUp.AskedAsync(target, question.StageId, CancellationToken.None);
        }

        if (pass.NextAt is { } next)
        {
            await schedule.ScheduleAsync(FollowUpWork.At(target, next), CancellationToken.None);
        }

        WebLog.LogFollowedUp(logger, target.MapId, reminded, pass.Digest is null ? 0 : 1, pass.Remaps.Count, pass.NextAt);
    }

    // The owner among the thread's members, and their 1:1 chat started (and kept on their row).
    private async Task<PersonalChat?> StartChatAsync(ActionsTouched target, Roster members, OwnerReminder reminder, CancellationToken cancellationToken)
    {
        if (members.Members.FirstOrDefault(m => m.Member.PersonId == reminder.Owner.Id) is not { } owner)
        {
            return null;
        }

        var result = await chats.GetOrStartAsync(target.Scope.TeamKey, target.ServiceUrl, target.TenantId, owner.Member, null, cancellationToken);
        return result is PersonalChatResult.Reached reached ? reached.Chat : null;
    }

    // A channel thread is "19:…;messageid=…": its members are the channel's.
    private static string Members(ActionsTouched target) => target.Scope.ConversationKey.Split(";messageid=", 2)[0];
}
