using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow.Handlers;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow.Routing;

/// <summary>
/// Every command JourneyBot understands, each in one entry: its handler and what it needs (see
/// <see cref="CommandRoute"/>). Adding a command is adding its record, an entry here and its
/// handler; a test walks this table and fails for a command without one.
/// </summary>
internal static class CommandRoutes
{
    // Overheard, the bot takes what talk hardly is: a command said as one word (status, undo, next),
    // or an item complete for one of the map's stages ("Action items for Monday" is talk).
    private static readonly Func<Command, JourneyMap, bool> OneWord = (_, _) => true;
    private static readonly Func<Command, JourneyMap, bool> CompleteItem =
        (command, map) => command is AddItemCommand add && Contribution.Read(add, map, out _) is not null;

    // Without a validation store (benchmarks, tests of the flow alone) validate is not understood.
    private static Task<TurnOutcome> NotUnderstood() => Task.FromResult(new TurnOutcome().Say(Texts.NotUnderstood));

    /// <summary>
    /// The table, with handlers on <paramref name="store"/> and members' <paramref name="profiles"/>;
    /// <paramref name="play"/> plays one turn through the conversation (for the demo).
    /// </summary>
    public static RouteTable Build(IMapStore store, IMemberProfiles profiles, TimeProvider clock, MapLinks links, RoundServices roundServices,
        ActionServices actionServices, Func<UserTurn, CancellationToken, Task<TurnOutcome>> play, Trackers.TrackerServices? trackerServices = null,
        Stages.IStageTemplateStore? stageTemplates = null, Languages.TeamLanguages? teamLanguages = null, Cards.CardCache? cardCache = null)
    {
        var transaction = new MapTransaction(store);
        var kept = cardCache ?? new Cards.CardCache();
        var cards = new PublishedCards(store, actionServices.Store, actionServices.TrackerSync, links, clock, kept);
        var status = new StatusHandlers(store, cards, new RoundViews(roundServices.Store, clock), kept);
        var rounds = new RoundHandlers(store, roundServices.Store, roundServices.Roster, roundServices.Timers, transaction, clock);
        var sessions = new SessionHandlers(store, clock, transaction, status);
        var finish = new FinishHandlers(store, clock, cards, transaction, links);
        var versions = new VersionHandlers(store, links);
        var steps = new StepHandlers(store, transaction);
        var stages = new StageHandlers(store, transaction, stageTemplates ?? new Stages.NoStageTemplates());
        var items = new ItemHandlers(store, roundServices.Store, new MemberDepartments(store, profiles), new EvidenceQuestions(store), clock);
        var evidence = new EvidenceHandlers(store, roundServices.Store);
        var votes = new VoteHandlers(store, actionServices.Store);
        var actions = new ActionHandlers(store, actionServices.Store, new ActionOwners(roundServices.Roster), clock);
        var members = new MemberHandlers(store);
        var truths = new TruthHandlers(store, transaction);
        var demo = new DemoHandler(store, sessions, clock, play);
        var deletions = new DeletionHandlers(store, new Lifecycle.MapDeletion(store, roundServices.Store, roundServices.Timers, roundServices.Validations));
        var move = new MoveHandler(store);
        var trackers = new TrackerHandlers(store, trackerServices, links);
        var validations = roundServices.Validations is { } validationStore ? new ValidationHandlers(store, validationStore, roundServices.Roster,
            roundServices.ValidationTimers ?? Validation.NoValidationTimers.Instance, clock) : null;
        var stillTrue = new StillTrueHandlers(clock, transaction);
        var future = new FutureHandler(store, clock);
        var language = new LanguageHandler(teamLanguages ?? new Languages.TeamLanguages(null, clock));

        return new RouteTable()
            // Any time, with or without a map: these read what they need themselves.
            .Add(new CommandRoute<HelpCommand>((_, _, _) => Task.FromResult(new TurnOutcome().Say(Texts.Help))) { Map = MapUse.None, Overheard = OneWord })
            .Add(new CommandRoute<ListMapsCommand>(sessions.ListMapsAsync) { Map = MapUse.None, Overheard = OneWord })
            // Commands that take free words ("Abrir la app", "Mută comanda…"): typed by the facilitator while the map here waits
            // for a setup answer, they are that answer unless they name a map of the team. "Start running at weekends" asks
            // (SessionHandlers.StartAsync): starting another map then is as likely as the answer.
            .Add(new CommandRoute<StartCommand>(sessions.StartAsync) { Map = MapUse.None })
            .Add(new CommandRoute<OpenCommand>(sessions.OpenAsync) { Map = MapUse.None, MayBeSetupAnswer = true })
            .Add(new CommandRoute<MoveMapCommand>(move.MoveAsync) { Map = MapUse.None, MayBeSetupAnswer = true })
            .Add(new CommandRoute<DemoCommand>(demo.DemoAsync) { Map = MapUse.None })
            // Deleting maps for good: the facilitator's, checked by the handler (the map may be on the shelf or held elsewhere).
            .Add(new CommandRoute<DeleteMapsCommand>(deletions.AskAsync) { Map = MapUse.None })
            .Add(new CommandRoute<ConfirmDeleteCommand>(deletions.ConfirmAsync) { Map = MapUse.None })
            .Add(new CommandRoute<KeepMapsCommand>(DeletionHandlers.KeepAsync) { Map = MapUse.None })
            // Anywhere, the 1:1 chat included; never overheard ("mute" is said on calls).
            .Add(new CommandRoute<MuteCommand>((turn, _, token) => members.SetMutedAsync(turn, muted: true, token)) { Map = MapUse.None })
            .Add(new CommandRoute<UnmuteCommand>((turn, _, token) => members.SetMutedAsync(turn, muted: false, token)) { Map = MapUse.None })
            // The team's language: anyone asks; the facilitator of the map here sets it (anyone where there is none yet).
            .Add(new CommandRoute<LanguageCommand>(language.LanguageAsync) { Map = MapUse.Optional })

            // The team's tracker: anyone's (see TrackerHandlers); sending checks the action's owner or facilitator itself.
            .Add(new CommandRoute<TrackerCommand>(trackers.TrackerAsync) { Map = MapUse.None, MayBeSetupAnswer = true })
            .Add(new CommandRoute<ChoosePlanCommand>(trackers.ChooseAsync) { Map = MapUse.None })
            .Add(new CommandRoute<SendToPlannerCommand>(trackers.SendAsync) { Map = MapUse.None })

            // Whatever the map's status.
            .Add(new CommandRoute<StatusCommand>(status.StatusAsync) { Map = MapUse.Any, MayUseRecentCopy = true, Overheard = OneWord })
            .Add(new CommandRoute<ProgressCommand>(status.ProgressCardAsync) { Map = MapUse.Any, MayUseRecentCopy = true })
            // The published versions of the map here, as storage lists them.
            .Add(new CommandRoute<VersionsCommand>(versions.ListAsync) { Map = MapUse.Any })
            // The published map card's refresh reads the version it shows, wherever the map is now.
            .Add(new CommandRoute<RefreshMapCardCommand>(cards.RefreshAsync) { Map = MapUse.None })
            .Add(new CommandRoute<DepartmentCommand>(members.SetDepartmentAsync)
            {
                Map = MapUse.Optional, MayUseRecentCopy = true, ChangesProgress = true,
            })

            // Steering the session: the facilitator's.
            .Add(new CommandRoute<AnswerCommand>(steps.AnswerAsync) { WithoutMap = () => Texts.NotUnderstood })
            .Add(new CommandRoute<NextCommand>(steps.NextAsync) { FacilitatorOnly = () => Strings.FacilitatorActionMove, ChangesProgress = true, Overheard = OneWord })
            .Add(new CommandRoute<BackCommand>(steps.BackAsync) { FacilitatorOnly = () => Strings.FacilitatorActionMove, ChangesProgress = true, Overheard = OneWord })
            .Add(new CommandRoute<StagesCommand>(stages.EditAsync)
            {
                FacilitatorOnly = () => Strings.FacilitatorActionStages,
                AllowedAt = new(step => step >= MapStep.Stages, () => Strings.StagesNotYet),
                ChangesProgress = true, MayBeSetupAnswer = true,
            })
            // The team's stage templates: anyone lists and deletes them; the facilitator saves a map's stages as one.
            .Add(new CommandRoute<TemplatesCommand>(stages.ListAsync) { Map = MapUse.None })
            .Add(new CommandRoute<DeleteTemplateCommand>(stages.DeleteAsync) { Map = MapUse.None })
            .Add(new CommandRoute<SaveStagesCommand>(stages.SaveAsync) { Map = MapUse.Any, FacilitatorOnly = () => Strings.FacilitatorActionSaveStages })
            .Add(new CommandRoute<PublishCommand>(finish.PublishAsync) { FacilitatorOnly = () => Strings.FacilitatorActionPublish, ChangesProgress = true, Overheard = OneWord })
            .Add(new CommandRoute<CancelCommand>(finish.CancelAsync) { FacilitatorOnly = () => Strings.FacilitatorActionCancel, ChangesProgress = true })
            .Add(new CommandRoute<ArchiveCommand>(finish.ArchiveAsync) { FacilitatorOnly = () => Strings.FacilitatorActionArchive, ChangesProgress = true })
            // A published map starts its future state, which takes its place here ("Future customers…" typed in setup is an answer).
            .Add(new CommandRoute<FutureCommand>(future.StartAsync)
            {
                Map = MapUse.Any, FacilitatorOnly = () => Strings.FacilitatorActionFuture, MayBeSetupAnswer = true,
            })

            // Rounds of questions, routed to the departments: the facilitator's.
            .Add(new CommandRoute<AskCommand>(rounds.AskAsync)
            {
                FacilitatorOnly = () => Strings.FacilitatorActionAsk,
                AllowedAt = new(MapFlow.IsOpenForContributions, () => Strings.AskNotYet),
                Overheard = OneWord,
            })
            .Add(new CommandRoute<SendRoundCommand>(rounds.SendAsync)
            {
                FacilitatorOnly = () => Strings.FacilitatorActionAsk,
                AllowedAt = new(MapFlow.IsOpenForContributions, () => Strings.AskNotYet),
                ChangesProgress = true,
            })
            .Add(new CommandRoute<DropRoundCommand>(RoundHandlers.DropAsync) { FacilitatorOnly = () => Strings.FacilitatorActionAsk })
            // A stage whose actions are all done, asked about again: the published map is opened again for it.
            .Add(new CommandRoute<RemapStageCommand>(rounds.RemapAsync) { Map = MapUse.Any, FacilitatorOnly = () => Strings.FacilitatorActionRemap })
            .Add(new CommandRoute<DepartmentsCommand>(rounds.DepartmentsAsync) { Map = MapUse.None })
            // The validation round: the facilitator's, on a map with items (in the making or published).
            .Add(new CommandRoute<ValidateCommand>(validations is null ? (_, _, _) => NotUnderstood() : validations.ValidateAsync)
            {
                Map = MapUse.Any, FacilitatorOnly = () => Strings.FacilitatorActionValidate,
                AllowedAt = new(step => step >= MapStep.Contribute, () => Strings.ValidateNotYet),
            })
            .Add(new CommandRoute<SendValidationCommand>(validations is null ? (_, _, _) => NotUnderstood() : validations.SendAsync)
            {
                Map = MapUse.Any, FacilitatorOnly = () => Strings.FacilitatorActionValidate,
                AllowedAt = new(step => step >= MapStep.Contribute, () => Strings.ValidateNotYet),
            })
            // The map's "Still true?" review, while it is made or published: the facilitator's. "Review our…" typed at setup is an answer.
            .Add(new CommandRoute<ReviewCommand>(stillTrue.ReviewAsync) { Map = MapUse.Any, FacilitatorOnly = () => Strings.FacilitatorActionReview, MayBeSetupAnswer = true })

            // Contributions: everyone's.
            .Add(new CommandRoute<AddItemCommand>(items.AddAsync)
            {
                AllowedAt = new(MapFlow.IsOpenForContributions, () => Strings.ContributionsNotYet),
                MayUseRecentCopy = true, ChangesProgress = true, MayBeSetupAnswer = true, Overheard = CompleteItem,
            })
            // The author's answer to "how do you know this?": also once the map is in review or published, so a late answer is kept.
            .Add(new CommandRoute<SetEvidenceCommand>(evidence.SetAsync) { Map = MapUse.Any, MayUseRecentCopy = true, ChangesProgress = true })
            // The progress card's "How do we know?": the presser's items that wait for it, at any step too.
            .Add(new CommandRoute<UnsaidEvidenceCommand>(evidence.ListAsync) { Map = MapUse.Any, MayUseRecentCopy = true })
            // What the customer expects in a stage and what moves them on: anyone's, once there are stages.
            .Add(new CommandRoute<StageDetailsCommand>(stages.DetailsAsync)
            {
                AllowedAt = new(step => step >= MapStep.Stages, () => Strings.StagesNotYet),
                MayBeSetupAnswer = true,
            })
            .Add(new CommandRoute<UndoCommand>(items.UndoAsync) { MayUseRecentCopy = true, ChangesProgress = true, Overheard = OneWord })
            .Add(new CommandRoute<EditItemCommand>(items.EditAsync) { MayUseRecentCopy = true, ChangesProgress = true, MayBeSetupAnswer = true })
            .Add(new CommandRoute<RemoveItemCommand>(items.RemoveAsync) { MayUseRecentCopy = true, ChangesProgress = true, MayBeSetupAnswer = true })
            .Add(new CommandRoute<VoteCommand>(votes.VoteAsync)
            {
                AllowedAt = new(step => step == MapStep.Review, () => Strings.VotingNotYet),
                ChangesProgress = true, MayBeSetupAnswer = true,
            })
            // Moments of truth: the facilitator marks the touchpoints that make or break the journey. "Truth is, …" typed
            // during setup is the facilitator's answer.
            .Add(new CommandRoute<TruthCommand>(truths.MarkAsync)
            {
                FacilitatorOnly = () => Strings.FacilitatorActionTruth,
                AllowedAt = new(MapFlow.IsOpenForContributions, () => Strings.ContributionsNotYet),
                MayBeSetupAnswer = true,
            })

            // Opportunities become owned actions, or wait for a reason: the team's, in the review and once published.
            // "Park runners who…" is a persona: typed during setup, these are the facilitator's answer.
            .Add(new CommandRoute<ActCommand>(actions.ActAsync) { Map = MapUse.Any, MayBeSetupAnswer = true })
            .Add(new CommandRoute<ParkCommand>(actions.ParkAsync) { Map = MapUse.Any, MayBeSetupAnswer = true })
            .Add(new CommandRoute<ActionFormCommand>(actions.FormAsync) { Map = MapUse.Any })
            .Add(new CommandRoute<ReviewCardCommand>(actions.ReviewAsync) { Map = MapUse.Any })

            // Anything else.
            .Add(new CommandRoute<UnknownCommand>((_, _, _) => Task.FromResult(new TurnOutcome().Say(Texts.NotUnderstood)))
            {
                WithoutMap = () => Texts.NotUnderstood, MayBeSetupAnswer = true,
            });
    }
}
