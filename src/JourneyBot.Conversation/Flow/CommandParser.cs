using System.Globalization;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>Reads what a member typed, or which card button they pressed, as a <see cref="Command"/>.</summary>
internal static class CommandParser
{
    private static readonly char[] ListSeparators = [',', ';', '\n'];

    /// <summary>The command in typed text. Text that is no command is an <see cref="AnswerCommand"/>.</summary>
    public static Command Parse(string text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        var (word, rest) = SplitFirstWord(trimmed);

        // Words that are whole commands only when said alone: "Help first-time runners…" is an answer.
        if (rest.Length == 0 && Bare(word) is { } bare)
        {
            return bare;
        }

        switch (word.ToUpperInvariant())
        {
            case "START" or "NEW":
                return new StartCommand(rest);
            case "OPEN" or "RESUME":
                return new OpenCommand(rest);
            case "FUTURE":
                return new FutureCommand(rest);
            case "DEPARTMENT" or "DEPT":
                return new DepartmentCommand(rest);
            case "DEPARTMENTS" or "DEPARTMENTS:":
                return new DepartmentsCommand(SplitList(rest));
            case "VOTE" or "VOTES":
                return new VoteCommand(SplitIds(rest));
            case "EDIT":
                var (id, newText) = SplitFirstWord(rest);
                return new EditItemCommand(id, newText);
            case "REMOVE" or "DELETE":
                var (what, target) = SplitFirstWord(rest);
                if (ParseDeleteMaps(what, target) is { } deleteMaps)
                {
                    return deleteMaps;
                }

                if (what.Equals("template", StringComparison.OrdinalIgnoreCase))
                {
                    return new DeleteTemplateCommand(target);
                }

                return what.Equals("stage", StringComparison.OrdinalIgnoreCase)
                    ? new StagesCommand(new RemoveStage(target))
                    : new RemoveItemCommand(rest);
            case "STAGES" or "STAGES:":
                return ParseStages(rest);
            case "TEMPLATE":
                return new StagesCommand(new UseTemplate(rest));
            case "EXPECTS" or "EXPECT":
                return ParseStageDetail(rest, expects: true);
            case "MOVES" when FollowedBy(rest, "on") is { } movesOn:
                return ParseStageDetail(FollowedBy(movesOn, "when") ?? movesOn, expects: false);
            case "SAVE" when FollowedBy(rest, "stages") is { } saved:
                return new SaveStagesCommand(FollowedBy(saved, "as") ?? string.Empty);
            case "RENAME":
                return ParseRename(rest) ?? (Command)new UnknownCommand(trimmed);
            case "ADD":
                return ParseAdd(rest) ?? (Command)new UnknownCommand(trimmed);
            case "TRACKER":
                return new TrackerCommand(rest);
            case "REVIEW" when ParseReview(rest) is { } review:
                return review;
            case "TRUTH":
                var (off, touchpoint) = SplitFirstWord(rest);
                return off.Equals("off", StringComparison.OrdinalIgnoreCase) ? new TruthCommand(touchpoint, On: false) : new TruthCommand(rest, On: true);
            case "ACT":
                return ParseAct(rest) ?? (Command)new UnknownCommand(trimmed);
            case "PARK":
                var (parked, reason) = SplitFirstWord(rest);
                return parked.Length == 0 ? new UnknownCommand(trimmed) : new ParkCommand(parked, reason);
            case "MOVE":
                return ParseMove(rest) ?? (rest.Length == 0 || IsStageEdit(rest) ? (Command)new UnknownCommand(trimmed) : new MoveMapCommand(rest));
            default:
                break;
        }

        // "pain point Purchase | …" has a two-word keyword.
        if (word.Equals("pain", StringComparison.OrdinalIgnoreCase) && rest.StartsWith("point", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest["point".Length..].TrimStart();
        }

        // So has "bright spot Purchase | …"; "bright" alone is talk ("Bright idea").
        if (word.Equals("bright", StringComparison.OrdinalIgnoreCase))
        {
            var (second, afterSpot) = SplitFirstWord(rest);
            return second.Equals("spot", StringComparison.OrdinalIgnoreCase) ? ParseItem(ItemKind.BrightSpot, afterSpot) : new AnswerCommand(trimmed);
        }

        return Vocabulary.ParseKind(word) is { } kind ? ParseItem(kind, rest) : new AnswerCommand(trimmed);
    }

    private static Command? Bare(string word) => word.ToUpperInvariant() switch
    {
        "HELP" or "?" => new HelpCommand(),
        "STATUS" => new StatusCommand(),
        "MAPS" => new ListMapsCommand(),
        "VERSIONS" => new VersionsCommand(),
        "DEMO" or "EXAMPLE" => new DemoCommand(),
        "ARCHIVE" => new ArchiveCommand(),
        "NEXT" or "SKIP" or "CONTINUE" => new NextCommand(),
        "BACK" or "PREVIOUS" => new BackCommand(),
        "CANCEL" => new CancelCommand(),
        "PUBLISH" => new PublishCommand(),
        "UNDO" => new UndoCommand(),
        "TEMPLATE" => new StagesCommand(new UseTemplate()),
        "TEMPLATES" => new TemplatesCommand(),
        "ASK" => new AskCommand(),
        "VALIDATE" => new ValidateCommand(),
        "MUTE" => new MuteCommand(),
        "UNMUTE" => new UnmuteCommand(),
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
    private static ReviewCommand? ParseReview(string rest)
    {
        if (rest.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return new ReviewCommand(null, Off: true);
        }

        var (every, count) = SplitFirstWord(rest);
        if (!every.Equals("every", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var (number, unit) = SplitFirstWord(count);
        var isDays = unit.Length == 0 || unit.Equals("days", StringComparison.OrdinalIgnoreCase) || unit.Equals("day", StringComparison.OrdinalIgnoreCase);
        return new ReviewCommand(isDays && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : null);
    }

    private static StagesCommand ParseStages(string rest)
    {
        var list = rest.TrimStart(':').Trim();
        if (FollowedBy(list, "template") is { } template)
        {
            return new StagesCommand(new UseTemplate(template));
        }

        return new StagesCommand(new SetStages(SplitList(list)));
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

    // What follows the text's first word when that word is <word> ("stages as Retail" after "stages": "as Retail"); else null.
    private static string? FollowedBy(string text, string word)
    {
        var (first, remainder) = SplitFirstWord(text);
        return first.Equals(word, StringComparison.OrdinalIgnoreCase) ? remainder : null;
    }

    // delete map <name> | delete all maps: an item id is one word, so neither reads as one.
    private static DeleteMapsCommand? ParseDeleteMaps(string what, string target)
    {
        if (what.Equals("map", StringComparison.OrdinalIgnoreCase) && target.Length > 0)
        {
            return new DeleteMapsCommand(target);
        }

        return what.Equals("all", StringComparison.OrdinalIgnoreCase) && target.Equals("maps", StringComparison.OrdinalIgnoreCase)
            ? new DeleteMapsCommand(string.Empty, All: true)
            : null;
    }

    // rename stage <stage> to <name>
    private static StagesCommand? ParseRename(string rest)
    {
        var (what, target) = SplitFirstWord(rest);
        var at = target.LastIndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        return what.Equals("stage", StringComparison.OrdinalIgnoreCase) && at > 0
            ? new StagesCommand(new RenameStage(target[..at].Trim(), target[(at + 4)..].Trim()))
            : null;
    }

    // add stage <name> [at <n>]
    private static StagesCommand? ParseAdd(string rest)
    {
        var (what, target) = SplitFirstWord(rest);
        if (!what.Equals("stage", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var at = target.LastIndexOf(" at ", StringComparison.OrdinalIgnoreCase);
        if (at > 0 && int.TryParse(target[(at + 4)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return new StagesCommand(new AddStage(target[..at].Trim(), position));
        }

        return new StagesCommand(new AddStage(target, null));
    }

    // move stage <stage> to <n>
    private static StagesCommand? ParseMove(string rest)
    {
        var (what, target) = SplitFirstWord(rest);
        var at = target.LastIndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        return what.Equals("stage", StringComparison.OrdinalIgnoreCase) && at > 0
            && int.TryParse(target[(at + 4)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? new StagesCommand(new MoveStage(target[..at].Trim(), position))
            : null;
    }

    // act <id> <owner> by <date> [| <measure>]: the owner is whatever stands between the id and the last " by ".
    private static ActCommand? ParseAct(string rest)
    {
        var bar = rest.IndexOf('|', StringComparison.Ordinal);
        var (head, measure) = bar < 0 ? (rest, null) : (rest[..bar].Trim(), rest[(bar + 1)..].Trim());
        var (id, said) = SplitFirstWord(head);
        if (id.Length == 0)
        {
            return null;
        }

        // A leading space lets "act k3f9q by 2027-03-01" (no owner) read as well.
        var spaced = " " + said;
        var by = spaced.LastIndexOf(" by ", StringComparison.OrdinalIgnoreCase);
        var (owner, due) = by < 0 ? (said, null) : (spaced[..by].Trim(), spaced[(by + 4)..].Trim());
        return new ActCommand(id, owner.Length == 0 ? null : owner, due, string.IsNullOrEmpty(measure) ? null : ActionInput.ReadMeasure(measure));
    }

    // "move stage …" that did not parse is a stage edit gone wrong, not a map called "stage …".
    private static bool IsStageEdit(string rest) => SplitFirstWord(rest).Word.Equals("stage", StringComparison.OrdinalIgnoreCase);

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
