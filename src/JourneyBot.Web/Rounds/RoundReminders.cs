using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;

namespace JourneyBot.Web.Rounds;

/// <summary>A member's reminder, when its time comes: sent into their 1:1 chat if they are still awaited (see <see cref="RoundDue.ReminderAsync"/>).</summary>
internal sealed class RoundReminders(RoundDue due, ProactiveSends sends, ILogger<RoundReminders> logger) : IDueWorkHandler
{
    public string Kind => RoundWork.ReminderKind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (RoundWork.Read(work) is not ({ } key, { } memberId, { } at))
        {
            WebLog.LogNotARound(logger, work.Id, work.Kind);
            return;
        }

        if (await due.ReminderAsync(key, memberId, at, cancellationToken) is not { } reminder)
        {
            return;
        }

        try
        {
            var chat = ConversationReference.ForConversation(reminder.ServiceUrl, reminder.ChatId);
            await sends.SendAsync(chat, new Activity { Type = ActivityTypes.Message, Text = reminder.Text }, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            // Blocked or gone since the question went out: trying again changes nothing.
            WebLog.LogReminderNotSent(logger, key.MapId, key.Number, ex);
            return;
        }

        // Sent: noting it must not be cut short by the lease or the host stopping, or it would go out again.
        await due.RemindedAsync(key, memberId, CancellationToken.None);
        WebLog.LogReminded(logger, key.MapId, key.Number);
    }
}
