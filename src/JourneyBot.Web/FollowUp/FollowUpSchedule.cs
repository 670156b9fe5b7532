using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Web.FollowUp;

/// <summary>Keeps a map's follow-up pass on the durable schedule when a turn changed its actions.</summary>
internal sealed class FollowUpSchedule(IDueWorkStore schedule, TimeProvider clock, ILogger<FollowUpSchedule> logger)
{
    /// <summary>
    /// Schedules the pass of the map <paramref name="touched"/> names shortly (a burst of changes
    /// within the hour makes one entry); nothing when it is null. Never throws: the turn is answered
    /// already, and the map's next change, or its pass already scheduled, tries again.
    /// </summary>
    public async Task KeepAsync(ActionsTouched? touched, CancellationToken cancellationToken)
    {
        if (touched is null)
        {
            return;
        }

        try
        {
            await schedule.ScheduleAsync(FollowUpWork.At(touched, clock.GetUtcNow() + FollowUpWork.AfterChange), cancellationToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            WebLog.LogFollowUpNotScheduled(logger, touched.MapId, ex);
        }
    }
}
