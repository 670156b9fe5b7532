using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Actions;

/// <summary>
/// The buttons of an owner's card: Done, Blocked (with a reason), Open again, Reassign and Update the
/// measure, pressed by the owner or the map's facilitator. Each change is kept in the action's
/// history, and the card answers with the action as it now stands.
/// </summary>
/// <remarks>
/// An action changes by many hands at once (the owner, the facilitator, a tracker's sync), so each
/// press reads the action, applies its change and replaces it only if nobody wrote since; on a
/// conflict it reads again and re-applies, a bounded number of times, so concurrent presses are all
/// kept. The card names the team, the map and the action; the bot acts only on the action as stored,
/// so a forged or replayed card changes nothing that its presser may not change.
/// </remarks>
internal sealed class OwnerPresses(IMapStore store, IActionStore actions, OwnerCards cards, ITeamRoster roster, TimeProvider clock)
{
    /// <summary>The most reads and writes a press tries before it tells the member to try again.</summary>
    public const int MaxAttempts = 10;

    // The most roster members read to find a new owner the map does not know yet.
    private const int MostRosterMembers = 500;

    /// <summary>Whether the press is on an owner's card.</summary>
    public static bool IsPress(CardSubmit submit) =>
        submit.Verb is CardVerbs.ActionDone or CardVerbs.ActionBlocked or CardVerbs.ActionReopen or CardVerbs.ActionReassign
            or CardVerbs.ActionMeasure or CardVerbs.ActionCard
        && submit[CardVerbs.TeamKey] is not null && submit[CardVerbs.ActionKey] is not null;

    public async Task<TurnOutcome> HandleAsync(UserTurn turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var (teamKey, mapId, actionId) = (submit[CardVerbs.TeamKey]!, submit[CardVerbs.MapKey], submit[CardVerbs.ActionKey]!);
        if (mapId is null)
        {
            return new TurnOutcome().Say(Texts.OutdatedCard);
        }

        var source = await cards.ReadAsync(teamKey, mapId, cancellationToken);
        var press = new Press(turn, submit, teamKey, mapId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await actions.GetActionAsync(teamKey, mapId, actionId, cancellationToken);
            if (stored is null || source is null)
            {
                return new TurnOutcome { CardUpdate = OwnerCard.Gone() };
            }

            var action = stored.Action;
            var view = cards.View(source, action, turn.From);
            var facilitator = source.Map.Facilitator;
            if (submit[CardVerbs.ForKey] is { } madeFor && madeFor != action.Owner.Id && madeFor != facilitator.Id)
            {
                // A former owner's card: the action went to someone else.
                return new TurnOutcome { CardUpdate = OwnerCard.Moved(view) };
            }

            if (view.ReadOnly is not null || submit.Verb == CardVerbs.ActionCard)
            {
                return new TurnOutcome { CardUpdate = OwnerCards.Card(view) };
            }

            if (turn.From.Id != action.Owner.Id && turn.From.Id != facilitator.Id)
            {
                // A lone text: shown to whoever pressed, and the card stays as it is.
                return new TurnOutcome().Say(Strings.OwnerOnlyOwnerOrFacilitator.Fill(("owner", Markdown.Escape(action.Owner.Name)),
                    ("facilitator", Markdown.Escape(facilitator.Name)), ("map", Markdown.Escape(source.Map.Name))));
            }

            var decided = await DecideAsync(press, source, action, cancellationToken);
            if (decided.Changed is not { } changed)
            {
                return new TurnOutcome { CardUpdate = OwnerCards.Card(view, decided.Note) };
            }

            if (await actions.TryReplaceActionAsync(teamKey, mapId, stored with { Action = changed }, cancellationToken) is null)
            {
                // Someone else changed it first: read it again and apply this press to what they left.
                continue;
            }

            return Changed(press, source, action, changed, decided.Note);
        }

        return new TurnOutcome().Say(Texts.Busy);
    }

    // The card after a change, and what the host does next: tell a new owner, keep the follow-up scheduled.
    private TurnOutcome Changed(Press press, ActionSource source, OwnedAction before, OwnedAction after, string note)
    {
        var (turn, submit) = (press.Turn, press.Submit);
        var view = cards.View(source, after, turn.From);
        var moved = after.Owner.Id != before.Owner.Id;
        var outcome = new TurnOutcome
        {
            // The old owner's card says where the action went; anyone else's shows it as it now is.
            CardUpdate = moved && submit[CardVerbs.ForKey] == before.Owner.Id && before.Owner.Id != source.Map.Facilitator.Id
                ? OwnerCard.Moved(view)
                : OwnerCards.Card(view, note),
        };
        if (turn.ServiceUrl is { } serviceUrl)
        {
            outcome.ActionsTouched = new ActionsTouched(new MapScope(press.TeamKey, source.Map.ConversationKey), press.MapId, serviceUrl, turn.TenantId);
            if (moved)
            {
                outcome.OwnerNotices.Add(new OwnerNotice(press.TeamKey, press.MapId, after.Id, serviceUrl, turn.TenantId));
            }
        }

        return outcome;
    }

    // The action as the press changes it, or (Changed null) why it does not: a problem, or nothing to change.
    private async Task<Decision> DecideAsync(Press press, ActionSource source, OwnedAction action, CancellationToken cancellationToken)
    {
        var submit = press.Submit;
        return submit.Verb switch
        {
            CardVerbs.ActionDone => action.Status == ActionStatus.Done
                ? new Decision(null, Strings.OwnerMarkedDone)
                : new Decision(Change(press, action with { Status = ActionStatus.Done, BlockedReason = null }, ActionChangeKind.Done, null), Strings.OwnerMarkedDone),
            CardVerbs.ActionReopen => action.Status == ActionStatus.Open
                ? new Decision(null, Strings.OwnerMarkedOpen)
                : new Decision(Change(press, action with { Status = ActionStatus.Open, BlockedReason = null }, ActionChangeKind.Reopened, null), Strings.OwnerMarkedOpen),
            CardVerbs.ActionBlocked => Blocked(press, action),
            CardVerbs.ActionMeasure => Measure(press, action),
            _ => await ReassignAsync(press, source, action, cancellationToken),
        };
    }

    private Decision Blocked(Press press, OwnedAction action)
    {
        var reason = TextRules.Clean(press.Submit[OwnerCard.ReasonInput], TextRules.ItemMax, Strings.NounBlockedReason, out var problem);
        if (problem is not null)
        {
            return Problem(problem);
        }

        return action.Status == ActionStatus.Blocked && action.BlockedReason == reason
            ? new Decision(null, Strings.OwnerMarkedBlocked)
            : new Decision(Change(press, action with { Status = ActionStatus.Blocked, BlockedReason = reason }, ActionChangeKind.Blocked, reason),
                Strings.OwnerMarkedBlocked);
    }

    // A measure without a target is kept, and reads "no target yet".
    private Decision Measure(Press press, OwnedAction action)
    {
        var submit = press.Submit;
        var name = TextRules.Clean(submit[OwnerCard.MeasureNameInput], TextRules.ItemMax, Strings.NounMeasureName, out var problem);
        var baseline = Optional(submit[OwnerCard.BaselineInput], ref problem);
        var target = Optional(submit[OwnerCard.TargetInput], ref problem);
        if (problem is not null)
        {
            return Problem(problem);
        }

        var measure = new SuccessMeasure(name, baseline, target);
        if (measure == action.Measure)
        {
            return new Decision(null, Strings.OwnerMeasureSaved);
        }

        var detail = Strings.OwnerMeasure.Fill(("name", name), ("baseline", baseline ?? Strings.OwnerNoBaseline), ("target", target ?? Strings.OwnerNoTarget));
        return new Decision(Change(press, action with { Measure = measure }, ActionChangeKind.MeasureChanged, detail), Strings.OwnerMeasureSaved);

        static string? Optional(string? typed, ref string? problem)
        {
            if (typed is null)
            {
                return null;
            }

            var clean = TextRules.Clean(typed, TextRules.ShortMax, Strings.NounMeasureValue, out var tooLong);
            problem ??= tooLong;
            return clean.Length == 0 ? null : clean;
        }
    }

    // To someone of the team only; to the owner themself, nothing changes. A new owner's reminders start afresh.
    private async Task<Decision> ReassignAsync(Press press, ActionSource source, OwnedAction action, CancellationToken cancellationToken)
    {
        if (press.Submit[OwnerCard.OwnerInput] is not { } picked)
        {
            return Problem(Strings.OwnerPickSomeone);
        }

        var owner = Markdown.Escape(action.Owner.Name);
        if (picked == action.Owner.Id)
        {
            return new Decision(null, Strings.OwnerAlreadyOwner.Fill(("owner", owner)));
        }

        press.NewOwner ??= await MemberAsync(press, source, action, picked, cancellationToken);
        if (press.NewOwner is not { } member)
        {
            return Problem(Strings.OwnerNotMember.Fill(("owner", owner)));
        }

        var moved = action with
        {
            Owner = member.Person,
            OwnerDepartment = member.Department,
            PreviousOwner = action.Owner,
            RemindedAheadOf = null,
            RemindedOverdueOf = null,
        };
        return new Decision(Change(press, moved, ActionChangeKind.Reassigned, member.Person.Name),
            Strings.OwnerReassigned.Fill(("owner", Markdown.Escape(member.Person.Name))));
    }

    // The person picked, when they are of the team: someone the map knows, else on the roster of the
    // map's conversation (when it can be read); their department as the team knows it.
    private async Task<Member?> MemberAsync(Press press, ActionSource source, OwnedAction action, string id, CancellationToken cancellationToken)
    {
        var department = (await store.GetMemberAsync(press.TeamKey, id, cancellationToken))?.Department;
        if (OwnerCards.Colleagues(source.Map, source.Board, action).FirstOrDefault(p => p.Id == id) is { } known)
        {
            return new Member(known, department);
        }

        var team = new UserTurn(new MapScope(press.TeamKey, source.Map.ConversationKey), press.Turn.From, null, string.Empty)
        {
            ServiceUrl = press.Turn.ServiceUrl,
            TenantId = press.Turn.TenantId,
        };
        var listed = (await roster.ListAsync(team, MostRosterMembers, cancellationToken))?.FirstOrDefault(m => m.Person.Id == id);
        return listed is null ? null : new Member(listed.Person, department ?? listed.Department);
    }

    private OwnedAction Change(Press press, OwnedAction changed, ActionChangeKind kind, string? detail) =>
        changed.With(new ActionChange(clock.GetUtcNow(), press.Turn.From, kind, detail));

    // Every problem here is the bot's own words (names in them escaped already).
    private static Decision Problem(string problem) => new(null, "⚠ " + problem);

    // One press: what was pressed, where, and the new owner once looked up (a retry does not read the roster again).
    private sealed record Press(UserTurn Turn, CardSubmit Submit, string TeamKey, string MapId)
    {
        public Member? NewOwner { get; set; }
    }

    private sealed record Member(Person Person, string? Department);

    private sealed record Decision(OwnedAction? Changed, string Note);
}
