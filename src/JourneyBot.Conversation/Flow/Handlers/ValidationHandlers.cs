using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow.Routing;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Validation;

namespace JourneyBot.Conversation.Flow.Handlers;

/// <summary>
/// The facilitator's side of a validation round: <c>validate</c> shows what would be asked of whom
/// (the departments editable on the card), and its Send button asks each member of those
/// departments in their 1:1 chat, through the same delivery as a round of questions, and sets the
/// round's deadline (the days to answer on the card) and each member's reminder on the schedule.
/// </summary>
internal sealed class ValidationHandlers(IMapStore store, IValidationStore validations, ITeamRoster roster, IValidationTimers timers, TimeProvider clock)
{
    public async Task<TurnOutcome> ValidateAsync(CommandTurn command, ValidateCommand validate, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var (board, items, members, refusal) = await ReadAsync(turn, map, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // The departments the map's last round asked, else those closest to customers.
        var departments = (await validations.GetLatestAsync(turn.Scope.TeamKey, map.Id, cancellationToken))?.Departments ?? ValidationRules.DefaultDepartments;
        return new TurnOutcome().Show(ValidationCards.Setup(map, items, board.Tally(), departments, Grouped(Asks(map, members, departments))));
    }

    public async Task<TurnOutcome> SendAsync(CommandTurn command, SendValidationCommand send, CancellationToken cancellationToken)
    {
        var (turn, map) = (command.Turn, command.Map);
        var teamKey = turn.Scope.TeamKey;
        var (board, items, members, refusal) = await ReadAsync(turn, map, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var departments = Departments.Clean(CommandParser.SplitList(send.Card[ValidationCards.DepartmentsInput] ?? string.Empty));
        var typedDays = send.Card[ValidationCards.DaysInput];
        var days = ValidationDeadline.ReadDays(typedDays);
        var asks = Asks(map, members, departments);
        var problem = departments.Count == 0 ? Strings.ValidateNoDepartments
            : asks.Count == 0 ? Strings.ValidateNobodyToAsk.Fill(("departments", Markdown.Escape(Texts.List(departments))))
            : days is null ? Strings.ValidateDaysProblem.Fill(("most", ValidationDeadline.MostDays))
            : null;
        if (problem is not null)
        {
            // What they typed comes back as typed (shortened), so nothing is lost.
            var shownDays = typedDays is null ? null : TextRules.Shorten(typedDays.Trim(), 10);
            return new TurnOutcome { CardUpdate = ValidationCards.Setup(map, items, board.Tally(), departments, Grouped(asks), "⚠ " + problem, shownDays) };
        }

        var now = clock.GetUtcNow();
        var zone = RoundTime.Zone(turn.TimeZone);
        var deadline = ValidationDeadline.At(now, days!.Value, zone);

        var latest = await validations.GetLatestAsync(teamKey, map.Id, cancellationToken);
        var round = new ValidationRound
        {
            MapId = map.Id,
            Number = (latest?.Number ?? 0) + 1,
            ConversationKey = turn.Scope.ConversationKey,
            ServiceUrl = turn.ServiceUrl,
            TenantId = turn.TenantId,
            Facilitator = turn.From,
            FacilitatorTeamsId = members.FirstOrDefault(m => m.Person.Id == map.Facilitator.Id)?.TeamsId,
            Departments = departments,
            ItemIds = [.. items.Select(i => i.Id)],
            SentAt = now,
            Deadline = deadline,
            TimeZone = turn.TimeZone,
        };
        var outcome = new TurnOutcome { CardUpdate = ValidationCards.Sent(map, items, Grouped(asks), RoundTime.Show(deadline, now, zone)) };
        if (!await validations.TryCreateAsync(teamKey, round, asks, cancellationToken))
        {
            // The same press delivered twice (or two at once): the other one sent the questions.
            return outcome;
        }

        if (latest is { State: ValidationState.Open })
        {
            // One round open at a time: its members' cards now say it has closed when pressed.
            await validations.PutAsync(teamKey, latest with { State = ValidationState.Closed }, cancellationToken);
        }

        var key = new RoundKey(teamKey, map.Id, round.Number);
        await SetTimersAsync(key, round, members, asks, cancellationToken);
        // A member Teams will not reach is told to the facilitator, who can ask them another way.
        // It is made later, outside this turn: in the facilitator's own Teams' language, known now.
        var facilitatorLanguage = Languages.BotLanguages.FromLocale(turn.Locale) ?? Languages.MemberLanguage.Of(
            members.FirstOrDefault(m => m.Person.Id == map.Facilitator.Id)?.Language);
        var notice = new NotReachedNotice(new RoundAsk { Member = round.Facilitator, TeamsId = round.FacilitatorTeamsId }, map.Name)
        {
            Language = facilitatorLanguage.TwoLetterISOLanguageName,
        };
        var languages = Languages.MemberLanguage.ByMember(members);
        foreach (var ask in asks)
        {
            // Each member's questions in their own Teams' language (the facilitator's card stays the team's).
            using var language = Languages.MemberLanguage.Speak(languages.GetValueOrDefault(ask.Member.Id));
            var card = ValidationCards.Questions(teamKey, map, round, items, ask);
            outcome.Direct.Add(new DirectMessage(key, new RoundAsk { Member = ask.Member, TeamsId = ask.TeamsId, Department = ask.Department },
                card, turn.ServiceUrl ?? string.Empty, turn.TenantId) { NotesAsk = false, NotReached = notice });
        }

        return outcome;
    }

    // The deadline, and a reminder for each member in their working hours (a day before the
    // deadline, half-way for a shorter round); a member whose hours hold no moment gets none.
    private async Task SetTimersAsync(RoundKey key, ValidationRound round, IReadOnlyList<RosterMember> members, IReadOnlyList<ValidationAsk> asks,
        CancellationToken cancellationToken)
    {
        var deadline = round.Deadline!.Value;
        await timers.SetDeadlineAsync(key, deadline, cancellationToken);
        foreach (var ask in asks)
        {
            var theirZone = members.FirstOrDefault(m => m.Person.Id == ask.Member.Id)?.TimeZone;
            if (RoundTime.Reminder(round.SentAt, deadline, RoundTime.Zone(theirZone, round.TimeZone)) is { } at)
            {
                await timers.SetReminderAsync(key, ask.Member.Id, at, theirZone, cancellationToken);
            }
        }
    }

    // The map's items to ask about and the conversation's members; or why there is nothing to send (read afresh on Send: the map moves on).
    private async Task<(MapBoard Board, IReadOnlyList<MapItem> Items, IReadOnlyList<RosterMember> Members, TurnOutcome? Refusal)> ReadAsync(
        UserTurn turn, JourneyMap map, CancellationToken cancellationToken)
    {
        var board = await store.GetBoardAsync(turn.Scope.TeamKey, map.Id, cancellationToken);
        var items = ValidationRules.Questions(map, board);
        if (items.Count == 0)
        {
            return (board, items, [], new TurnOutcome().Say(Strings.ValidateNothingAssumed.Fill(("map", Markdown.Escape(map.Name)))));
        }

        var members = await roster.ListAsync(turn, RoundPlan.MostMembers, cancellationToken);
        return members is null ? (board, items, [], new TurnOutcome().Say(Strings.RoundNoRoster)) : (board, items, members, null);
    }

    // Members of the departments asked, not the facilitator; a member whose department the team does not know is not asked.
    private static List<ValidationAsk> Asks(JourneyMap map, IReadOnlyList<RosterMember> members, IReadOnlyList<string> departments) =>
    [
        .. members
            .Where(m => m.Person.Id != map.Facilitator.Id && m.Department is not null && departments.Any(d => Departments.Same(d, m.Department)))
            .DistinctBy(m => m.Person.Id)
            .Select(m => new ValidationAsk
            {
                Member = m.Person,
                TeamsId = m.TeamsId,
                Department = departments.First(d => Departments.Same(d, m.Department)),
            }),
    ];

    private static IReadOnlyList<(string Department, IReadOnlyList<string> Names)> Grouped(IReadOnlyList<ValidationAsk> asks) =>
        [.. asks.GroupBy(a => a.Department).Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(a => a.Member.Name)]))];
}
