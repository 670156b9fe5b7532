using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Protocol.Sending;
using JourneyBot.Web.Bot;
using JourneyBot.Web.Sending;

namespace JourneyBot.Web.Rounds;

/// <summary>A round's deadline: its one summary post in the map's thread (see <see cref="RoundDue.CloseAsync"/>), then the round is closed.</summary>
internal sealed class RoundDeadlines(RoundDue due, ProactiveSends sends, ProgressCardUpdates progress, ILogger<RoundDeadlines> logger) : IDueWorkHandler
{
    public string Kind => RoundWork.DeadlineKind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (RoundWork.Read(work) is not ({ } key, _, _))
        {
            WebLog.LogNotARound(logger, work.Id, work.Kind);
            return;
        }

        if (await due.CloseAsync(key, cancellationToken) is not { } closing)
        {
            return;
        }

        var thread = ConversationReference.ForConversation(closing.ServiceUrl, closing.Scope.ConversationKey);
        await sends.SendAsync(thread, JourneyTurnHandler.ToActivity(closing.Post), cancellationToken);
        await due.ClosedAsync(key, cancellationToken);
        progress.ScheduleElsewhere(new ProgressElsewhere(closing.Scope, closing.ServiceUrl));
        WebLog.LogRoundClosed(logger, key.MapId, key.Number);
    }
}
