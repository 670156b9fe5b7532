using System.Globalization;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>Reads what a member typed, or which card button they pressed, as a <see cref="Command"/>.</summary>
internal static class CommandParser
{
    private static readonly char[] ListSeparators = [',', ';', '\n'];

    // The language command's words in every language (see LanguageInAnyWords), made once: every typed text is checked against them.
    private static readonly CommandWords EveryLanguage = CommandWords.For([Languages.BotLanguages.Spanish, Languages.BotLanguages.Romanian]);

    /// <summary>The command in typed text, in English or the turn's languages (<see cref="CommandWords.Current"/>). Text that is no command is an <see cref="AnswerCommand"/>.</summary>
    public static Command Parse(string text) => Parse(text, CommandWords.Current);

    /// <summary>The command in typed text, read with <paramref name="words"/>. Text that is no command is an <see cref="AnswerCommand"/>.</summary>
    public static Command Parse(string text, CommandWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var trimmed = (text ?? string.Empty).Trim();
        if (LanguageInAnyWords(trimmed) is { } language)
        {
            return language;
        }

        if (words.Lead(trimmed, WordKeys.Openers) is not var (key, rest))
        {
            // A kind written as one hyphenated word ("bright-spot 3 | …"), as the cards' data names it.
            var (first, afterFirst) = SplitFirstWord(trimmed);
            return first.Contains('-', StringComparison.Ordinal) && Vocabulary.ParseKind(first) is { } hyphenated
                ? ParseItem(hyphenated, afterFirst)
                : new AnswerCommand(trimmed);
        }

        // Words that are whole commands only when said alone: "Help first-time runners…" is an answer.
        if (rest.Length == 0 && Bare(key) is { } bare)
        {
            return bare;
        }

        return key switch
        {
            nameof(Strings.CommandWordsStart) => new StartCommand(rest),
            nameof(Strings.CommandWordsOpen) => new OpenCommand(rest),
            nameof(Strings.CommandWordsFuture) => new FutureCommand(rest),
            nameof(Strings.CommandWordsDepartment) => new DepartmentCommand(rest),
            nameof(Strings.CommandWordsDepartments) => new DepartmentsCommand(SplitList(rest)),
            nameof(Strings.CommandWordsVote) => new VoteCommand(SplitIds(rest)),
            nameof(Strings.CommandWordsEdit) => ParseEdit(rest),
            nameof(Strings.CommandWordsRemove) => ParseRemove(rest, words),
            nameof(Strings.CommandWordsStages) => ParseStages(rest, words),
            nameof(Strings.CommandWordsTemplate) => new StagesCommand(new UseTemplate(rest)),
            nameof(Strings.CommandWordsExpects) => ParseStageDetail(rest, expects: true),
            nameof(Strings.CommandWordsMovesOn) => ParseStageDetail(rest, expects: false),
            // "save stages Retail" lacks the "as" that says a name follows: it asks for the name.
            nameof(Strings.CommandWordsSaveStagesAs) => new SaveStagesCommand(words.LeadsWithLongest(trimmed, key) ? rest : string.Empty),
            nameof(Strings.CommandWordsRename) => ParseRename(rest, words) ?? (Command)new UnknownCommand(trimmed),
            nameof(Strings.CommandWordsAdd) => ParseAdd(rest, words) ?? (Command)new UnknownCommand(trimmed),
            nameof(Strings.CommandWordsTracker) => new TrackerCommand(rest),
            nameof(Strings.CommandWordsReview) => ParseReview(rest, words) ?? (Command)new AnswerCommand(trimmed),
            nameof(Strings.CommandWordsTruth) => words.After(rest, nameof(Strings.CommandWordsOff)) is { } touchpoint
                ? new TruthCommand(touchpoint, On: false)
                : new TruthCommand(rest, On: true),
            nameof(Strings.CommandWordsAct) => ParseAct(rest, words) ?? (Command)new UnknownCommand(trimmed),
            nameof(Strings.CommandWordsPark) => ParsePark(rest) ?? (Command)new UnknownCommand(trimmed),
            nameof(Strings.CommandWordsMove) => ParseMove(rest, words)
                ?? (rest.Length == 0 || IsStageEdit(rest, words) ? (Command)new UnknownCommand(trimmed) : new MoveMapCommand(rest)),
            nameof(Strings.CommandWordsLanguage) => new LanguageCommand(rest),
            _ when Vocabulary.KindOfKey(key) is { } kind => ParseItem(kind, rest),
            // A command said alone that takes words after it ("park", "expects"): talk, as before.
            _ => new AnswerCommand(trimmed),
        };
    }

    // "idioma es" is understood whatever the member's Teams speaks: the way to the team's language must
    // not need that language's words already. Only with a language named (or alone), so "Idioma del
    // cliente…" stays an answer.
    private static LanguageCommand? LanguageInAnyWords(string text) =>
        EveryLanguage.After(text, nameof(Strings.CommandWordsLanguage)) is { } chosen
        && (chosen.Length == 0 || Languages.BotLanguages.FromWord(chosen) is not null)
            ? new LanguageCommand(chosen)
            : null;

    private static Command? Bare(string key) => key switch
    {
        nameof(Strings.CommandWordsHelp) => new HelpCommand(),
        nameof(Strings.CommandWordsStatus) => new StatusCommand(),
        nameof(Strings.CommandWordsMaps) => new ListMapsCommand(),
        nameof(Strings.CommandWordsVersions) => new VersionsCommand(),
        nameof(Strings.CommandWordsDemo) => new DemoCommand(),
        nameof(Strings.CommandWordsArchive) => new ArchiveCommand(),
        nameof(Strings.CommandWordsNext) => new NextCommand(),
        nameof(Strings.CommandWordsBack) => new BackCommand(),
        nameof(Strings.CommandWordsCancel) => new CancelCommand(),
        nameof(Strings.CommandWordsPublish) => new PublishCommand(),
        nameof(Strings.CommandWordsUndo) => new UndoCommand(),
        nameof(Strings.CommandWordsTemplate) => new StagesCommand(new UseTemplate()),
        nameof(Strings.CommandWordsTemplates) => new TemplatesCommand(),
        nameof(Strings.CommandWordsAsk) => new AskCommand(),
        nameof(Strings.CommandWordsValidate) => new ValidateCommand(),
        nameof(Strings.CommandWordsMute) => new MuteCommand(),
        nameof(Strings.CommandWordsUnmute) => new UnmuteCommand(),
        _ => null,
    };

    /// <summary>The command of a card button, from its verb and values.</summary>
    public static Command FromCard(CardSubmit submit)
    {
        ArgumentNullException.ThrowIfNull(submit);
        return submit.Verb switch
        {
            CardVerbs.Answer => new AnswerCommand(submit["answer"] ?? string.Empty),
            CardVerbs.Next => new NextCommand(),
            CardVerbs.Back => new BackCommand(),
            CardVerbs.Template => new StagesCommand(new UseTemplate(submit[CardVerbs.TemplateKey])),
            CardVerbs.StageDetails => StageDetailsFromCard(submit),
            CardVerbs.SetStages => new StagesCommand(new SetStages(SplitList(submit["stages"] ?? string.Empty), StageDetailsFromCard(submit).Details)),
            CardVerbs.Add => Contribution.FromCard(submit),
            CardVerbs.SetEvidence => new SetEvidenceCommand(submit[CardVerbs.ItemKey] ?? string.Empty, submit[CardVerbs.EvidenceKey] ?? string.Empty),
            CardVerbs.UnsaidEvidence => new UnsaidEvidenceCommand(),
            CardVerbs.Vote => new VoteCommand(SplitIds(submit["votes"] ?? string.Empty)),
            CardVerbs.Publish => new PublishCommand(),
            CardVerbs.Department => new DepartmentCommand(submit["department"] ?? string.Empty),
            CardVerbs.StartArchiving => new StartCommand(submit["name"] ?? string.Empty, ArchiveCurrent: true),
            CardVerbs.Status => new StatusCommand(),
            CardVerbs.Progress => new ProgressCommand(),
            CardVerbs.MapCard => new RefreshMapCardCommand(submit[CardVerbs.MapKey] ?? string.Empty,
                int.TryParse(submit[CardVerbs.VersionKey], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0,
                submit[CardVerbs.IntroKey] == CardVerbs.IntroStatus ? Cards.MapCardIntro.Status : Cards.MapCardIntro.Published),
            CardVerbs.Ask => new AskCommand(),
            CardVerbs.SendRound => new SendRoundCommand(submit),
            CardVerbs.DropRound => new DropRoundCommand(),
            CardVerbs.SendValidation => new SendValidationCommand(submit),
            CardVerbs.RemapStage => new RemapStageCommand(submit[CardVerbs.StageKey] ?? string.Empty),
            CardVerbs.DeleteMaps => new ConfirmDeleteCommand(submit[CardVerbs.DeleteKey] ?? string.Empty),
            CardVerbs.KeepMaps => new KeepMapsCommand(),
            CardVerbs.ChoosePlan => new ChoosePlanCommand(submit[CardVerbs.PlanKey] ?? string.Empty),
            CardVerbs.SendToPlanner => new SendToPlannerCommand(
                submit[CardVerbs.TeamKey] ?? string.Empty, submit[CardVerbs.MapKey] ?? string.Empty, submit[CardVerbs.SendActionKey] ?? string.Empty),
            CardVerbs.ActionForm => new ActionFormCommand(submit[CardVerbs.OpportunityKey] ?? string.Empty),
            CardVerbs.MakeAction => ActionInput.FromForm(submit),
            CardVerbs.ShowReview => new ReviewCardCommand(),
            _ => new UnknownCommand(string.Empty),
        };
    }

    // review every 30 days | review off; "Review our onboarding…" stays an answer.
    private static ReviewCommand? ParseReview(string rest, CommandWords words)
    {
        if (words.Is(rest, nameof(Strings.CommandWordsOff)))
        {
            return new ReviewCommand(null, Off: true);
        }

        if (words.After(rest, nameof(Strings.CommandWordsEvery)) is not { } count)
        {
            return null;
        }

        var (number, unit) = SplitFirstWord(count);
        var isDays = unit.Length == 0 || words.Is(unit, nameof(Strings.CommandWordsDays));
        return new ReviewCommand(isDays && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null);
    }

    private static StagesCommand ParseStages(string rest, CommandWords words)
    {
        var list = rest.TrimStart(':').Trim();
        if (words.After(list, nameof(Strings.CommandWordsTemplate)) is { } template)
        {
            return new StagesCommand(new UseTemplate(template));
        }

        return new StagesCommand(new SetStages(SplitList(list)));
    }

    private static EditItemCommand ParseEdit(string rest)
    {
        var (id, newText) = SplitFirstWord(rest);
        return new EditItemCommand(id, newText);
    }

    private static ParkCommand? ParsePark(string rest)
    {
        var (parked, reason) = SplitFirstWord(rest);
        return parked.Length == 0 ? null : new ParkCommand(parked, reason);
    }

    // remove <id> | remove stage <stage> | delete template <name> | delete map <name> | delete all maps.
    private static Command ParseRemove(string rest, CommandWords words)
    {
        if (words.After(rest, nameof(Strings.CommandWordsAllMaps)) is { Length: 0 })
        {
            return new DeleteMapsCommand(string.Empty, All: true);
        }

        // An item id is one word, so "delete map Shoes" names a map, and "remove map" alone an item called "map".
        if (words.After(rest, nameof(Strings.CommandWordsMap)) is { Length: > 0 } map)
        {
            return new DeleteMapsCommand(map);
        }

        if (words.After(rest, nameof(Strings.CommandWordsTemplate)) is { } template)
        {
            return new DeleteTemplateCommand(template);
        }

        return words.After(rest, nameof(Strings.CommandWordsStage)) is { } stage
            ? new StagesCommand(new RemoveStage(stage))
            : new RemoveItemCommand(rest);
    }

    // expects <stage> | <text>, moves on <stage> | <text>: one detail of one stage, its text required.
    private static StageDetailsCommand ParseStageDetail(string rest, bool expects)
    {
        var bar = rest.IndexOf('|', StringComparison.Ordinal);
        var (stage, text) = bar < 0 ? (rest.Trim(), string.Empty) : (rest[..bar].Trim(), rest[(bar + 1)..].Trim());
        return new StageDetailsCommand([new StageDetailInput(stage, expects ? text : null, expects ? null : text)], Typed: true);
    }

    // The stages card's fields, two per stage (CardVerbs.ExpectsKey and MovesOnKey with the stage's id); an emptied field clears.
    private static StageDetailsCommand StageDetailsFromCard(CardSubmit submit)
    {
        var stages = submit.Values.Keys
            .Select(k => k.StartsWith(CardVerbs.ExpectsKey, StringComparison.Ordinal) ? k[CardVerbs.ExpectsKey.Length..]
                : k.StartsWith(CardVerbs.MovesOnKey, StringComparison.Ordinal) ? k[CardVerbs.MovesOnKey.Length..] : null)
            .OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        string? Field(string key) => submit.Values.TryGetValue(key, out var value) ? value.Trim() : null;
        return new StageDetailsCommand(
            [.. stages.Select(id => new StageDetailInput(id, Field(CardVerbs.ExpectsKey + id), Field(CardVerbs.MovesOnKey + id)))], Typed: false);
    }

    // rename stage <stage> to <name>: either may hold the joining word ("Compra a Ir a la tienda"), so every
    // split is kept and the stage edit takes the one whose left side names a stage of the map.
    private static StagesCommand? ParseRename(string rest, CommandWords words) =>
        words.After(rest, nameof(Strings.CommandWordsStage)) is { } target && words.SplitsAt(target, nameof(Strings.CommandWordsTo)) is { Count: > 0 } splits
            ? new StagesCommand(new RenameStage([.. splits.Select(s => new StageRenaming(s.Before, s.After))]))
            : null;

    // add stage <name> [at <n>]
    private static StagesCommand? ParseAdd(string rest, CommandWords words)
    {
        if (words.After(rest, nameof(Strings.CommandWordsStage)) is not { } target)
        {
            return null;
        }

        if (words.SplitAtLast(target, nameof(Strings.CommandWordsAt)) is var (name, at)
            && int.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return new StagesCommand(new AddStage(name, position));
        }

        return new StagesCommand(new AddStage(target, null));
    }

    // move stage <stage> to <n>
    private static StagesCommand? ParseMove(string rest, CommandWords words) =>
        words.After(rest, nameof(Strings.CommandWordsStage)) is { } target
            && words.SplitAtLast(target, nameof(Strings.CommandWordsTo)) is var (stage, to)
            && int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? new StagesCommand(new MoveStage(stage, position))
            : null;

    // act <id> <owner> by <date> [| <measure>]: the owner is whatever stands between the id and the last "by".
    private static ActCommand? ParseAct(string rest, CommandWords words)
    {
        var bar = rest.IndexOf('|', StringComparison.Ordinal);
        var (head, measure) = bar < 0 ? (rest, null) : (rest[..bar].Trim(), rest[(bar + 1)..].Trim());
        var (id, said) = SplitFirstWord(head);
        if (id.Length == 0)
        {
            return null;
        }

        // "act k3f9q by 2027-03-01" (no owner) reads as well: "by" may open what follows the id.
        var (owner, due) = words.SplitAtLast(said, nameof(Strings.CommandWordsBy), mayLead: true) is var (before, after) ? (before, after) : (said, null);
        return new ActCommand(id, owner.Length == 0 ? null : owner, due, string.IsNullOrEmpty(measure) ? null : ActionInput.ReadMeasure(measure));
    }

    // "move stage …" that did not parse is a stage edit gone wrong, not a map called "stage …".
    private static bool IsStageEdit(string rest, CommandWords words) => words.After(rest, nameof(Strings.CommandWordsStage)) is not null;

    // <kind> <stage> | … : the parts after the stage depend on the kind.
    private static AddItemCommand ParseItem(ItemKind kind, string rest)
    {
        var parts = rest.Split('|', StringSplitOptions.TrimEntries);
        string? Part(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        return kind switch
        {
            ItemKind.Touchpoint => new AddItemCommand(kind, Part(0), Part(2), Part(1), null, null, Part(3)),
            ItemKind.Emotion => new AddItemCommand(kind, Part(0), Part(2), null, Part(1), null, Part(3)),
            ItemKind.Opportunity => new AddItemCommand(kind, Part(0), Part(1), null, null, Part(2), Part(3)),
            // Goal, action, pain point, thought, bright spot: stage | text | evidence.
            _ => new AddItemCommand(kind, Part(0), Part(1), null, null, null, Part(2)),
        };
    }

    private static (string Word, string Remainder) SplitFirstWord(string text)
    {
        var space = text.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (text, string.Empty) : (text[..space], text[(space + 1)..].Trim());
    }

    /// <summary>A typed list (commas, semicolons or lines) as its trimmed, non-empty entries.</summary>
    internal static List<string> SplitList(string text) =>
        [.. text.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static List<string> SplitIds(string text) =>
        [.. text.Split([' ', ',', ';', '\n', '#'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
