using System.Net;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Conversation.Validation;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Web.Members;

namespace JourneyBot.Web.Rounds;

/// <summary>
/// A validation round's reminder to a member, when its time comes: sent into their 1:1 chat (where
/// their questions went) if they have answered nothing yet and muted nothing (see <see cref="ValidationDue.ReminderAsync"/>).
/// </summary>
internal sealed class ValidationReminders(ValidationDue due, PersonalChats chats, ProactiveSends sends, ILogger<ValidationReminders> logger) : IDueWorkHandler
{
    public string Kind => ValidationWork.ReminderKind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (ValidationWork.Read(work) is not ({ } key, { } memberId, var zone))
        {
            WebLog.LogNotAValidation(logger, work.Id, work.Kind);
            return;
        }

        if (await due.ReminderAsync(key, memberId, zone, cancellationToken) is not { } reminder)
        {
            return;
        }

        var ask = reminder.Ask;
        var aad = ask.TeamsId is null || ask.TeamsId == ask.Member.Id ? null : ask.Member.Id;
        var reached = await chats.GetOrStartAsync(key.TeamKey, reminder.ServiceUrl, reminder.TenantId,
            new ChatMember(ask.TeamsId ?? ask.Member.Id, ask.Member.Name, aad), null, cancellationToken);
        if (reached is not PersonalChatResult.Reached { Chat: var chat })
        {
            WebLog.LogValidationReminderNotSent(logger, key.MapId, key.Number, null);
            return;
        }

        if (await due.MutedInChatAsync(chat.ConversationId, memberId, cancellationToken))
        {
            return;
        }

        try
        {
            var to = ConversationReference.ForConversation(chat.ServiceUrl, chat.ConversationId, reminder.TenantId);
            await sends.SendAsync(to, new Activity { Type = ActivityTypes.Message, Text = reminder.Text }, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // Blocked or gone since the questions went out: trying again changes nothing.
            WebLog.LogValidationReminderNotSent(logger, key.MapId, key.Number, ex);
            return;
        }

        WebLog.LogValidationReminded(logger, key.MapId, key.Number);
    }
}
