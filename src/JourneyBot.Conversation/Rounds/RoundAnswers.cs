using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Rounds;

/// <summary>
/// A member's answers to a round's questions, pressed on their card in their 1:1 chat: items for
/// their stages, "nothing to add", "not my area", "remind me tomorrow", their department. Each
/// lands in the team's map as if typed in the channel, and the card shows what they gave.
/// </summary>
/// <remarks>
/// The card names the team, the map and the round; the bot acts only when the round asked this
/// member and is still open, so a forged or replayed card changes nothing.
/// </remarks>
internal sealed class RoundAnswers(IMapStore store, IRoundStore rounds, IRoundTimers timers, TimeProvider clock)
{
    /// <summary>Whether the press is on a round's question card.</summary>
    public static bool IsAnswer(CardSubmit submit) => submit[CardVerbs.TeamKey] is not null && submit[CardVerbs.RoundKey] is not null;

    public async Task<TurnOutcome> HandleAsync(UserTurn turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        if (!int.TryParse(submit[CardVerbs.RoundKey], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || submit[CardVerbs.MapKey] is not { } mapId)
        {
            return new TurnOutcome().Say(Strings.QuestionNotYours);
        }

        var key = new RoundKey(submit[CardVerbs.TeamKey]!, mapId, number);
        var round = await rounds.GetAsync(key.TeamKey, mapId, number, cancellationToken);
        var ask = round is null ? null : await rounds.GetAskAsync(key.TeamKey, mapId, number, turn.From.Id, cancellationToken);
        if (round is null || ask is null)
        {
            return new TurnOutcome().Say(Strings.QuestionNotYours);
        }

        var scope = new MapScope(key.TeamKey, round.ConversationKey);
        var map = (await store.GetConversationMapAsync(scope, cancellationToken))?.Map;
        if (map is null || map.Id != mapId || map.Status != MapStatus.Active || round.State != RoundState.Open || !MapFlow.IsOpenForContributions(map.Step))
        {
            return map is null ? new TurnOutcome().Say(Strings.QuestionClosed) : new TurnOutcome { CardUpdate = QuestionCard.Closed(map, Strings.QuestionClosed) };
        }

        var answer = new Answer(turn, key, round, ask, map, scope);
        var outcome = submit.Verb switch
        {
            CardVerbs.Add => await AddAsync(answer, Contribution.FromCard(submit), cancellationToken),
            CardVerbs.NothingToAdd => await CloseAsync(answer, ask.Added > 0 ? AskState.Answered : AskState.NothingToAdd, null, cancellationToken),
            CardVerbs.DoneAnswering => await CloseAsync(answer, ask.Added > 0 ? AskState.Answered : AskState.NothingToAdd, null, cancellationToken),
            CardVerbs.SuggestSomeone => await SuggestAsync(answer, submit[QuestionCard.SuggestInput], cancellationToken),
            CardVerbs.RemindTomorrow => await RemindTomorrowAsync(answer, cancellationToken),
            CardVerbs.RoundDepartment => await DepartmentAsync(answer, submit[QuestionCard.DepartmentInput], cancellationToken),
            _ => new TurnOutcome().Say(Texts.NotUnderstood),
        };
        if (round.ServiceUrl is { } serviceUrl)
        {
            outcome.ProgressIn = new ProgressElsewhere(scope, serviceUrl);
        }

        return outcome;
    }

    private async Task<TurnOutcome> AddAsync(Answer answer, AddItemCommand add, CancellationToken cancellationToken)
    {
        var (turn, ask, map) = (answer.Turn, answer.Ask, answer.Map);
        if (ask.State == AskState.NeedsDepartment)
        {
            return new TurnOutcome().Say(Strings.QuestionDepartmentMissing);
        }

        var draft = Contribution.Read(add, map, out var problem);
        if (draft is not null && !ask.StageIds.Contains(draft.StageId))
        {
            // The card offers only their stages; a press naming another is not theirs to make.
            problem = Strings.WhichStage.Fill(("syntax", Contribution.Syntax(draft.Kind)));
            draft = null;
        }

        if (draft is null)
        {
            return await CardAsync(answer, ask, "⚠ " + Markdown.Escape(problem!), add.Stage, add.Kind, add, cancellationToken);
        }

        var item = draft with
        {
            Id = draft.Kind == ItemKind.Emotion ? ItemIds.For(turn.From.Id, "emotion:" + draft.StageId) : ItemIds.For(turn.ActivityId, "item:" + map.Id),
            Author = turn.From,
            AuthorDepartment = ask.Department,
            CreatedAt = clock.GetUtcNow(),
        };
        var isNew = true;
        if (item.Kind == ItemKind.Emotion)
        {
            await store.PutItemAsync(answer.Key.TeamKey, map.Id, item, cancellationToken);
        }
        else
        {
            // False: this press was delivered before, and counted then.
            isNew = await store.TryAddItemAsync(answer.Key.TeamKey, map.Id, item, cancellationToken);
        }

        var answered = ask with { State = AskState.Answered, Added = ask.Added + (isNew ? 1 : 0) };
        await rounds.PutAskAsync(answer.Key.TeamKey, map.Id, answer.Key.Number, answered, cancellationToken);
        var stage = map.Stages.First(s => s.Id == item.StageId).Name;
        var said = Strings.ItemAdded.Fill(("kind", Vocabulary.Name(item.Kind)), ("id", ItemIds.Display(item.Id)), ("stage", Markdown.Escape(stage)),
            ("item", Markdown.Escape(Vocabulary.Describe(item, withFace: true))), ("member", Markdown.Escape(turn.From.Name)));
        var note = "✔ " + Strings.QuestionAdded.Fill(("added", said), ("count", answered.Added));
        return await CardAsync(answer, answered, note, item.StageId, item.Kind, null, cancellationToken);
    }

    private async Task<TurnOutcome> CloseAsync(Answer answer, AskState state, Person? suggested, CancellationToken cancellationToken)
    {
        var (ask, map) = (answer.Ask, answer.Map);
        var closed = ask with { State = state, Suggested = suggested ?? ask.Suggested };
        await rounds.PutAskAsync(answer.Key.TeamKey, map.Id, answer.Key.Number, closed, cancellationToken);
        var member = answer.Turn.From.Name;
        var said = state switch
        {
            AskState.Answered => Strings.QuestionThanks.Fill(("member", member), ("count", closed.Added)),
            AskState.Suggested => Strings.QuestionSuggested.Fill(("member", member), ("suggested", suggested?.Name ?? string.Empty)),
            _ => Strings.QuestionNothing.Fill(("member", member)),
        };
        return new TurnOutcome { CardUpdate = QuestionCard.Closed(map, said) };
    }

    // "Not my area": the colleague picked is kept for the facilitator, who asks them.
    private async Task<TurnOutcome> SuggestAsync(Answer answer, string? picked, CancellationToken cancellationToken)
    {
        if (QuestionCard.ReadSuggestion(picked) is not { } person)
        {
            return await CardAsync(answer, answer.Ask, "⚠ " + Strings.QuestionSuggestWhom, null, null, null, cancellationToken);
        }

        return await CloseAsync(answer, answer.Ask.Added > 0 ? AskState.Answered : AskState.Suggested, person, cancellationToken);
    }

    private async Task<TurnOutcome> RemindTomorrowAsync(Answer answer, CancellationToken cancellationToken)
    {
        var zone = RoundTime.Zone(answer.Ask.TimeZone ?? answer.Turn.TimeZone, answer.Round.TimeZone);
        var now = clock.GetUtcNow();
        var at = RoundTime.NextWorkingMorning(now, zone);
        string note;
        if (at < answer.Round.Deadline)
        {
            await timers.SetReminderAsync(answer.Key, answer.Ask.Member.Id, at, cancellationToken);
            await rounds.PutAskAsync(answer.Key.TeamKey, answer.Map.Id, answer.Key.Number, answer.Ask with { ReminderAt = at, RemindedAt = null }, cancellationToken);
            note = Strings.QuestionRemindAt.Fill(("when", RoundTime.Show(at, now, zone)));
        }
        else
        {
            note = Strings.QuestionNoLaterReminder;
        }

        return await CardAsync(answer, answer.Ask, note, null, null, null, cancellationToken);
    }

    // A member asked their department first: it is remembered for the team, and their questions follow.
    private async Task<TurnOutcome> DepartmentAsync(Answer answer, string? typed, CancellationToken cancellationToken)
    {
        var (turn, round, map) = (answer.Turn, answer.Round, answer.Map);
        var department = TextRules.Clean(typed, TextRules.ShortMax, Strings.NounDepartment, out var problem);
        var due = Due(answer);
        if (problem is not null)
        {
            return new TurnOutcome { CardUpdate = QuestionCard.AskDepartment(map, round, answer.Key, due, "⚠ " + Markdown.Escape(problem)) };
        }

        // The row holds more than the department (their 1:1 chat, time zone, mute): it is changed, not replaced.
        var known = await store.GetMemberAsync(answer.Key.TeamKey, turn.From.Id, cancellationToken) ?? TeamMember.New;
        await store.PutMemberAsync(answer.Key.TeamKey, turn.From.Id, known.Noting(turn) with { Department = department, AskedForDepartment = true },
            cancellationToken);
        var stages = round.StagesFor(map, department);
        var ask = answer.Ask with { Department = department, StageIds = stages, State = stages.Count == 0 ? AskState.NothingToAdd : AskState.Asked };
        await rounds.PutAskAsync(answer.Key.TeamKey, map.Id, answer.Key.Number, ask, cancellationToken);
        return stages.Count == 0
            ? new TurnOutcome { CardUpdate = QuestionCard.Closed(map, Strings.QuestionNoStagesForDepartment.Fill(("member", turn.From.Name), ("department", department))) }
            : await CardAsync(answer with { Ask = ask }, ask, null, null, null, null, cancellationToken);
    }

    // The member's card again, as it now stands; colleagues to suggest are read only while it offers them.
    private async Task<TurnOutcome> CardAsync(Answer answer, RoundAsk ask, string? note, string? stageId, ItemKind? open, AddItemCommand? refill,
        CancellationToken cancellationToken)
    {
        var others = ask.Added > 0 ? []
            : (await rounds.ListAsksAsync(answer.Key.TeamKey, answer.Map.Id, answer.Key.Number, cancellationToken)).Select(a => a.Member).ToList();
        return new TurnOutcome
        {
            CardUpdate = QuestionCard.For(answer.Map, answer.Round, answer.Key, ask, Due(answer), others, note, stageId, open, refill),
        };
    }

    private string Due(Answer answer) =>
        RoundTime.Show(answer.Round.Deadline, clock.GetUtcNow(), RoundTime.Zone(answer.Ask.TimeZone ?? answer.Turn.TimeZone, answer.Round.TimeZone));

    private sealed record Answer(UserTurn Turn, RoundKey Key, Round Round, RoundAsk Ask, JourneyMap Map, MapScope Scope);
}
