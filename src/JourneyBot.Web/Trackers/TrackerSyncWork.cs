using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Conversation.Trackers;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Sending;
using JourneyBot.Web.Bot;

namespace JourneyBot.Web.Trackers;

/// <summary>
/// The hourly read-back of a map's Planner tasks (<see cref="TrackerWork"/>): reads them, and goes
/// on next hour while any tracked action is open. Graph down or refusing loses nothing: the
/// actions stay as stored and the next pass reads them. A missing permission is told once in the
/// map's conversation (the facilitator's card), until a pass gets through again.
/// </summary>
internal sealed class TrackerSyncWork(TrackerServices trackers, ProactiveSends sends, ILogger<TrackerSyncWork> logger) : IDueWorkHandler
{
    public string Kind => TrackerWork.Kind;

    public async Task HandleAsync(DueWork work, CancellationToken cancellationToken)
    {
        if (TrackerWork.Read(work) is not { } place)
        {
            WebLog.LogNotATrackerSync(logger, work.Id, work.Kind);
            return;
        }

        var result = await trackers.Sync.SyncMapAsync(place.TeamKey, place.MapId, place.TenantId, cancellationToken);
        WebLog.LogTrackerSynced(logger, place.MapId, result.Read, result.Done, result.Open);
        var told = place.ToldOfPermission;
        if (result.Failure == PlannerFailure.Forbidden)
        {
            told = told || await TellAsync(place, result.Permission ?? PlannerPermissions.Tasks, cancellationToken);
        }
        else
        {
            // Through again (or failing otherwise): a permission taken away later is told anew.
            told = false;
        }

        if (result.Failure != PlannerFailure.None)
        {
            WebLog.LogTrackerSyncStopped(logger, place.MapId, result.Failure.ToString());
        }

        if (result.Open > 0)
        {
            await trackers.Work.ScheduleAsync(place with { ToldOfPermission = told }, trackers.Clock.GetUtcNow(), cancellationToken);
        }
    }

    // The permission card, in the map's thread or chat, where its facilitator works.
    private async Task<bool> TellAsync(TrackerSyncPlace place, string permission, CancellationToken cancellationToken)
    {
        try
        {
            var conversation = ConversationReference.ForConversation(place.ServiceUrl, place.ConversationKey);
            await sends.SendAsync(conversation, JourneyTurnHandler.CardActivity(TrackerCards.MissingPermission(permission)), cancellationToken);
            WebLog.LogTrackerPermissionTold(logger, place.MapId, permission);
            return true;
        }
        catch (ConnectorException ex)
        {
            WebLog.LogTrackerPermissionNotTold(logger, place.MapId, ex);
            return false;
        }
    }
}
