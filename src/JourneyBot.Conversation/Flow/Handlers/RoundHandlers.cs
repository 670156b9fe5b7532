using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// The facilitator's side of a round of questions: the routing card (<c>ask</c>), sending the
/// round to each member's 1:1 chat, and the team's departments.
/// </summary>
internal sealed class RoundHandlers(IMapStore store, IRoundStore rounds, ITeamRoster roster, IRoundTimers timers,
    MapTransaction transaction, TimeProvider clock)
{
    public async Task<TurnOutcome> AskAsync(CommandTurn command, AskCommand ask, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var (members, refusal) = await MembersToAskAsync(turn, map, cancellationToken);
        if (members is null)
        {
            return refusal!;
        }

        var team = await TeamDepartmentsAsync(turn.Scope.TeamKey, cancellationToken);
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var zone = RoundTime.Zone(turn.TimeZone);
        var routing = map.Stages.ToDictionary(s => s.Id, s => Departments.DefaultFor(s, team, board.Items));
        var draft = new RoutingDraft(team, routing, RoundTime.DefaultDeadline(clock.GetUtcNow(), zone), zone, Anonymous: false, ReviewAtDeadline: false);
        return new TurnOutcome().Show(RoutingCard.For(map, draft, members));
    }

    public async Task<TurnOutcome> SendAsync(CommandTurn command, SendRoundCommand send, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var (members, refusal) = await MembersToAskAsync(turn, map, cancellationToken);
        if (members is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow();
        var team = await TeamDepartmentsAsync(turn.Scope.TeamKey, cancellationToken);
        var (draft, problem) = Read(send.Card, map, team, RoundTime.Zone(turn.TimeZone), now);
        var answeredBefore = draft.AskEveryone ? [] : await AnsweredBeforeAsync(turn.Scope.TeamKey, map, cancellationToken);
        var plan = RoundPlan.For(map, draft.Routing, members, answeredBefore);
        problem ??= plan.Asks.Count == 0 ? Strings.RoundNobodyToAsk : null;
        if (problem is not null)
        {
            return new TurnOutcome { CardUpdate = RoutingCard.For(map, draft, members, "⚠ " + problem) };
        }

        // The round's number is taken on the map first, under its version: two presses at once
        // (or one delivered twice) cannot both send round n.
        var number = map.LatestRound + 1;
        var taken = false;
        var outcome = await transaction.ChangeAsync(turn, command.Stored, current =>
        {
            if (current.LatestRound != map.LatestRound)
            {
                return MapChange.Unchanged(new TurnOutcome().Say(Strings.RoundStillOpen.Fill(("number", current.LatestRound),
                    ("due", RoundTime.Show(draft.Deadline, now, draft.Zone)))));
            }

            current.LatestRound = number;
            taken = true;
            return MapChange.Saved(new TurnOutcome());
        }, cancellationToken);
        if (!taken)
        {
            return outcome;
        }

        var round = new Round
        {
            MapId = map.Id,
            Number = number,
            ConversationKey = turn.Scope.ConversationKey,
            ServiceUrl = turn.ServiceUrl,
            TenantId = turn.TenantId,
            Facilitator = turn.From,
            Routing = draft.Routing,
            Deadline = draft.Deadline,
            TimeZone = draft.Zone.Id,
            Anonymous = draft.Anonymous,
            Salt = draft.Anonymous ? AnonymousAuthors.NewSalt() : null,
            ReviewAtDeadline = draft.ReviewAtDeadline,
            SentAt = now,
        };
        var key = new RoundKey(turn.Scope.TeamKey, map.Id, round.Number);
        var sent = RoutingCard.Sent(map, round, plan, RoundTime.Show(round.Deadline, now, draft.Zone));
        var asks = plan.Asks.Select(a => a with { ReminderAt = RoundTime.Reminder(now, round.Deadline, RoundTime.Zone(a.TimeZone, round.TimeZone)) }).ToList();
        outcome.CardUpdate = sent;
        if (!await rounds.TryCreateAsync(turn.Scope.TeamKey, round, asks, cancellationToken))
        {
            return outcome;
        }

        await timers.SetDeadlineAsync(key, round.Deadline, cancellationToken);
        foreach (var ask in asks)
        {
            if (ask.ReminderAt is { } at)
            {
                await timers.SetReminderAsync(key, ask.Member.Id, at, cancellationToken);
            }
        }

        var others = asks.Select(a => a.Member).ToList();
        var languages = Languages.MemberLanguage.ByMember(members);
        foreach (var ask in asks)
        {
            // Each member's card in their own Teams' language (the routing card above stays the team's).
            using var language = Languages.MemberLanguage.Speak(languages.GetValueOrDefault(ask.Member.Id));
            var theirDue = RoundTime.Show(round.Deadline, now, RoundTime.Zone(ask.TimeZone, round.TimeZone));
            var card = ask.State == AskState.NeedsDepartment
                ? QuestionCard.AskDepartment(map, round, key, theirDue)
                : QuestionCard.For(map, round, key, ask, theirDue, others);
            outcome.Direct.Add(new DirectMessage(key, ask, card, turn.ServiceUrl ?? string.Empty, turn.TenantId));
        }

        return outcome;
    }

    /// <summary>
    /// The routing card of a round about one stage, every action of which is done (the follow-up's
    /// question): only that stage is routed, and those who answered before are asked too. A
    /// finished map is opened again first, as <c>open</c> does; what was published stays on record.
    /// </summary>
    public async Task<TurnOutcome> RemapAsync(CommandTurn command, RemapStageCommand remap, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        if (map.Stages.FirstOrDefault(s => s.Id == remap.StageId) is not { } stage)
        {
            return new TurnOutcome().Say(Strings.RemapStageGone);
        }

        if (!MapFlow.IsOpenForContributions(map.Step))
        {
            return new TurnOutcome().Say(Strings.AskNotYet);
        }

        var (members, refusal) = await MembersToAskAsync(turn, map, cancellationToken);
        if (members is null)
        {
            return refusal!;
        }

        string? note = null;
        if (map.Status != MapStatus.Active)
        {
            JourneyMap? opened = null;
            var reopening = await transaction.ChangeAsync(turn, command.Stored, current =>
            {
                current.Status = MapStatus.Active;
                opened = current;
                return MapChange.Saved(new TurnOutcome());
            }, cancellationToken);
            if (opened is null || reopening.Messages.Count > 0)
            {
                // Busy, or the same press delivered again.
                return reopening;
            }

            map = opened;
            note = Strings.OpenedAgain.Fill(("map", Markdown.Escape(map.Name)));
        }

        var team = await TeamDepartmentsAsync(turn.Scope.TeamKey, cancellationToken);
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var zone = RoundTime.Zone(turn.TimeZone);
        var routing = map.Stages.ToDictionary(s => s.Id, s => s.Id == stage.Id ? Departments.DefaultFor(s, team, board.Items) : []);
        var draft = new RoutingDraft(team, routing, RoundTime.DefaultDeadline(clock.GetUtcNow(), zone), zone,
            Anonymous: false, ReviewAtDeadline: false, AskEveryone: true);
        // The question becomes the routing card in place: one card in the thread, as with "Ask the departments".
        return new TurnOutcome { CardUpdate = RoutingCard.For(map, draft, members, note) };
    }

    public static Task<TurnOutcome> DropAsync(CommandTurn command, DropRoundCommand drop, CancellationToken cancellationToken) =>
        Task.FromResult(new TurnOutcome { CardUpdate = RoutingCard.Dropped(command.Map) });

    public async Task<TurnOutcome> DepartmentsAsync(CommandTurn command, DepartmentsCommand set, CancellationToken cancellationToken)
    {
        var teamKey = command.Scope.TeamKey;
        if (set.Departments.Count == 0)
        {
            return new TurnOutcome().Say(Strings.DepartmentsAre.Fill(("departments", Texts.List(await TeamDepartmentsAsync(teamKey, cancellationToken)))));
        }

        var departments = Departments.Clean(set.Departments);
        if (departments.Count == 0)
        {
            return new TurnOutcome().Say(Strings.DepartmentsEmpty);
        }

        await rounds.PutDepartmentsAsync(teamKey, departments, cancellationToken);
        return new TurnOutcome().Say(Strings.DepartmentsSet.Fill(("departments", Markdown.Escape(Texts.List(departments)))));
    }

    private async Task<IReadOnlyList<string>> TeamDepartmentsAsync(string teamKey, CancellationToken cancellationToken) =>
        await rounds.GetDepartmentsAsync(teamKey, cancellationToken) ?? Departments.Default;

    // One round at a time: a new one asks those the last did not hear from, once it has closed.
    private async Task<TurnOutcome?> RefusalAsync(UserTurn turn, JourneyMap map, CancellationToken cancellationToken)
    {
        if (map.LatestRound == 0
            || await rounds.GetAsync(turn.Scope.TeamKey, map.Id, map.LatestRound, cancellationToken) is not { State: RoundState.Open } open)
        {
            return null;
        }

        var due = RoundTime.Show(open.Deadline, clock.GetUtcNow(), RoundTime.Zone(turn.TimeZone, open.TimeZone));
        return new TurnOutcome().Say(Strings.RoundStillOpen.Fill(("number", open.Number), ("due", due)));
    }

    // Who answered an earlier round of the map (items, nothing to add, or someone else suggested) is
    // not asked again; who is still waiting, or whom Teams could not reach, is. Every earlier round
    // counts: round 2 asked only those round 1 did not hear from, so round 3 cannot go by round 2 alone.
    private async Task<HashSet<string>> AnsweredBeforeAsync(string teamKey, JourneyMap map, CancellationToken cancellationToken)
    {
        var answered = new HashSet<string>(StringComparer.Ordinal);
        for (var number = 1; number <= map.LatestRound; number++)
        {
            foreach (var ask in await rounds.ListAsksAsync(teamKey, map.Id, number, cancellationToken))
            {
                if (ask.State is AskState.Answered or AskState.NothingToAdd or AskState.Suggested)
                {
                    answered.Add(ask.Member.Id);
                }
            }
        }

        return answered;
    }

    // The conversation's members, when a round may go to them: none open yet, the roster readable, at most 500.
    private async Task<(IReadOnlyList<RosterMember>? Members, TurnOutcome? Refusal)> MembersToAskAsync(UserTurn turn, JourneyMap map,
        CancellationToken cancellationToken)
    {
        if (await RefusalAsync(turn, map, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        var members = await roster.ListAsync(turn, RoundPlan.MostMembers + 1, cancellationToken);
        return members is null ? (null, new TurnOutcome().Say(Strings.RoundNoRoster))
            : members.Count > RoundPlan.MostMembers ? (null, new TurnOutcome().Say(Strings.RoundTooMany.Fill(("max", RoundPlan.MostMembers))))
            : (members, null);
    }

    // The routing card as the facilitator left it, and what is wrong with it, if anything.
    private static (RoutingDraft Draft, string? Problem) Read(CardSubmit card, JourneyMap map, IReadOnlyList<string> team, TimeZoneInfo zone,
        DateTimeOffset now)
    {
        var routing = map.Stages.ToDictionary(
            s => s.Id,
            s => (IReadOnlyList<string>)[.. team.Where(t => CommandParser.SplitList(card[RoutingCard.RouteInput(s.Id)] ?? string.Empty)
                .Any(d => Departments.Same(t, d)))]);
        var deadline = RoundTime.Read(card[RoutingCard.DateInput], card[RoutingCard.TimeInput], zone);
        var draft = new RoutingDraft(team, routing, deadline ?? RoundTime.DefaultDeadline(now, zone), zone,
            card[RoutingCard.AnonymousInput] == "true", card[RoutingCard.ReviewInput] == "true", card[RoutingCard.EveryoneKey] == "true");
        var problem = deadline is null ? Strings.RoundDeadlineUnreadable
            : RoundTime.Problem(deadline.Value, now) is { } late ? late
            : routing.Values.All(d => d.Count == 0) ? Strings.RoundNoStages
            : null;
        return (draft, problem);
    }
}
