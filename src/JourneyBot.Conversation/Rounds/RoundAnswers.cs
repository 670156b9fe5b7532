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
        var (answer, refusal) = await OpenAnswerAsync(turn, key, cancellationToken);
        if (answer is null)
        {
            return refusal!;
        }

        var (round, ask, scope) = (answer.Round, answer.Ask, answer.Scope);
        var outcome = submit.Verb switch
        {
            CardVerbs.Add => await AddAsync(answer, Contribution.FromCard(submit), cancellationToken),
            CardVerbs.NothingToAdd => await CloseAsync(answer, ask.Added > 0 ? AskState.Answered : AskState.NothingToAdd, null, cancellationToken),
            CardVerbs.DoneAnswering => await CloseAsync(answer, ask.Added > 0 ? AskState.Answered : AskState.NothingToAdd, null, cancellationToken),
            CardVerbs.SuggestSomeone => await SuggestAsync(answer, submit[QuestionCard.SuggestInput], cancellationToken),
            CardVerbs.RemindTomorrow => await RemindTomorrowAsync(answer, cancellationToken),
            CardVerbs.RoundDepartment => await DepartmentAsync(answer, submit[QuestionCard.DepartmentInput], cancellationToken),
            CardVerbs.AddTyped => await AddTypedAsync(answer, CommandParser.Parse(submit[QuestionCard.TypedInput] ?? string.Empty), chosen: true, cancellationToken),
            _ => new TurnOutcome().Say(Texts.NotUnderstood),
        };
        if (round.ServiceUrl is { } serviceUrl)
        {
            outcome.ProgressIn = new ProgressElsewhere(scope, serviceUrl);
        }

        return outcome;
    }

    /// <summary>
    /// An item typed in the 1:1 chat, where no map is made: it is for the round whose question went
    /// to this chat and is still open; with two or more open, the member picks the map. Null when
    /// no open round asked them here (the typed text is then answered as anywhere else).
    /// </summary>
    public async Task<TurnOutcome?> TypedAsync(UserTurn turn, AddItemCommand add, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var open = new List<Answer>();
        foreach (var key in await rounds.ListChatAsksAsync(turn.Scope.ConversationKey, cancellationToken))
        {
            if ((await OpenAnswerAsync(turn, key, cancellationToken)).Answer is { } answer)
            {
                open.Add(answer);
            }
        }

        return open.Count switch
        {
            0 => null,
            1 => await AddTypedAsync(open[0], add, chosen: false, cancellationToken),
            _ => new TurnOutcome().Show(QuestionCard.WhichMap([.. open.Select(a => (a.Map, a.Key))], turn.Text)),
        };
    }

    /// <summary>
    /// <c>undo</c> typed in a 1:1 chat where no map is made: takes back the member's last item in
    /// the maps whose open rounds asked them here (an anonymous one's too). Null when no open round
    /// asked them here.
    /// </summary>
    public async Task<TurnOutcome?> UndoTypedAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        (Answer Answer, MapItem Item)? last = null;
        var asked = false;
        foreach (var key in await rounds.ListChatAsksAsync(turn.Scope.ConversationKey, cancellationToken))
        {
            if ((await OpenAnswerAsync(turn, key, cancellationToken)).Answer is not { } answer)
            {
                continue;
            }

            asked = true;
            var own = await AnonymousAuthors.OwnedByAsync(rounds, key.TeamKey, answer.Map, turn.From.Id, cancellationToken);
            var board = await store.GetBoardAsync(key.TeamKey, key.MapId, cancellationToken);
            if (board.Items.Where(i => own.Contains(i.Author.Id)).MaxBy(i => i.CreatedAt) is { } item
                && (last is null || item.CreatedAt > last.Value.Item.CreatedAt))
            {
                last = (answer, item);
            }
        }

        if (!asked)
        {
            return null;
        }

        if (last is not { } found)
        {
            return new TurnOutcome().Say(Strings.NothingToUndo);
        }

        await store.RemoveItemAsync(found.Answer.Key.TeamKey, found.Answer.Map.Id, found.Item.Id, cancellationToken);
        var outcome = new TurnOutcome().Say(Strings.RemovedLast.Fill(("kind", Vocabulary.Name(found.Item.Kind)),
            ("item", Markdown.Escape(Vocabulary.Describe(found.Item, withFace: true)))));
        if (found.Answer.Round.ServiceUrl is { } serviceUrl)
        {
            outcome.ProgressIn = new ProgressElsewhere(found.Answer.Scope, serviceUrl);
        }

        return outcome;
    }

    // The round, the member's ask in it and its map, when the round asked them and still takes answers; else why not.
    private async Task<(Answer? Answer, TurnOutcome? Refusal)> OpenAnswerAsync(UserTurn turn, RoundKey key, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(key.TeamKey, key.MapId, key.Number, cancellationToken);
        var ask = round is null ? null : await rounds.GetAskAsync(key.TeamKey, key.MapId, key.Number, turn.From.Id, cancellationToken);
        if (round is null || ask is null)
        {
            return (null, new TurnOutcome().Say(Strings.QuestionNotYours));
        }

        var scope = new MapScope(key.TeamKey, round.ConversationKey);
        var stored = await store.GetConversationMapAsync(scope, cancellationToken);
        if (!TakesAnswers(stored?.Map, key, round) && stored is null or { IsRecentCopy: true })
        {
            // The round is read fresh, the map may be a copy from moments ago (or its absence, kept
            // as well): another instance may have opened the map or placed it since. Refused only on
            // the map as storage holds it.
            stored = await store.GetLatestConversationMapAsync(scope, cancellationToken);
        }

        var map = stored?.Map;
        if (!TakesAnswers(map, key, round))
        {
            return (null, map is null ? new TurnOutcome().Say(Strings.QuestionClosed) : new TurnOutcome { CardUpdate = QuestionCard.Closed(map, Strings.QuestionClosed) });
        }

        return (new Answer(turn, key, round, ask, map, scope, stored!.IsRecentCopy), null);
    }

    private static bool TakesAnswers([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] JourneyMap? map, RoundKey key, Round round) =>
        map is not null && map.Id == key.MapId && map.Status == MapStatus.Active && round.State == RoundState.Open && MapFlow.IsOpenForContributions(map.Step);

    // The item into the map as AddItemAsync adds it; when a recent copy of the map cannot place it (a
    // stage renamed or added on another instance since), placed again on the map as storage holds it.
    private async Task<(Answer Answer, Added Added)> AddOnLatestAsync(Answer answer, AddItemCommand add, CancellationToken cancellationToken)
    {
        var added = await AddItemAsync(answer, add, cancellationToken);
        if (!added.RefusedOnMap || !answer.RecentCopy)
        {
            return (answer, added);
        }

        var latest = (await store.GetLatestConversationMapAsync(answer.Scope, cancellationToken))?.Map;
        if (!TakesAnswers(latest, answer.Key, answer.Round))
        {
            return (answer, added);
        }

        var fresh = answer with { Map = latest, RecentCopy = false };
        return (fresh, await AddItemAsync(fresh, add, cancellationToken));
    }

    private async Task<TurnOutcome> AddAsync(Answer answer, AddItemCommand add, CancellationToken cancellationToken)
    {
        if (answer.Ask.State == AskState.NeedsDepartment)
        {
            return new TurnOutcome().Say(Strings.QuestionDepartmentMissing);
        }

        if (add.Evidence is null)
        {
            // The card asks how they know (nothing preselected): asked again, with everything they filled in kept.
            return await CardAsync(answer, answer.Ask, "⚠ " + Strings.ContributeEvidenceMissing, add.Stage, add.Kind, add, cancellationToken);
        }

        (answer, var added) = await AddOnLatestAsync(answer, add, cancellationToken);
        return added.Item is { } item
            ? await CardAsync(answer, added.Ask, "✔ " + added.Note, item.StageId, item.Kind, null, cancellationToken)
            : await CardAsync(answer, added.Ask, "⚠ " + added.Note, add.Stage, add.Kind, add, cancellationToken);
    }

    // Typed in the chat (or picked for a map after typing): told in words, the question card stays as it is.
    private async Task<TurnOutcome> AddTypedAsync(Answer answer, Command typed, bool chosen, CancellationToken cancellationToken)
    {
        if (answer.Ask.State == AskState.NeedsDepartment)
        {
            return new TurnOutcome().Say(Strings.QuestionDepartmentMissing);
        }

        if (typed is not AddItemCommand add)
        {
            return new TurnOutcome().Say(Texts.NotUnderstood);
        }

        (answer, var added) = await AddOnLatestAsync(answer, add, cancellationToken);
        var said = (added.Item is null ? "⚠ " : "✔ ") + added.Note;
        var outcome = chosen ? new TurnOutcome { CardUpdate = QuestionCard.Closed(answer.Map, said) } : new TurnOutcome().Say(said);
        if (answer.Round.ServiceUrl is { } serviceUrl && added.Item is not null)
        {
            outcome.ProgressIn = new ProgressElsewhere(answer.Scope, serviceUrl);
        }

        return outcome;
    }

    // The item into the team's map, as if typed in its channel, and the member's ask counting it; or the problem with it.
    private async Task<Added> AddItemAsync(Answer answer, AddItemCommand add, CancellationToken cancellationToken)
    {
        var (turn, ask, map) = (answer.Turn, answer.Ask, answer.Map);
        var draft = Contribution.Read(add, map, out var problem);
        if (draft is not null && !ask.StageIds.Contains(draft.StageId))
        {
            // Their card offers only their stages; the round asks them about no other.
            problem = Strings.WhichStage.Fill(("syntax", Contribution.Syntax(draft.Kind)));
            draft = null;
        }

        if (draft is null)
        {
            return new Added(ask, Markdown.Escape(problem!), null, RefusedOnMap: true);
        }

        // In an anonymous round the item shows the department only, and even its id says nothing of the member.
        var author = answer.Round.Anonymous ? AnonymousAuthors.For(answer.Round, turn.From, ask.Department) : turn.From;
        var item = draft with
        {
            Id = draft.Kind == ItemKind.Emotion ? ItemIds.For(author.Id, "emotion:" + draft.StageId) : ItemIds.For(turn.ActivityId, "item:" + map.Id),
            Author = author,
            AuthorDepartment = ask.Department,
            CreatedAt = clock.GetUtcNow(),
        };
        if (await ItemLimits.RefusalAsync(store, answer.Key.TeamKey, map.Id, item, cancellationToken) is { } full)
        {
            return new Added(ask, Markdown.Escape(full), null);
        }

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
        return new Added(answered, Strings.QuestionAdded.Fill(("added", said), ("count", answered.Added)), item);
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

        // The row holds more than the department (their 1:1 chat, time zone, mute): only these fields are written.
        var known = await store.GetMemberAsync(answer.Key.TeamKey, turn.From.Id, cancellationToken) ?? TeamMember.New;
        await store.PutMemberAsync(answer.Key.TeamKey, turn.From.Id, known.Noting(turn) with { Department = department, AskedForDepartment = true },
            MemberNotes.Told(turn) | MemberFields.Department | MemberFields.AskedForDepartment, cancellationToken);
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

    // RecentCopy: Map is a copy read moments ago (StoredMap.IsRecentCopy), which may not know yet what another instance changed.
    private sealed record Answer(UserTurn Turn, RoundKey Key, Round Round, RoundAsk Ask, JourneyMap Map, MapScope Scope, bool RecentCopy);

    // An item added (with what to tell the member), or the problem that kept it out (Item null);
    // RefusedOnMap: the problem is what the map lacks (a stage it does not know), not a limit.
    private sealed record Added(RoundAsk Ask, string Note, MapItem? Item, bool RefusedOnMap = false);
}
