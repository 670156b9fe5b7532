using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// JourneyBot's side of the conversation: reads what a member said or pressed, changes the map,
/// and says what happened. Each turn reads the conversation's map once and writes what changed.
/// The store may answer a read with a copy read moments ago (<see cref="StoredMap.IsRecentCopy"/>);
/// such a copy serves only turns that add to the map, so any number of bot instances can serve a
/// session and every decision about its course is made on the map as storage holds it.
/// </summary>
public sealed partial class JourneyConversation(IMapStore store, TimeProvider clock, Exports.MapLinks links)
{
    // Optimistic writes that collide are retried on a fresh copy; beyond this many, the member is asked to retry.
    private const int MaxAttempts = 8;

    /// <summary>Handles one turn.</summary>
    public async Task<TurnOutcome> HandleAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var command = turn.Submit is { } submit ? CommandParser.FromCard(submit) : CommandParser.Parse(turn.Text);

        // Commands that do not need the conversation's map first.
        switch (command)
        {
            case HelpCommand:
                return new TurnOutcome().Say(Texts.Help);
            case ListMapsCommand:
                return await ListMapsAsync(turn, cancellationToken);
            case StartCommand start:
                return await StartAsync(turn, start, cancellationToken);
            case OpenCommand open:
                return await OpenAsync(turn, open, cancellationToken);
            case DemoCommand:
                return await DemoAsync(turn, cancellationToken);
            default:
                break;
        }

        var stored = await store.GetConversationMapAsync(turn.Scope, cancellationToken);
        if (stored is { IsRecentCopy: true } copy && !RecentCopyServes(turn, command, copy.Map))
        {
            stored = await store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        }

        if (stored is null)
        {
            return command switch
            {
                DepartmentCommand department => await SetDepartmentAsync(turn, department, null, cancellationToken),
                AnswerCommand or UnknownCommand => new TurnOutcome().Say(Texts.NotUnderstood),
                _ => new TurnOutcome().Say(Texts.NoMap),
            };
        }

        if (turn.Submit is { } pressed && IsOutdated(pressed, stored.Map))
        {
            return new TurnOutcome().Say(Texts.OutdatedCard);
        }

        // While the facilitator answers a setup question, typed text is the answer even when it
        // starts like a contribution ("Action-takers who…", "Pain-free running for…").
        if (turn.Submit is null && command is AddItemCommand or UnknownCommand or VoteCommand or EditItemCommand or RemoveItemCommand
            && stored.Map is { Status: MapStatus.Active } active && MapFlow.QuestionAt(active.Step) is not null && IsFacilitator(turn, active))
        {
            command = new AnswerCommand(turn.Text.Trim());
        }

        var outcome = await DispatchAsync(turn, command, stored, cancellationToken);

        // The host coalesces progress-card updates; it only needs to know that something changed.
        outcome.ProgressChanged = stored.Map.ProgressActivityId is not null && ChangesProgress(command);
        return outcome;
    }

    // Adding, taking back or changing one's items, a status or a department while contributions are
    // open do not depend on the session's exact state: a copy a few seconds old serves them, saving
    // a read. Anything that steers the session (votes wait for the review step), or that the copy
    // would turn away, is decided on the latest map.
    private static bool RecentCopyServes(UserTurn turn, Command command, JourneyMap map) =>
        map.Status == MapStatus.Active
        && MapFlow.IsOpenForContributions(map.Step)
        && command is AddItemCommand or UndoCommand or EditItemCommand or RemoveItemCommand
            or StatusCommand or ProgressCommand or DepartmentCommand
        && !(turn.Submit is { } pressed && IsOutdated(pressed, map));

    private static bool ChangesProgress(Command command) => command is AddItemCommand or UndoCommand or RemoveItemCommand
        or EditItemCommand or VoteCommand or DepartmentCommand or NextCommand or BackCommand or StagesCommand
        or PublishCommand or CancelCommand or ArchiveCommand;

    private async Task<TurnOutcome> DispatchAsync(UserTurn turn, Command command, StoredMap stored, CancellationToken cancellationToken)
    {
        return command switch
        {
            ProgressCommand => await ProgressCardAsync(turn, stored.Map, cancellationToken),
            StatusCommand => await StatusAsync(turn, stored.Map, cancellationToken),
            DepartmentCommand department => await SetDepartmentAsync(turn, department, stored, cancellationToken),
            _ when stored.Map.Status != MapStatus.Active => new TurnOutcome().Say(NotActive(stored.Map)),
            AnswerCommand answer => await AnswerAsync(turn, stored, answer, cancellationToken),
            NextCommand => await MoveAsync(turn, stored, forward: true, cancellationToken),
            BackCommand => await MoveAsync(turn, stored, forward: false, cancellationToken),
            StagesCommand stages => await EditStagesAsync(turn, stored, stages.Edit, cancellationToken),
            AddItemCommand add => await AddItemAsync(turn, stored, add, cancellationToken),
            UndoCommand => await UndoAsync(turn, stored.Map, cancellationToken),
            RemoveItemCommand remove => await RemoveItemAsync(turn, stored.Map, remove.ItemId, cancellationToken),
            EditItemCommand edit => await EditItemAsync(turn, stored.Map, edit, cancellationToken),
            VoteCommand vote => await VoteAsync(turn, stored.Map, vote, cancellationToken),
            PublishCommand => await PublishAsync(turn, stored, cancellationToken),
            CancelCommand => await FinishAsync(turn, stored, MapStatus.Cancelled, cancellationToken),
            ArchiveCommand => await FinishAsync(turn, stored, MapStatus.Archived, cancellationToken),
            _ => new TurnOutcome().Say(Texts.NotUnderstood),
        };
    }

    // A press on a card made for another map, or for a step the session has left, changes nothing.
    private static bool IsOutdated(CardSubmit submit, JourneyMap map)
    {
        if (submit[CardVerbs.MapKey] is { } mapId && mapId != map.Id)
        {
            return true;
        }

        var stepBound = submit.Verb is CardVerbs.Answer or CardVerbs.Next or CardVerbs.Back or CardVerbs.Template or CardVerbs.SetStages;
        return stepBound && submit[CardVerbs.StepKey] is { } step && step != map.Step.ToString();
    }

    private static string NotActive(JourneyMap map) => map.Status switch
    {
        MapStatus.Published => $"“{Markdown.Escape(map.Name)}” is published. Type **status** to see it again, or **start** a new map.",
        MapStatus.Cancelled => $"“{Markdown.Escape(map.Name)}” was cancelled. **start** a new map, or **open** another one (type **maps** for the list).",
        _ => $"“{Markdown.Escape(map.Name)}” is archived. **open** it to carry on, or **start** a new map.",
    };

    private static TurnOutcome OnlyFacilitator(JourneyMap map, string what) => new TurnOutcome().Say(
        $"Only {Markdown.Escape(map.Facilitator.Name)}, who facilitates “{Markdown.Escape(map.Name)}”, can {what}. " +
        "You can add touchpoints, pain points, emotions and ideas once contributions are open.");

    private static bool IsFacilitator(UserTurn turn, JourneyMap map) => map.Facilitator.Id == turn.From.Id;

    /// <summary>
    /// Applies <paramref name="change"/> to the map and saves it; when someone else saved first,
    /// reloads and applies it again. A redelivered activity is recognised and not applied twice.
    /// </summary>
    private async Task<TurnOutcome> ChangeMapAsync(UserTurn turn, StoredMap first, Func<JourneyMap, MapChange> change,
        CancellationToken cancellationToken)
    {
        var current = first;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (current.Map.HasSeen(turn.ActivityId))
            {
                return Repeat(turn, current.Map);
            }

            var decision = change(current.Map);
            if (!decision.Save)
            {
                return decision.Outcome;
            }

            current.Map.Remember(turn.ActivityId);
            if (await store.TrySaveAsync(turn.Scope, current, cancellationToken) is not null)
            {
                return decision.Outcome;
            }

            current = await store.GetConversationMapAsync(turn.Scope, cancellationToken)
                ?? throw new InvalidOperationException("The conversation's map disappeared while it was being changed.");
        }

        return new TurnOutcome().Say(Texts.Busy);
    }

    // The answer to an activity that was already applied: show where the session is, change nothing.
    private static TurnOutcome Repeat(UserTurn turn, JourneyMap map)
    {
        var outcome = new TurnOutcome();
        if (map.Status == MapStatus.Active && map.Step != MapStep.Review)
        {
            var card = SessionCards.ForStep(map);
            if (turn.Submit is not null)
            {
                outcome.CardUpdate = card;
            }
            else
            {
                outcome.Show(card);
            }
        }

        return outcome;
    }

    /// <summary>What a change decided: the answer, and whether the map must be saved.</summary>
    private sealed record MapChange(TurnOutcome Outcome, bool Save)
    {
        public static MapChange Saved(TurnOutcome outcome) => new(outcome, true);

        public static MapChange Unchanged(TurnOutcome outcome) => new(outcome, false);
    }
}
