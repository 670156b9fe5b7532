using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Validation;

/// <summary>
/// The presses of a validation round, in 1:1 chats: a member's answers (which raise evidence and
/// may flag a contradiction) and the facilitator's keep / change / remove of a contradicted item.
/// Every change of evidence, and every resolution, is added to the map's evidence history.
/// </summary>
/// <remarks>
/// The card names the team, the map and the round (or the item); the bot acts only on what is
/// stored: a member the round did not ask, or anyone but the facilitator resolving, changes nothing.
/// Evidence only rises, and the history is written before the item: each press then sets the item
/// to the strongest evidence its history holds and reads the history again, so two members raising
/// the same item at once both end in the item, whichever writes last.
/// </remarks>
internal sealed class ValidationPresses(IMapStore store, IValidationStore validations, TimeProvider clock)
{
    // How often a press settles its items against the history before it leaves the rest to the next press.
    private const int MaxSettles = 3;

    /// <summary>Whether the press is on a validation card.</summary>
    public static bool IsPress(CardSubmit submit) =>
        submit[CardVerbs.TeamKey] is not null && submit[CardVerbs.MapKey] is not null
        && (submit.Verb == CardVerbs.ValidationAnswers && submit[ValidationCards.RoundKey] is not null
            || submit.Verb == CardVerbs.ResolveContradiction && submit[ValidationCards.ItemKey] is not null);

    public Task<TurnOutcome> HandleAsync(UserTurn turn, CardSubmit submit, CancellationToken cancellationToken) =>
        submit.Verb == CardVerbs.ValidationAnswers ? AnswerAsync(turn, submit, cancellationToken) : ResolveAsync(turn, submit, cancellationToken);

    private async Task<TurnOutcome> AnswerAsync(UserTurn turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var (teamKey, mapId) = (submit[CardVerbs.TeamKey]!, submit[CardVerbs.MapKey]!);
        if (!int.TryParse(submit[ValidationCards.RoundKey], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await validations.GetAsync(teamKey, mapId, number, cancellationToken) is not { } round
            || await validations.GetAskAsync(teamKey, mapId, number, turn.From.Id, cancellationToken) is not { } ask)
        {
            return new TurnOutcome().Say(Strings.QuestionNotYours);
        }

        var map = await ReadMapAsync(teamKey, mapId, cancellationToken);
        if (map is null || round.State != ValidationState.Open)
        {
            return new TurnOutcome { CardUpdate = ValidationCards.Done(map, Strings.ValidateClosed) };
        }

        if (round.Deadline <= clock.GetUtcNow())
        {
            // Past its deadline, the summary may be counted already: a late answer would be missing from it.
            return new TurnOutcome { CardUpdate = ValidationCards.Done(map, Strings.ValidateClosedAtDeadline) };
        }

        var board = await store.GetBoardAsync(teamKey, mapId, cancellationToken);
        var items = round.ItemIds.Select(id => board.Items.FirstOrDefault(i => i.Id == id)).OfType<MapItem>().ToList();
        var (given, typed, problem) = Read(submit, round, items);
        if (problem is null && given.Count == 0)
        {
            problem = Strings.ValidateNoAnswer;
        }

        if (problem is not null)
        {
            // Nothing is saved: the card comes back with what they typed, and says what to fix.
            return new TurnOutcome { CardUpdate = ValidationCards.Questions(teamKey, map, round, items, ask, "⚠ " + problem, typed) };
        }

        var now = clock.GetUtcNow();
        var answers = new Dictionary<string, ValidationAnswer>(ask.Answers, StringComparer.Ordinal);
        var changed = new List<(MapItem Item, ValidationAnswer Answer)>();
        foreach (var (item, verdict, proof) in given)
        {
            if (answers.TryGetValue(item.Id, out var before) && before.Verdict == verdict && before.Proof == proof)
            {
                continue;
            }

            answers[item.Id] = new ValidationAnswer(verdict, proof, now);
            changed.Add((item, answers[item.Id]));
        }

        var answered = ask with { Answers = answers };
        await validations.PutAskAsync(teamKey, mapId, number, answered, cancellationToken);
        var raised = new List<string>();
        foreach (var (item, answer) in changed)
        {
            if (ValidationRules.Raised(item.Evidence, answer.Verdict) is { } to)
            {
                await validations.AppendAsync(teamKey, new EvidenceChange
                {
                    Id = ChangeId(turn, item.Id),
                    MapId = mapId,
                    ItemId = item.Id,
                    ItemText = Vocabulary.Describe(item),
                    At = now,
                    Who = turn.From,
                    Department = ask.Department,
                    From = item.Evidence,
                    To = to,
                    Proof = answer.Proof,
                    Reason = answer.Verdict == Verdict.SeenIt ? EvidenceReason.SeenIt : EvidenceReason.CustomersTellUs,
                    Round = number,
                }, cancellationToken);
                raised.Add(item.Id);
            }
        }

        await SettleAsync(teamKey, mapId, raised, cancellationToken);
        var outcome = new TurnOutcome
        {
            CardUpdate = ValidationCards.Questions(teamKey, map, round, items, answered,
                Strings.ValidateThanks.Fill(("member", turn.From.Name), ("count", answers.Count))),
        };
        await FlagContradictionsAsync(outcome, teamKey, map, round, [.. changed.Where(c => c.Answer.Verdict == Verdict.NotTrue).Select(c => c.Item)], cancellationToken);
        return outcome;
    }

    // Two "Not true" from different departments: flagged once, however many answer at once, and sent to the facilitator's 1:1 chat.
    private async Task FlagContradictionsAsync(TurnOutcome outcome, string teamKey, JourneyMap map, ValidationRound round, IReadOnlyList<MapItem> denied,
        CancellationToken cancellationToken)
    {
        if (denied.Count == 0)
        {
            return;
        }

        var asks = await validations.ListAsksAsync(teamKey, map.Id, round.Number, cancellationToken);
        Task<TeamMember?>? facilitatorRow = null;
        foreach (var item in denied.Where(i => ValidationRules.Contradicted(asks, i.Id)))
        {
            var flag = new Contradiction { MapId = map.Id, ItemId = item.Id, Round = round.Number, FlaggedAt = clock.GetUtcNow() };
            if (!await validations.TryFlagAsync(teamKey, flag, cancellationToken) || round.ServiceUrl is null)
            {
                continue;
            }

            // For the facilitator's 1:1 chat, not the presser's: in the facilitator's own language where their row remembers it.
            var row = await (facilitatorRow ??= store.GetMemberAsync(teamKey, round.Facilitator.Id, cancellationToken));
            AdaptiveCard card;
            using (Languages.MemberLanguage.Speak(row?.Language))
            {
                card = ValidationCards.Contradiction(teamKey, map, item, Denials(asks, item.Id));
            }

            var facilitator = new RoundAsk { Member = round.Facilitator, TeamsId = round.FacilitatorTeamsId };
            outcome.Direct.Add(new DirectMessage(new RoundKey(teamKey, map.Id, round.Number), facilitator, card, round.ServiceUrl, round.TenantId)
            {
                NotesAsk = false,
            });
        }
    }

    private async Task<TurnOutcome> ResolveAsync(UserTurn turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var (teamKey, mapId, itemId) = (submit[CardVerbs.TeamKey]!, submit[CardVerbs.MapKey]!, submit[ValidationCards.ItemKey]!);
        var map = await ReadMapAsync(teamKey, mapId, cancellationToken);
        if (map is null)
        {
            return new TurnOutcome { CardUpdate = ValidationCards.Done(null, Strings.ContradictionGone) };
        }

        if (turn.From.Id != map.Facilitator.Id)
        {
            return new TurnOutcome().Say(Strings.ContradictionOnlyFacilitator.Fill(("facilitator", Markdown.Escape(map.Facilitator.Name)), ("map", Markdown.Escape(map.Name))));
        }

        if (await validations.GetContradictionAsync(teamKey, mapId, itemId, cancellationToken) is not { } contradiction)
        {
            return new TurnOutcome().Say(Strings.QuestionNotYours);
        }

        if (contradiction.Resolution is not null)
        {
            return new TurnOutcome { CardUpdate = ValidationCards.Done(map, Strings.ContradictionResolvedAlready) };
        }

        var board = await store.GetBoardAsync(teamKey, mapId, cancellationToken);
        if (board.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
        {
            await validations.PutContradictionAsync(teamKey, contradiction with { Resolution = EvidenceReason.Removed, ResolvedBy = turn.From, ResolvedAt = clock.GetUtcNow() },
                cancellationToken);
            return new TurnOutcome { CardUpdate = ValidationCards.Done(map, Strings.ContradictionGone) };
        }

        EvidenceReason resolution;
        string said;
        switch (submit[ValidationCards.ResolveKey])
        {
            case ValidationCards.ResolveChange:
                var text = TextRules.Clean(submit[ValidationCards.ChangeInput], TextRules.ItemMax, Strings.NounItemText, out var problem);
                if (problem is not null)
                {
                    var asks = await validations.ListAsksAsync(teamKey, mapId, contradiction.Round, cancellationToken);
                    return new TurnOutcome { CardUpdate = ValidationCards.Contradiction(teamKey, map, item, Denials(asks, itemId), "⚠ " + Markdown.Escape(problem)) };
                }

                await store.PutItemAsync(teamKey, mapId, item with { Text = text }, cancellationToken);
                (resolution, said) = (EvidenceReason.Changed, Strings.ContradictionChanged.Fill(("item", text)));
                break;
            case ValidationCards.ResolveRemove:
                await store.RemoveItemAsync(teamKey, mapId, itemId, cancellationToken);
                (resolution, said) = (EvidenceReason.Removed, Strings.ContradictionRemoved);
                break;
            default:
                (resolution, said) = (EvidenceReason.Kept, Strings.ContradictionKept);
                break;
        }

        var now = clock.GetUtcNow();
        await validations.AppendAsync(teamKey, new EvidenceChange
        {
            Id = ChangeId(turn, itemId),
            MapId = mapId,
            ItemId = itemId,
            ItemText = Vocabulary.Describe(item),
            At = now,
            Who = turn.From,
            From = item.Evidence,
            To = resolution == EvidenceReason.Removed ? null : item.Evidence,
            Reason = resolution,
            Round = contradiction.Round,
        }, cancellationToken);
        await validations.PutContradictionAsync(teamKey, contradiction with { Resolution = resolution, ResolvedBy = turn.From, ResolvedAt = now }, cancellationToken);
        return new TurnOutcome { CardUpdate = ValidationCards.Done(map, said) };
    }

    // Each raised item to the strongest evidence its history holds, until a read of the history finds nothing new (see remarks).
    private async Task SettleAsync(string teamKey, string mapId, List<string> itemIds, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0)
        {
            return;
        }

        var history = await validations.ListChangesAsync(teamKey, mapId, cancellationToken);
        for (var settle = 0; settle < MaxSettles; settle++)
        {
            foreach (var itemId in itemIds)
            {
                // The item as stored right before the write, and only its evidence changes: words
                // changed or a confirmation given meanwhile ("Still true?") are kept.
                if (await store.GetItemAsync(teamKey, mapId, itemId, cancellationToken) is not { } item)
                {
                    continue;
                }

                var strongest = history.Where(c => c.ItemId == item.Id && c.To is not null).Select(c => c.To!.Value).Aggregate(item.Evidence, ValidationRules.Strongest);
                if (strongest != item.Evidence)
                {
                    await store.PutItemAsync(teamKey, mapId, item with { Evidence = strongest, EvidenceUnsaid = false }, cancellationToken);
                }
            }

            var again = await validations.ListChangesAsync(teamKey, mapId, cancellationToken);
            if (again.Count == history.Count)
            {
                return;
            }

            history = again;
        }
    }

    // The answers on the card: per item its verdict and proof; the values as typed, to show again; and the first problem.
    private static (List<(MapItem Item, Verdict Verdict, string? Proof)> Given, Dictionary<string, (string?, string?)> Typed, string? Problem) Read(
        CardSubmit submit, ValidationRound round, IReadOnlyList<MapItem> items)
    {
        var given = new List<(MapItem, Verdict, string?)>();
        var typed = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        string? problem = null;
        foreach (var item in items)
        {
            var index = round.ItemIds.ToList().IndexOf(item.Id);
            var (verdictValue, proofValue) = (submit[ValidationCards.VerdictInput(index)], submit[ValidationCards.ProofInput(index)]);
            typed[item.Id] = (verdictValue, proofValue);
            string? proof = null;
            if (!string.IsNullOrWhiteSpace(proofValue))
            {
                proof = TextRules.Clean(proofValue, TextRules.ItemMax, Strings.NounItemText, out var tooLong);
                if (tooLong is not null)
                {
                    problem ??= Strings.ValidateProofTooLong.Fill(("max", TextRules.ItemMax), ("item", TextRules.Shorten(item.Text, 40)),
                        ("length", proof.Length));
                }
            }

            if (ValidationCards.ReadVerdict(verdictValue) is { } verdict)
            {
                given.Add((item, verdict, proof));
            }
        }

        return (given, typed, problem);
    }

    private static List<(ValidationAsk, ValidationAnswer)> Denials(IReadOnlyList<ValidationAsk> asks, string itemId) =>
        [.. asks.Where(a => a.Answers.TryGetValue(itemId, out var x) && x.Verdict == Verdict.NotTrue).Select(a => (a, a.Answers[itemId]))];

    // The same press delivered twice makes the same id, so the history keeps it once.
    private static string ChangeId(UserTurn turn, string itemId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((turn.ActivityId ?? Guid.NewGuid().ToString("N")) + "\u001f" + itemId)).AsSpan(0, 12));

    // A map's document is in the conversation that holds it, or on its shelf line.
    private Task<JourneyMap?> ReadMapAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        ValidationDue.ReadMapAsync(store, teamKey, mapId, cancellationToken);
}
