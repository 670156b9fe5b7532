using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>What a member asked for, typed or from a card.</summary>
internal abstract record Command;

/// <summary><c>help</c>.</summary>
internal sealed record HelpCommand : Command;

/// <summary><c>status</c>.</summary>
internal sealed record StatusCommand : Command;

/// <summary>The progress card asks for its latest state.</summary>
internal sealed record ProgressCommand : Command;

/// <summary>A published map's card asks for itself again: version <paramref name="Version"/> of map <paramref name="MapId"/>, with the latest actions.</summary>
internal sealed record RefreshMapCardCommand(string MapId, int Version, Cards.MapCardIntro Intro) : Command;

/// <summary><c>maps</c>: the maps of this conversation.</summary>
internal sealed record ListMapsCommand : Command;

/// <summary><c>versions</c>: the published versions of the map here.</summary>
internal sealed record VersionsCommand : Command;

/// <summary><c>start &lt;name&gt;</c>; <paramref name="ArchiveCurrent"/> when the member agreed to archive the active map.</summary>
internal sealed record StartCommand(string Name, bool ArchiveCurrent = false, bool Example = false) : Command;

/// <summary><c>demo</c>: build and publish the example map.</summary>
internal sealed record DemoCommand : Command;

/// <summary><c>open &lt;name&gt;</c>.</summary>
internal sealed record OpenCommand(string Name) : Command;

/// <summary><c>future [name]</c>: start the future state of the published map held here; an empty name takes the default.</summary>
internal sealed record FutureCommand(string Name) : Command;

/// <summary><c>move &lt;name&gt;</c>: the facilitator brings a map of theirs from another conversation of the team here.</summary>
internal sealed record MoveMapCommand(string Name) : Command;

/// <summary><c>archive</c>: put the conversation's active map on the shelf.</summary>
internal sealed record ArchiveCommand : Command;

/// <summary>
/// <c>delete map &lt;name&gt;</c> (<paramref name="Name"/>) or <c>delete all maps</c> (<paramref name="All"/>):
/// asks the facilitator to confirm on a card first.
/// </summary>
internal sealed record DeleteMapsCommand(string Name, bool All = false) : Command;

/// <summary>The confirmation card's Delete: <paramref name="Target"/> is a map id, or <see cref="CardVerbs.AllMaps"/>.</summary>
internal sealed record ConfirmDeleteCommand(string Target) : Command;

/// <summary>The confirmation card's Keep: nothing is deleted.</summary>
internal sealed record KeepMapsCommand : Command;

/// <summary><c>next</c> / <c>skip</c>.</summary>
internal sealed record NextCommand : Command;

/// <summary><c>back</c>.</summary>
internal sealed record BackCommand : Command;

/// <summary><c>cancel</c>.</summary>
internal sealed record CancelCommand : Command;

/// <summary><c>publish</c>.</summary>
internal sealed record PublishCommand : Command;

/// <summary><c>undo</c>: remove your last item.</summary>
internal sealed record UndoCommand : Command;

/// <summary><c>remove &lt;id&gt;</c>.</summary>
internal sealed record RemoveItemCommand(string ItemId) : Command;

/// <summary><c>edit &lt;id&gt; &lt;text&gt;</c>.</summary>
internal sealed record EditItemCommand(string ItemId, string Text) : Command;

/// <summary>
/// <c>truth &lt;id&gt;</c> (<paramref name="On"/>) or <c>truth off &lt;id&gt;</c>: mark a touchpoint as one of the map's
/// moments of truth, or unmark it; <c>truth</c> alone (an empty <paramref name="ItemId"/>) lists them.
/// </summary>
internal sealed record TruthCommand(string ItemId, bool On) : Command;

/// <summary><c>department &lt;name&gt;</c>.</summary>
internal sealed record DepartmentCommand(string Department) : Command;

/// <summary><c>mute</c>: no more reminders for the member until <c>unmute</c>.</summary>
internal sealed record MuteCommand : Command;

/// <summary><c>unmute</c>: reminders again.</summary>
internal sealed record UnmuteCommand : Command;

/// <summary><c>language es|ro|en</c> (or <c>español</c>, <c>română</c>…): the language of the team's posts; alone, which it is.</summary>
internal sealed record LanguageCommand(string Language) : Command;

/// <summary><c>vote &lt;id&gt; …</c>: the member's whole set of votes.</summary>
internal sealed record VoteCommand(IReadOnlyList<string> ItemIds) : Command;

/// <summary>
/// <c>act &lt;opportunity id&gt; @person by &lt;date&gt; | &lt;measure&gt;</c>, or the action form's submit: make a
/// top-voted opportunity an action with an owner. Fields are as given, checked when applied.
/// </summary>
/// <param name="OpportunityId">The opportunity's id as given (its short id or more).</param>
/// <param name="Owner">Typed: the mention or name of the owner; from the form: the chosen person's id (see <paramref name="OwnerById"/>).</param>
/// <param name="Due">The due date as given.</param>
/// <param name="Measure">The success measure as given, if any.</param>
/// <param name="OwnerDepartment">The owner's department as given on the form; null: the one the team knows.</param>
/// <param name="OwnerById">Whether <paramref name="Owner"/> is an id (the form's picker) rather than a mention or name.</param>
internal sealed record ActCommand(string OpportunityId, string? Owner, string? Due, MeasureInput? Measure,
    string? OwnerDepartment = null, bool OwnerById = false) : Command;

/// <summary>A success measure as given: typed "name: baseline → target", or the form's three fields.</summary>
internal sealed record MeasureInput(string? Name, string? Baseline, string? Target);

/// <summary><c>park &lt;opportunity id&gt; &lt;reason&gt;</c>: not acted on now, for a reason publishing accepts.</summary>
internal sealed record ParkCommand(string OpportunityId, string Reason) : Command;

/// <summary>"Make it an action" on the review card: the form for one opportunity.</summary>
internal sealed record ActionFormCommand(string OpportunityId) : Command;

/// <summary>The action form's "Back to the review": the review card again.</summary>
internal sealed record ReviewCardCommand : Command;

/// <summary>An answer to the current setup step (objective, persona, start, end), typed or from its card.</summary>
/// <param name="Text">The answer.</param>
/// <param name="CardStep">The step of the card it came from; null when typed.</param>
/// <param name="CardMapId">The map of the card it came from; null when typed.</param>
internal sealed record AnswerCommand(string Text, MapStep? CardStep = null, string? CardMapId = null) : Command;

/// <summary>Stage editing: the template, a whole list, rename, add, remove, move.</summary>
internal sealed record StagesCommand(StageEdit Edit) : Command;

/// <summary>
/// <c>expects &lt;stage&gt; | &lt;text&gt;</c>, <c>moves on &lt;stage&gt; | &lt;text&gt;</c>, or the stages card's
/// fields: what the customer expects in a stage, and the event that moves them on.
/// </summary>
/// <param name="Details">Per stage, as given.</param>
/// <param name="Typed">Typed (one detail, its text required) rather than the card's fields (an emptied field clears).</param>
internal sealed record StageDetailsCommand(IReadOnlyList<StageDetailInput> Details, bool Typed) : Command;

/// <summary>One stage's details as given: the stage by number, id or name; null leaves a detail as it is.</summary>
internal sealed record StageDetailInput(string Stage, string? Expects, string? MovesOnWhen);

/// <summary><c>templates</c>: the stage templates the team can start from, its own first.</summary>
internal sealed record TemplatesCommand : Command;

/// <summary><c>save stages as &lt;name&gt;</c>: keep the map's stages as one of the team's templates.</summary>
internal sealed record SaveStagesCommand(string Name) : Command;

/// <summary><c>delete template &lt;name&gt;</c>: remove one of the team's templates.</summary>
internal sealed record DeleteTemplateCommand(string Name) : Command;

/// <summary>A contribution; fields are as given, validated when applied.</summary>
internal sealed record AddItemCommand(ItemKind? Kind, string? Stage, string? Text, string? Channel, string? Score, string? Owner, string? Evidence) : Command;

/// <summary>The author says how they know an item added without it (the buttons of <see cref="Cards.EvidenceCards.Ask"/>).</summary>
/// <param name="ItemId">The item's full id.</param>
/// <param name="Evidence">observed, reported or assumed.</param>
internal sealed record SetEvidenceCommand(string ItemId, string Evidence) : Command;

/// <summary>The presser's items typed without saying how they know them, to answer together (the progress card's button).</summary>
internal sealed record UnsaidEvidenceCommand : Command;

/// <summary>Open the routing card of a round of questions (<c>ask</c>).</summary>
internal sealed record AskCommand : Command;

/// <summary>Send the round the routing card describes; <paramref name="Card"/> holds its inputs.</summary>
internal sealed record SendRoundCommand(CardSubmit Card) : Command;

/// <summary>Close the routing card without sending it.</summary>
internal sealed record DropRoundCommand : Command;

/// <summary>The facilitator's validation card: the most-voted assumed items and the departments to ask (<c>validate</c>).</summary>
internal sealed record ValidateCommand : Command;

/// <summary>Sends the validation round the facilitator's card describes.</summary>
internal sealed record SendValidationCommand(CardSubmit Card) : Command;

/// <summary>Open the routing card of a round about one stage only (the follow-up's "map this stage again?").</summary>
internal sealed record RemapStageCommand(string StageId) : Command;

/// <summary>Set the team's departments (<c>departments A, B, C</c>); an empty list shows them.</summary>
internal sealed record DepartmentsCommand(IReadOnlyList<string> Departments) : Command;

/// <summary>
/// <c>review every N days</c> (<paramref name="Days"/>; null when what followed "every" is no number) or
/// <c>review off</c> (<paramref name="Off"/>): the map's "Still true?" review.
/// </summary>
internal sealed record ReviewCommand(int? Days, bool Off = false) : Command;

/// <summary><c>tracker planner</c> (<paramref name="Which"/> <c>planner</c>), <c>tracker off</c>, or <c>tracker</c> alone (empty: which one the team uses).</summary>
internal sealed record TrackerCommand(string Which) : Command;

/// <summary>The tracker card's plan: use it for the team's actions.</summary>
internal sealed record ChoosePlanCommand(string PlanId) : Command;

/// <summary>Send to Planner: a task for action <paramref name="ActionId"/> of map <paramref name="MapId"/> in team <paramref name="TeamKey"/>.</summary>
internal sealed record SendToPlannerCommand(string TeamKey, string MapId, string ActionId) : Command;

/// <summary>Anything the bot does not understand.</summary>
/// <param name="Text">What was said (never logged above Debug).</param>
internal sealed record UnknownCommand(string Text) : Command;

/// <summary>A change to the list of stages.</summary>
internal abstract record StageEdit;

/// <summary>Use a template by name (the team's first, then the bot's); null: the five-stage one.</summary>
internal sealed record UseTemplate(string? Name = null) : StageEdit;

/// <summary>Use <paramref name="Template"/>, found for a <see cref="UseTemplate"/>.</summary>
internal sealed record ApplyTemplate(Stages.StageTemplate Template) : StageEdit;

/// <summary>Replace the list with these names.</summary>
/// <param name="Names">The stages, in order.</param>
/// <param name="Details">
/// From the stages card: its folded "expects" and "moves on when" fields (by stage id), applied to the stages
/// that stay, so that what was typed there is not lost by pressing "Save stages"; null when typed.
/// </param>
internal sealed record SetStages(IReadOnlyList<string> Names, IReadOnlyList<StageDetailInput>? Details = null) : StageEdit;

/// <summary>
/// Rename a stage (by number or name). Typed, the words may split in several places ("Buy to Go to the
/// store"): each reading, first to last; the edit takes the first whose stage the map has.
/// </summary>
internal sealed record RenameStage(IReadOnlyList<StageRenaming> Readings) : StageEdit
{
    /// <summary>Rename <paramref name="stage"/> to <paramref name="newName"/>: one reading.</summary>
    public RenameStage(string stage, string newName)
        : this([new StageRenaming(stage, newName)])
    {
    }
}

/// <summary>One reading of a typed rename: the stage named, and its new name.</summary>
internal sealed record StageRenaming(string Stage, string NewName);

/// <summary>Add a stage, at a 1-based position or at the end.</summary>
internal sealed record AddStage(string Name, int? Position) : StageEdit;

/// <summary>Remove a stage (by number or name).</summary>
internal sealed record RemoveStage(string Stage) : StageEdit;

/// <summary>Move a stage to a 1-based position.</summary>
internal sealed record MoveStage(string Stage, int Position) : StageEdit;
