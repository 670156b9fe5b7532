using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow;

/// <summary>What a member asked for, typed or from a card.</summary>
public abstract record Command;

/// <summary><c>help</c>.</summary>
public sealed record HelpCommand : Command;

/// <summary><c>status</c>.</summary>
public sealed record StatusCommand : Command;

/// <summary>The progress card asks for its latest state.</summary>
public sealed record ProgressCommand : Command;

/// <summary><c>maps</c>: the team's maps.</summary>
public sealed record ListMapsCommand : Command;

/// <summary><c>start &lt;name&gt;</c>; <paramref name="ArchiveCurrent"/> when the member agreed to archive the active map.</summary>
public sealed record StartCommand(string Name, bool ArchiveCurrent = false, bool Example = false) : Command;

/// <summary><c>demo</c>: build and publish the example map.</summary>
public sealed record DemoCommand : Command;

/// <summary><c>open &lt;name&gt;</c>.</summary>
public sealed record OpenCommand(string Name) : Command;

/// <summary><c>archive</c>: put the conversation's active map on the shelf.</summary>
public sealed record ArchiveCommand : Command;

/// <summary><c>next</c> / <c>skip</c>.</summary>
public sealed record NextCommand : Command;

/// <summary><c>back</c>.</summary>
public sealed record BackCommand : Command;

/// <summary><c>cancel</c>.</summary>
public sealed record CancelCommand : Command;

/// <summary><c>publish</c>.</summary>
public sealed record PublishCommand : Command;

/// <summary><c>undo</c>: remove your last item.</summary>
public sealed record UndoCommand : Command;

/// <summary><c>remove &lt;id&gt;</c>.</summary>
public sealed record RemoveItemCommand(string ItemId) : Command;

/// <summary><c>edit &lt;id&gt; &lt;text&gt;</c>.</summary>
public sealed record EditItemCommand(string ItemId, string Text) : Command;

/// <summary><c>department &lt;name&gt;</c>.</summary>
public sealed record DepartmentCommand(string Department) : Command;

/// <summary><c>vote &lt;id&gt; …</c>: the member's whole set of votes.</summary>
public sealed record VoteCommand(IReadOnlyList<string> ItemIds) : Command;

/// <summary>An answer to the current setup step (objective, persona, start, end), typed or from its card.</summary>
/// <param name="Text">The answer.</param>
/// <param name="CardStep">The step of the card it came from; null when typed.</param>
/// <param name="CardMapId">The map of the card it came from; null when typed.</param>
public sealed record AnswerCommand(string Text, MapStep? CardStep = null, string? CardMapId = null) : Command;

/// <summary>Stage editing: the template, a whole list, rename, add, remove, move.</summary>
public sealed record StagesCommand(StageEdit Edit) : Command;

/// <summary>A contribution; fields are as given, validated when applied.</summary>
public sealed record AddItemCommand(ItemKind? Kind, string? Stage, string? Text, string? Channel, string? Score, string? Owner, string? Evidence) : Command;

/// <summary>Anything the bot does not understand.</summary>
/// <param name="Text">What was said (never logged above Debug).</param>
public sealed record UnknownCommand(string Text) : Command;

/// <summary>A change to the list of stages.</summary>
public abstract record StageEdit;

/// <summary>Use the five-stage template.</summary>
public sealed record UseTemplate : StageEdit;

/// <summary>Replace the list with these names.</summary>
public sealed record SetStages(IReadOnlyList<string> Names) : StageEdit;

/// <summary>Rename a stage (by number or name).</summary>
public sealed record RenameStage(string Stage, string NewName) : StageEdit;

/// <summary>Add a stage, at a 1-based position or at the end.</summary>
public sealed record AddStage(string Name, int? Position) : StageEdit;

/// <summary>Remove a stage (by number or name).</summary>
public sealed record RemoveStage(string Stage) : StageEdit;

/// <summary>Move a stage to a 1-based position.</summary>
public sealed record MoveStage(string Stage, int Position) : StageEdit;
