using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// JourneyBot's side of the conversation: reads what a member said or pressed, finds the
/// command's route (<see cref="CommandRoutes"/>), reads the conversation's map as the route needs
/// it, applies the route's rules and runs its handler. Each turn reads the map once and writes
/// what changed.
/// </summary>
/// <remarks>
/// The store may answer a read with a copy read moments ago (<see cref="StoredMap.IsRecentCopy"/>);
/// such a copy serves only the routes that allow it (<see cref="CommandRoute.MayUseRecentCopy"/>),
/// so any number of bot instances can serve a session and every decision about its course is made
/// on the map as storage holds it. A copy may lag behind what another instance changed (a stage
/// renamed or added, the map opened): what it refuses (<see cref="TurnOutcome.RefusedOnMap"/>) is
/// decided again on the latest map, so the lag never costs a member their contribution, and a
/// contribution the copy can take still costs no read.
/// </remarks>
public sealed class JourneyConversation
{
    private readonly IMapStore _store;
    private readonly ProgressCards _progressCards;
    private readonly RoundAnswers _roundAnswers;
    private readonly OwnerPresses _ownerPresses;
    private readonly Validation.ValidationPresses? _validationPresses;
    private readonly StillTrue.StillTruePresses _stillTrue;
    private readonly Stages.TeamTemplateOffer _templateOffer;
    private readonly Languages.TeamLanguages _languages;

    /// <summary>
    /// Creates the conversation over <paramref name="store"/>, reading departments from members'
    /// <paramref name="profiles"/>, with rounds of questions on <paramref name="rounds"/>, owned actions on <paramref name="actions"/>,
    /// the team's tracker on <paramref name="trackers"/> (none: the tracker commands say it is not set up), and the actions read back
    /// from it by <paramref name="trackerSync"/> before a published map card is shown again (none when null), and the team's
    /// stage templates on <paramref name="stageTemplates"/> (none: the team has none and can keep none), and the teams' languages
    /// in <paramref name="teamLanguages"/> (none: each turn speaks its member's language).
    /// </summary>
    public JourneyConversation(IMapStore store, IMemberProfiles profiles, TimeProvider clock, Exports.MapLinks links, RoundServices rounds,
        IActionStore actions, Trackers.TrackerServices? trackers = null, IActionTrackerSync? trackerSync = null,
        Stages.IStageTemplateStore? stageTemplates = null, Languages.TeamLanguages? teamLanguages = null)
    {
        _languages = teamLanguages ?? new Languages.TeamLanguages(null, clock);
        ArgumentNullException.ThrowIfNull(rounds);
        _ownerPresses = new OwnerPresses(store, actions, new OwnerCards(store, actions, clock), rounds.Roster, clock);
        _stillTrue = new StillTrue.StillTruePresses(store, actions, clock);
        _store = store;
        _progressCards = new ProgressCards(store, new RoundViews(rounds.Store, clock), KeptCards);
        _roundAnswers = new RoundAnswers(store, rounds.Store, rounds.Timers, clock);
        _validationPresses = rounds.Validations is { } validations ? new Validation.ValidationPresses(store, validations, clock) : null;
        _templateOffer = new Stages.TeamTemplateOffer(stageTemplates ?? new Stages.NoStageTemplates());
        Routes = CommandRoutes.Build(store, profiles, clock, links, rounds, new ActionServices(actions, trackerSync ?? new NoActionTrackerSync(actions)), HandleAsync, trackers,
            stageTemplates, _languages, KeptCards);
    }

    /// <summary>
    /// The progress and published map cards kept per change (<see cref="JourneyBot.Conversation.Cards.CardCache"/>), shared by
    /// the refreshes and the progress updates of this instance; its count of builds is what tests read.
    /// </summary>
    public JourneyBot.Conversation.Cards.CardCache KeptCards { get; } = new();

    /// <summary>Every command's route.</summary>
    internal RouteTable Routes { get; }

    /// <summary>
    /// Handles one turn, in its language: in a member's 1:1 chat theirs (the chat's own if set, else
    /// their Teams locale), elsewhere the team's (else the member's); the words of both may be typed.
    /// </summary>
    public async Task<TurnOutcome> HandleAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var member = Languages.BotLanguages.FromLocale(turn.Locale);
        var team = turn.Overheard ? await OverheardTeamLanguageAsync(turn, cancellationToken) : await _languages.GetAsync(turn.Scope.TeamKey, cancellationToken);
        var speaks = team ?? member ?? Languages.BotLanguages.English;
        using var language = Languages.LanguageScope.Enter(speaks, member, team);
        var outcome = await HandleInLanguageAsync(turn, cancellationToken);
        if (team is null && member is not null && !turn.IsPersonalChat && !outcome.Ignored && turn.Submit is null
            && CommandParser.Parse(turn.Text) is StartCommand)
        {
            // A team speaks the language of whoever started its first map until someone says otherwise. The map
            // is placed by now: a failure to write the language is logged and the turn still answered.
            await _languages.SetDefaultAsync(turn.Scope.TeamKey, member, turn.From, turn.ActivityId, cancellationToken);
        }

        return outcome;
    }

    // Talk overheard costs no storage read (see IsForTheBotAsync), yet a member whose Teams speaks another
    // language must be read in the team's words whenever they type them. So the team's language is read
    // (and kept, Lifetime) only for a message that the bot would take overheard in the words of some
    // language it speaks: at most one read per team per Lifetime on this instance, and none for talk.
    private async Task<System.Globalization.CultureInfo?> OverheardTeamLanguageAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (_languages.Kept(turn.Scope.TeamKey) is { } kept)
        {
            return kept;
        }

        var inAnyWords = turn.Submit is { } submit ? CommandParser.FromCard(submit) : CommandParser.Parse(turn.Text, CommandWords.Every);
        return Routes.For(inAnyWords).Overheard is null ? null : await _languages.GetAsync(turn.Scope.TeamKey, cancellationToken);
    }

    private async Task<TurnOutcome> HandleInLanguageAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Submit is { } answer && RoundAnswers.IsAnswer(answer))
        {
            // A member's answer in their 1:1 chat: it belongs to a team's map, named on the card.
            return await _roundAnswers.HandleAsync(turn, answer, cancellationToken);
        }

        if (turn.Submit is { } validating && _validationPresses is not null && Validation.ValidationPresses.IsPress(validating))
        {
            // A validation round's answers, or a contradiction resolved, in a 1:1 chat: the card names the team's map.
            return await _validationPresses.HandleAsync(turn, validating, cancellationToken);
        }

        if (turn.Submit is { } press && OwnerPresses.IsPress(press))
        {
            // A button of an owned action's card, in its owner's 1:1 chat: it names the team's map and the action.
            return await _ownerPresses.HandleAsync(turn, press, cancellationToken);
        }

        if (turn.Submit is { } reviewed && StillTrue.StillTruePresses.IsPress(reviewed))
        {
            // An answer on a "Still true?" card, in a 1:1 chat: it names the team's map and the item.
            return await _stillTrue.HandleAsync(turn, reviewed, cancellationToken);
        }

        var command = turn.Submit is { } submit ? CommandParser.FromCard(submit) : CommandParser.Parse(turn.Text);
        var route = Routes.For(command);
        if (turn.Overheard && !await IsForTheBotAsync(turn, command, route, cancellationToken))
        {
            return new TurnOutcome { Ignored = true };
        }

        if (route.Map == MapUse.None)
        {
            return route.MayBeSetupAnswer && turn.Submit is null && SaysMoreThanACommandWord(turn.Text)
                && await AwaitingSetupAnswerAsync(turn, cancellationToken) is { } awaiting && !await IsTheCommandAfterAllAsync(turn, command, cancellationToken)
                ? await DecideAsync(turn, command, route, awaiting, cancellationToken)
                : await route.HandleAsync(new CommandTurn(turn, null), command, cancellationToken);
        }

        var stored = await ReadMapAsync(turn, route, cancellationToken);
        var outcome = await DecideAsync(turn, command, route, stored, cancellationToken);
        if (outcome.RefusedOnMap && (stored?.IsRecentCopy ?? !turn.IsPersonalChat))
        {
            // The copy read moments ago (or the absence of a map, which is kept as well) may not
            // know yet what another instance changed: a stage renamed or added, an item, the map
            // itself. A refusal is decided again on the map as storage holds it; a contribution on
            // a copy that knows its stage is still served without this read.
            var latest = await _store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
            outcome = await DecideAsync(turn, command, route, latest, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Remembers the message id of the progress card the host posted for <paramref name="mapId"/>,
    /// so later changes update that card in place.
    /// </summary>
    public Task RememberProgressCardAsync(MapScope scope, string mapId, string activityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _progressCards.RememberAsync(scope, mapId, activityId, cancellationToken);
    }

    /// <summary>The latest progress card of the conversation's map, in the team's language, and the message it belongs in, if it has one.</summary>
    public async Task<ProgressCardView?> ProgressAsync(MapScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        using var language = Languages.LanguageScope.Enter(await _languages.LanguageOfAsync(scope.TeamKey, cancellationToken));
        return await _progressCards.LatestAsync(scope, cancellationToken);
    }

    // The turn decided on the map as read (a recent copy or the latest): what the command means at
    // the map's step, the route's rules, the handler.
    private async Task<TurnOutcome> DecideAsync(UserTurn turn, Command command, CommandRoute route, StoredMap? stored,
        CancellationToken cancellationToken)
    {
        if (stored is null && turn.IsPersonalChat && await AnswerInChatAsync(turn, command, cancellationToken) is { } answered)
        {
            // Typed in a 1:1 chat the bot asked questions in: it is for that round's map.
            return answered;
        }

        if (stored is null)
        {
            return route.Map == MapUse.Optional
                ? await route.HandleAsync(new CommandTurn(turn, null), command, cancellationToken)
                : route.WithoutMap is { } without ? new TurnOutcome().Say(without()) : TurnOutcome.RefusalOnMap(Texts.NoMap);
        }

        if (turn.Submit is { } pressed && IsOutdated(pressed, stored.Map))
        {
            return new TurnOutcome().Say(Texts.OutdatedCard);
        }

        command = Interpret(turn, command, route, stored.Map);
        route = Routes.For(command);
        if (turn.Overheard && route.Overheard is null)
        {
            // Overheard, the facilitator's words are talk, not the answer to the open setup question.
            return new TurnOutcome { Ignored = true };
        }

        var outcome = await RunAsync(route, new CommandTurn(turn, stored), command, cancellationToken);

        // A stages card offers the team's own templates first: read only when the turn shows one.
        await _templateOffer.AddTeamTemplatesAsync(turn.Scope.TeamKey, outcome, cancellationToken);

        // The host coalesces progress-card updates; it only needs to know that something changed.
        outcome.ProgressChanged = stored.Map.ProgressActivityId is not null && route.ChangesProgress;
        return outcome;
    }

    // What a member types in their 1:1 chat, where no map is made, may answer a round's questions:
    // an item, or taking back their last one.
    private Task<TurnOutcome?> AnswerInChatAsync(UserTurn turn, Command command, CancellationToken cancellationToken) => command switch
    {
        AddItemCommand add => _roundAnswers.TypedAsync(turn, add, cancellationToken),
        UndoCommand => _roundAnswers.UndoTypedAsync(turn, cancellationToken),
        _ => Task.FromResult<TurnOutcome?>(null),
    };

    // An overheard message (no mention of the bot) is the bot's only where a map is being made and
    // only when its route takes it (a command said as one word, a complete item); the rest is members
    // talking to each other, left alone. Talk is told apart before storage is read, so the chatter of
    // a busy channel costs nothing; whether a map is being made may be read from a recent copy.
    private async Task<bool> IsForTheBotAsync(UserTurn turn, Command command, CommandRoute route, CancellationToken cancellationToken)
    {
        if (route.Overheard is not { } takes)
        {
            return false;
        }

        var stored = await _store.GetConversationMapAsync(turn.Scope, cancellationToken);
        if (Takes(stored))
        {
            return true;
        }

        // A no from a copy may only mean that another instance added the stage (or moved the step)
        // since; only talk that reads as a command about an active map gets this far. Where there
        // is no map, talk stays at one read: a map opened elsewhere seconds ago is heard once the
        // kept absence expires, or at once when the bot is mentioned.
        return stored is { IsRecentCopy: true } && Takes(await _store.GetLatestConversationMapAsync(turn.Scope, cancellationToken));

        bool Takes(StoredMap? read) => read is { Map: { Status: MapStatus.Active } map } && takes(command, map);
    }

    // "Start running at weekends", "Abrir la app": typed by the facilitator while the map here waits for
    // their setup answer, a command that needs no map and takes free words is that answer (Interpret).
    // Whether one waits is read from the map (a copy may say no; a yes is read again as storage holds it).
    private async Task<StoredMap?> AwaitingSetupAnswerAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var stored = await _store.GetConversationMapAsync(turn.Scope, cancellationToken);
        if (stored is { IsRecentCopy: true } && Awaits(stored))
        {
            stored = await _store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        }

        return Awaits(stored) ? stored : null;

        bool Awaits(StoredMap? read) => read is { Map: { Status: MapStatus.Active } map }
            && MapFlow.QuestionAt(map.Step) is not null && TurnReplies.IsFacilitator(turn, map);
    }

    // While a setup answer waits, "open Shoes" and "move Shoes" stay commands when they name a map of the
    // team, and "tracker planner" and "tracker off" always.
    private async Task<bool> IsTheCommandAfterAllAsync(UserTurn turn, Command command, CancellationToken cancellationToken)
    {
        // "tracker planner" and "tracker off" are the team's commands whatever the map waits for.
        if (command is TrackerCommand { Which: var which } && which.Trim() is { Length: > 0 } form
            && (form.Equals("planner", StringComparison.OrdinalIgnoreCase) || form.Equals("off", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var name = command switch { OpenCommand open => open.Name, MoveMapCommand move => move.Name, _ => null };
        return name is not null && Handlers.SessionHandlers.Find(await _store.ListMapsAsync(turn.Scope.TeamKey, cancellationToken), name) is not null;
    }

    // A copy of the map read moments ago serves only a route that allows it, and only while
    // contributions are open: anything that steers the session is decided on the latest map.
    private async Task<StoredMap?> ReadMapAsync(UserTurn turn, CommandRoute route, CancellationToken cancellationToken)
    {
        var stored = await _store.GetConversationMapAsync(turn.Scope, cancellationToken);
        if (stored is { IsRecentCopy: true, Map: var copy }
            && !(route.MayUseRecentCopy
                && copy.Status == MapStatus.Active
                && MapFlow.IsOpenForContributions(copy.Step)
                && !(turn.Submit is { } pressed && IsOutdated(pressed, copy))))
        {
            stored = await _store.GetLatestConversationMapAsync(turn.Scope, cancellationToken);
        }

        return stored;
    }

    // What typed text means depends on where the session is.
    private static Command Interpret(UserTurn turn, Command command, CommandRoute route, JourneyMap map)
    {
        if (turn.Submit is not null || map.Status != MapStatus.Active)
        {
            return command;
        }

        // While the facilitator answers a setup question, typed text is the answer even when it
        // starts like a contribution or a command ("Action-takers who…", "Pain-free running for…",
        // "Start running at weekends"); a command word said alone ("start", "plantilla") stays the command.
        if (route.MayBeSetupAnswer && MapFlow.QuestionAt(map.Step) is not null && TurnReplies.IsFacilitator(turn, map)
            && SaysMoreThanACommandWord(turn.Text))
        {
            return new AnswerCommand(turn.Text.Trim());
        }

        // At the stages step the answer is the list of stages.
        if (command is AnswerCommand answer && map.Step == MapStep.Stages)
        {
            return new StagesCommand(answer.Text.Equals("template", StringComparison.OrdinalIgnoreCase)
                ? new UseTemplate()
                : new SetStages(CommandParser.SplitList(answer.Text)));
        }

        return command;
    }

    // Whether typed text goes on after the command word it starts with (or starts with none).
    private static bool SaysMoreThanACommandWord(string text) => CommandWords.Current.Lead(text.Trim(), WordKeys.Openers) is not { After.Length: 0 };

    // The route's rules, in order: a map being made, the facilitator, the step; then its handler.
    private static Task<TurnOutcome> RunAsync(CommandRoute route, CommandTurn turn, Command command, CancellationToken cancellationToken)
    {
        var map = turn.Map;
        if (route.Map == MapUse.Active && map.Status != MapStatus.Active)
        {
            return Task.FromResult(TurnOutcome.RefusalOnMap(TurnReplies.NotActive(map)));
        }

        if (route.FacilitatorOnly is { } action && !TurnReplies.IsFacilitator(turn.Turn, map))
        {
            return Task.FromResult(TurnReplies.OnlyFacilitator(map, action()));
        }

        if (route.AllowedAt is { } rule && !rule.Allows(map.Step))
        {
            return Task.FromResult(TurnOutcome.RefusalOnMap(rule.Otherwise()));
        }

        return route.HandleAsync(turn, command, cancellationToken);
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
}
