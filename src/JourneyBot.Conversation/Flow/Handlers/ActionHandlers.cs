using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// Opportunities become work: <c>act</c> (typed, or the review card's form) gives one an owner, a
/// due date and a measure; <c>park</c> says why it waits. Anyone in the team may do either, in the
/// review and after publishing (a published map is where the work starts).
/// </summary>
internal sealed class ActionHandlers(IMapStore store, IActionStore actionStore, ActionOwners owners, TimeProvider clock)
{
    // Listed when an id names no opportunity: enough to find the one meant, short enough to read.
    private const int MostListed = 10;

    public async Task<TurnOutcome> ActAsync(CommandTurn command, ActCommand act, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var (board, item, refusal) = await OpportunityAsync(command, act.OpportunityId, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        // Someone else's action is told at once; the member's own may be this activity delivered again.
        var decided = await actionStore.GetActionsAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var existing = decided.Action(item.Id);
        if (existing is not null && existing.CreatedBy.Id != turn.From.Id)
        {
            return AlreadyAction(turn, map, board, decided, existing);
        }

        var today = Today(turn);
        var (due, dueProblem) = ActionInput.Due(act.Due, today);
        var (measure, measureProblem) = ActionInput.Measure(act.Measure);
        var members = await owners.MembersAsync(turn, map, board, cancellationToken);
        var (owner, ownerProblem) = act.Owner is null ? (null, Strings.ActOwnerMissing) : ActionOwners.Find(members, turn, act.Owner, act.OwnerById);
        var department = act.OwnerDepartment is null ? owner?.Department
            : TextRules.Clean(act.OwnerDepartment, TextRules.ShortMax, Strings.NounDepartment, out var departmentProblem) is var cleaned
                && departmentProblem is null ? cleaned : null;
        var problem = ownerProblem ?? dueProblem ?? measureProblem;
        if (problem is not null || owner is null || due is null)
        {
            problem ??= Strings.ActOwnerMissing;
            return turn.Submit is null
                ? new TurnOutcome().Say(problem + " " + Strings.ActTypedHow.Fill(("id", ItemIds.Display(item.Id))))
                : new TurnOutcome { CardUpdate = ActionFormCard.For(map, item, Votes(board, item), members, today, "⚠ " + problem, act) };
        }

        if (existing is not null)
        {
            return Same(existing, turn, owner, due.Value) ? Made(turn, map, board, decided, existing, unparked: false)
                : AlreadyAction(turn, map, board, decided, existing);
        }

        var action = new OwnedAction
        {
            Id = item.Id,
            StageId = item.StageId,
            Text = item.Text,
            Owner = owner.Person,
            OwnerDepartment = department,
            Due = due.Value,
            Measure = measure,
            CreatedBy = turn.From,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await actionStore.TryAddActionAsync(turn.Scope.TeamKey, map.Id, action, cancellationToken))
        {
            // Someone made it an action meanwhile, or this is the same activity delivered again.
            decided = await actionStore.GetActionsAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
            existing = decided.Action(item.Id) ?? action;
            return Same(existing, turn, owner, due.Value) ? Made(turn, map, board, decided, existing, unparked: false)
                : AlreadyAction(turn, map, board, decided, existing);
        }

        var unparked = await actionStore.RemoveParkedAsync(turn.Scope.TeamKey, map.Id, item.Id, cancellationToken);
        decided = new MapActions([.. decided.Actions, action], [.. decided.Parked.Where(p => p.Id != item.Id)]);
        var outcome = Made(turn, map, board, decided, action, unparked);
        if (turn.ServiceUrl is { } serviceUrl)
        {
            // The owner hears of it in their 1:1 chat, and the map's follow-up keeps it in view.
            outcome.OwnerNotices.Add(new OwnerNotice(turn.Scope.TeamKey, map.Id, action.Id, serviceUrl, turn.TenantId));
            outcome.ActionsTouched = new ActionsTouched(turn.Scope, map.Id, serviceUrl, turn.TenantId);
        }

        return outcome;
    }

    public async Task<TurnOutcome> ParkAsync(CommandTurn command, ParkCommand park, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var (board, item, refusal) = await OpportunityAsync(command, park.OpportunityId, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        if (await actionStore.GetActionAsync(turn.Scope.TeamKey, map.Id, item.Id, cancellationToken) is { Action: var action })
        {
            return new TurnOutcome().Say(Strings.ParkIsAction.Fill(("opportunity", Markdown.Escape(TextRules.Shorten(item.Text, 90))),
                ("owner", Markdown.Escape(action.Owner.Name))));
        }

        var reason = TextRules.Clean(park.Reason, TextRules.AnswerMax, Strings.NounParkReason, out var problem);
        if (problem is not null)
        {
            return new TurnOutcome().Say(problem + " " + Strings.ParkHow.Fill(("id", ItemIds.Display(item.Id))));
        }

        // Parking again replaces the reason; a redelivered park writes the same row again.
        await actionStore.PutParkedAsync(turn.Scope.TeamKey, map.Id, new ParkedOpportunity(item.Id, reason, turn.From, clock.GetUtcNow()), cancellationToken);
        return new TurnOutcome().Say(Strings.Parked.Fill(("opportunity", Markdown.Escape(TextRules.Shorten(item.Text, 90))),
            ("id", ItemIds.Display(item.Id)), ("reason", Markdown.Escape(reason))));
    }

    /// <summary>"Make it an action": the form, in place of the review card for whoever pressed it.</summary>
    public async Task<TurnOutcome> FormAsync(CommandTurn command, ActionFormCommand form, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var (board, item, refusal) = await OpportunityAsync(command, form.OpportunityId, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        var decided = await actionStore.GetActionsAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        if (decided.Action(item.Id) is { } existing)
        {
            return AlreadyAction(turn, map, board, decided, existing);
        }

        var members = await owners.MembersAsync(turn, map, board, cancellationToken);
        return new TurnOutcome { CardUpdate = ActionFormCard.For(map, item, Votes(board, item), members, Today(turn)) };
    }

    /// <summary>The form's "Back to the review".</summary>
    public async Task<TurnOutcome> ReviewAsync(CommandTurn command, ReviewCardCommand review, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var decided = await actionStore.GetActionsAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        return new TurnOutcome { CardUpdate = ReviewCard.For(map, board, actions: decided) };
    }

    // The opportunity a command names, on the map's board; or the refusal, when the map takes no
    // actions (yet, or any more) or the id names no opportunity.
    private async Task<(MapBoard Board, MapItem? Item, TurnOutcome? Refusal)> OpportunityAsync(CommandTurn command, string reference,
        CancellationToken cancellationToken)
    {
        if (Closed(command.Map) is { } closed)
        {
            return (MapBoard.Empty, null, closed);
        }

        var board = await store.GetBoardAsync(command.Scope.TeamKey, command.Map.Id, cancellationToken);
        return Find(board, reference) is { } item ? (board, item, null) : (board, null, UnknownOpportunity(board, reference));
    }

    // Actions are made in the review and on the published map; before, the team has not chosen, and
    // an archived or cancelled map is read-only.
    private static TurnOutcome? Closed(JourneyMap map) => map.Status switch
    {
        MapStatus.Published => null,
        MapStatus.Active when map.Step == MapStep.Review => null,
        MapStatus.Active => TurnOutcome.RefusalOnMap(Strings.ActNotYet),
        _ => TurnOutcome.RefusalOnMap(TurnReplies.NotActive(map)),
    };

    // An opportunity by its id, as shown (five characters) or longer; at least three, naming one.
    private static MapItem? Find(MapBoard board, string reference)
    {
        var id = reference.Trim().Trim('[', ']', '#');
        var matches = board.Items.Where(i => i.Kind == ItemKind.Opportunity && i.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return id.Length >= 3 && matches.Count == 1 ? matches[0] : null;
    }

    // Refused on the map as read: another instance may have added the opportunity moments ago.
    private static TurnOutcome UnknownOpportunity(MapBoard board, string reference)
    {
        var top = TopOpportunities.Of(board).Select(t => t.Item).ToList();
        var listed = top.Concat(board.Items.Where(i => i.Kind == ItemKind.Opportunity && !top.Contains(i)).OrderBy(i => i.CreatedAt)).Take(MostListed).ToList();
        var said = Markdown.Escape(TextRules.Shorten(reference, 40));
        return TurnOutcome.RefusalOnMap(listed.Count == 0
            ? Strings.ActNoOpportunities.Fill(("id", said))
            : Strings.ActUnknownOpportunity.Fill(("id", said),
                ("opportunities", string.Join("\n", listed.Select(i => $"- [{ItemIds.Display(i.Id)}] {Markdown.Escape(TextRules.Shorten(i.Text, 90))}")))));
    }

    // Someone owns it already: who, and by when.
    private static TurnOutcome AlreadyAction(UserTurn turn, JourneyMap map, MapBoard board, MapActions decided, OwnedAction existing)
    {
        var said = Strings.ActAlready.Fill(("opportunity", Markdown.Escape(TextRules.Shorten(existing.Text, 90))),
            ("owner", Markdown.Escape(existing.Owner.Name)), ("due", existing.Due));
        return turn.Submit is null
            ? new TurnOutcome().Say(said)
            : new TurnOutcome { CardUpdate = ReviewCard.For(map, board, "⚠ " + said, actions: decided) };
    }

    // The action the member asks for is the one they made: a redelivered activity, or the same
    // submit twice. It answers as the first time did, and the owner is not told again.
    private static bool Same(OwnedAction existing, UserTurn turn, RosterMember owner, DateOnly due) =>
        existing.CreatedBy.Id == turn.From.Id && existing.Owner.Id == owner.Person.Id && existing.Due == due;

    private static TurnOutcome Made(UserTurn turn, JourneyMap map, MapBoard board, MapActions decided, OwnedAction action, bool unparked)
    {
        var measure = action.Measure is not { } m ? Strings.ActNoMeasure
            : Strings.ActMeasure.Fill(("name", Markdown.Escape(m.Name)), ("baseline", Markdown.Escape(m.Baseline ?? "?")),
                ("target", m.Target is null ? Strings.ActNoTargetYet : Markdown.Escape(m.Target)));
        var said = Strings.ActMade.Fill(("opportunity", Markdown.Escape(TextRules.Shorten(action.Text, 90))),
            ("owner", Markdown.Escape(action.Owner.Name)), ("due", action.Due), ("measure", measure));
        if (unparked)
        {
            said += " " + Strings.ActUnparked;
        }

        var outcome = new TurnOutcome().Say(said);
        if (turn.Submit is not null)
        {
            outcome.CardUpdate = ReviewCard.For(map, board, "✔ " + said, actions: decided);
        }

        return outcome;
    }

    private static int Votes(MapBoard board, MapItem item) => board.Tally().GetValueOrDefault(item.Id);

    // The member's own today: a due date is a day, and "not in the past" is theirs to judge.
    private DateOnly Today(UserTurn turn) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), RoundTime.Zone(turn.TimeZone)).DateTime);
}
