using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Trackers;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// The team's tracker: <c>tracker planner</c> (pick a plan of the team's Microsoft 365 group),
/// <c>tracker off</c>, <c>tracker</c> (which one), and Send to Planner on an action's card.
/// </summary>
/// <remarks>
/// Any member of the team may pick the plan: the choice is the team's, like its departments, and
/// a team has no facilitator of its own (maps do). It offers only the plans of the team's own group
/// and says who chose, for everyone to see. The plan picked is checked against the group's plans
/// again when the card is pressed, so a forged press cannot point the bot (whose app may write to any
/// plan of the tenant) at another team's plan. Sending is the action's owner's or its map's
/// facilitator's, as are its other changes.
/// </remarks>
internal sealed class TrackerHandlers(IMapStore store, TrackerServices? trackers, MapLinks links)
{
    private const string Planner = "planner";

    public async Task<TurnOutcome> TrackerAsync(CommandTurn command, TrackerCommand tracker, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        if (trackers is null)
        {
            return new TurnOutcome().Say(Strings.TrackerNotSetUp);
        }

        switch (tracker.Which.Trim().ToUpperInvariant())
        {
            case "":
                return new TurnOutcome().Say(await trackers.Actions.GetTrackerAsync(turn.Scope.TeamKey, cancellationToken) is { } current
                    ? Strings.TrackerIs.Fill(("plan", Markdown.Escape(current.ContainerName)), ("person", Markdown.Escape(current.ChosenBy.Name)))
                    : Strings.TrackerNone);
            case "OFF":
                var had = await trackers.Actions.GetTrackerAsync(turn.Scope.TeamKey, cancellationToken) is not null;
                await trackers.Actions.PutTrackerAsync(turn.Scope.TeamKey, null, cancellationToken);
                return new TurnOutcome().Say(had ? Strings.TrackerTurnedOff : Strings.TrackerWasOff);
            case "PLANNER":
                return await PlansAsync(turn, cancellationToken);
            default:
                return new TurnOutcome().Say(Strings.TrackerOnlyPlanner);
        }
    }

    public async Task<TurnOutcome> ChooseAsync(CommandTurn command, ChoosePlanCommand choose, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        if (trackers is null)
        {
            return new TurnOutcome().Say(Strings.TrackerNotSetUp);
        }

        if (await GroupIdAsync(turn, cancellationToken) is not { } groupId)
        {
            return new TurnOutcome().Say(Strings.TrackerNotInTeam);
        }

        var plans = await trackers.Planner.ListPlansAsync(groupId, turn.TenantId, cancellationToken);
        if (plans.Value is null)
        {
            return Failed(plans.Failure, plans.Permission);
        }

        if (plans.Value.FirstOrDefault(p => p.Id == choose.PlanId) is not { } plan)
        {
            return new TurnOutcome().Say(Strings.TrackerPlanGone);
        }

        var chosen = new TeamTracker(Planner, plan.Id, plan.Title, groupId, turn.From, trackers.Clock.GetUtcNow());
        await trackers.Actions.PutTrackerAsync(turn.Scope.TeamKey, chosen, cancellationToken);
        var text = Strings.TrackerChosen.Fill(("plan", Markdown.Escape(plan.Title)), ("person", Markdown.Escape(turn.From.Name)));
        return new TurnOutcome { CardUpdate = TrackerCards.Chosen(text) };
    }

    public async Task<TurnOutcome> SendAsync(CommandTurn command, SendToPlannerCommand send, CancellationToken cancellationToken)
    {
        var turn = command.Turn;
        if (trackers is null)
        {
            return new TurnOutcome().Say(Strings.TrackerNotSetUp);
        }

        if (await trackers.Actions.GetTrackerAsync(send.TeamKey, cancellationToken) is not { } tracker)
        {
            return new TurnOutcome().Say(Strings.SendNoPlan);
        }

        var summary = await store.GetMapSummaryAsync(send.TeamKey, send.MapId, cancellationToken);
        var map = summary is null ? null : await MapHomes.ReadAsync(store, send.TeamKey, summary, cancellationToken);
        if (map is null || await trackers.Actions.GetActionAsync(send.TeamKey, send.MapId, send.ActionId, cancellationToken) is not { Action: var action })
        {
            return new TurnOutcome().Say(Strings.SendActionGone);
        }

        if (action.Owner.Id != turn.From.Id && !TurnReplies.IsFacilitator(turn, map))
        {
            return new TurnOutcome().Say(Strings.SendNotYours.Fill(
                ("owner", Markdown.Escape(action.Owner.Name)), ("facilitator", Markdown.Escape(map.Facilitator.Name))));
        }

        if (action.Tracker is not null)
        {
            return Already(tracker, action);
        }

        // Planner assigns by Entra object id; a member Teams knew only by its own id (29:…) has none.
        if (!Guid.TryParse(action.Owner.Id, out var ownerId))
        {
            return new TurnOutcome().Say(Strings.SendNoEntraId.Fill(("owner", Markdown.Escape(action.Owner.Name))));
        }

        // Claimed on the action's row first: of two presses at the same moment only one creates a task.
        var now = trackers.Clock.GetUtcNow();
        var claim = new TrackerSend(Guid.NewGuid().ToString("N"), turn.From, now);
        if (await ClaimAsync(claim, send, tracker, cancellationToken) is { } refused)
        {
            return refused;
        }

        var created = await trackers.Planner.CreateTaskAsync(
            new PlannerNewTask(tracker.Container, action.Text, ownerId.ToString(), action.Due, Description(send.TeamKey, map, action)), turn.TenantId, cancellationToken);
        if (created.Value is not { } task)
        {
            // Nothing was created: the claim is given up, for a press later to try again.
            await ActionUpdates.ApplyAsync(trackers.Actions, send.TeamKey, send.MapId, action.Id,
                a => a.Sending?.Id == claim.Id ? a with { Sending = null } : null, cancellationToken);
            return created.Failure == PlannerFailure.NotFound
                ? new TurnOutcome().Say(Strings.SendPlanGone.Fill(("plan", Markdown.Escape(tracker.ContainerName))))
                : Failed(created.Failure, created.Permission);
        }

        var tracked = new TrackedTask(Planner, task.Id, task.ETag, tracker.Container, now);
        await ActionUpdates.ApplyAsync(trackers.Actions, send.TeamKey, send.MapId, action.Id,
            a => a.Tracker is null
                ? a.With(new ActionChange(now, turn.From, ActionChangeKind.SentToTracker, tracker.ContainerName)) with { Tracker = tracked, Sending = null }
                : null,
            cancellationToken);

        var outcome = new TurnOutcome().Say(Strings.SentToPlanner.Fill(("action", Markdown.Escape(action.Text)), ("plan", Markdown.Escape(tracker.ContainerName)),
            ("owner", Markdown.Escape(action.Owner.Name)), ("due", action.Due)));
        if (turn.ServiceUrl is { } serviceUrl)
        {
            var home = new MapScope(send.TeamKey, map.ConversationKey);
            await trackers.Work.ScheduleAsync(new TrackerSyncPlace(send.TeamKey, send.MapId, map.ConversationKey, serviceUrl, turn.TenantId), now, cancellationToken);
            outcome.ActionsTouched = new ActionsTouched(home, send.MapId, serviceUrl, turn.TenantId);
        }

        return outcome;
    }

    // Marks the action as being sent by this press, unless it is in the tracker already or another
    // press's send holds it (a claim that lapsed is taken over): null when claimed, else the answer.
    private async Task<TurnOutcome?> ClaimAsync(TrackerSend claim, SendToPlannerCommand send, TeamTracker tracker, CancellationToken cancellationToken)
    {
        var actions = trackers!.Actions;
        if (await ActionUpdates.ApplyAsync(actions, send.TeamKey, send.MapId, send.ActionId,
                a => a.Tracker is null && a.Sending?.HoldsAt(claim.At) != true ? a with { Sending = claim } : null, cancellationToken) is not null)
        {
            return null;
        }

        return (await actions.GetActionAsync(send.TeamKey, send.MapId, send.ActionId, cancellationToken))?.Action switch
        {
            null => new TurnOutcome().Say(Strings.SendActionGone),
            { Tracker: not null } sent => Already(tracker, sent),
            { Sending: { } other } sending when other.HoldsAt(claim.At) => new TurnOutcome().Say(Strings.SendUnderWay.Fill(
                ("person", Markdown.Escape(other.By.Name)), ("action", Markdown.Escape(sending.Text)))),
            // It kept changing under the claim: nothing was sent.
            _ => new TurnOutcome().Say(Texts.Busy),
        };
    }

    private static TurnOutcome Already(TeamTracker tracker, OwnedAction action) => new TurnOutcome().Say(Strings.SendAlready.Fill(
        ("action", Markdown.Escape(action.Text)), ("plan", Markdown.Escape(PlanName(tracker, action.Tracker!)))));

    // tracker planner: the plans of the team's group, to pick one.
    private async Task<TurnOutcome> PlansAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (await GroupIdAsync(turn, cancellationToken) is not { } groupId)
        {
            return new TurnOutcome().Say(Strings.TrackerNotInTeam);
        }

        var plans = await trackers!.Planner.ListPlansAsync(groupId, turn.TenantId, cancellationToken);
        if (plans.Value is not { } found)
        {
            // A group Planner does not know yet has no plans either.
            return plans.Failure == PlannerFailure.NotFound ? new TurnOutcome().Say(Strings.TrackerNoPlans) : Failed(plans.Failure, plans.Permission);
        }

        return found.Count == 0
            ? new TurnOutcome().Say(Strings.TrackerNoPlans)
            : new TurnOutcome().Show(TrackerCards.Plans(found, await trackers.Actions.GetTrackerAsync(turn.Scope.TeamKey, cancellationToken)));
    }

    // The team's group, as the turn carries it or as Teams tells; none in a chat.
    private async Task<string?> GroupIdAsync(UserTurn turn, CancellationToken cancellationToken) =>
        turn.GroupId ?? (trackers?.Groups is { } groups ? await groups.FindGroupIdAsync(turn, cancellationToken) : null);

    // What the task says: where it comes from, and the link to the map when links are on.
    private string Description(string teamKey, JourneyMap map, OwnedAction action)
    {
        var stage = map.Stages.FirstOrDefault(s => s.Id == action.StageId)?.Name ?? string.Empty;
        var text = Strings.TaskDescription.Fill(("map", map.Name), ("stage", stage));
        return links.For(teamKey, map.Id, map.PublishedVersion) is { } link
            ? text + "\n" + Strings.TaskDescriptionLink.Fill(("link", link.ToString()))
            : text;
    }

    private static string PlanName(TeamTracker tracker, TrackedTask task) => task.Container == tracker.Container ? tracker.ContainerName : task.Container;

    // Graph refused or was away: what the member can do about it. Nothing was written.
    private static TurnOutcome Failed(PlannerFailure failure, string? permission) => failure switch
    {
        PlannerFailure.Forbidden => new TurnOutcome().Show(TrackerCards.MissingPermission(permission ?? PlannerPermissions.Tasks)),
        PlannerFailure.Off => new TurnOutcome().Say(Strings.TrackerNotSetUp),
        PlannerFailure.NotFound => new TurnOutcome().Say(Strings.TrackerPlanGone),
        _ => new TurnOutcome().Say(Strings.TrackerUnavailable),
    };
}
