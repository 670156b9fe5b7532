using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Web.StillTrue;

/// <summary>Puts a map's first "Still true?" pass on the durable schedule when a turn set its review.</summary>
internal sealed class ReviewSchedule(IDueWorkStore schedule, ILogger<ReviewSchedule> logger)
{
    /// <summary>
    /// Schedules <paramref name="first"/>; nothing when it is null. Never throws: the turn is answered
    /// already; should storage fail, the facilitator is none the wiser, so it is logged as a warning
    /// and setting the review again schedules it again.
    /// </summary>
    public async Task KeepAsync(DueWork? first, CancellationToken cancellationToken)
    {
        if (first is null)
        {
            return;
        }

        try
        {
            await schedule.ScheduleAsync(first, cancellationToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            WebLog.LogReviewNotScheduled(logger, first.Id, ex);
        }
    }
}
