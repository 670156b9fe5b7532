using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Flow.Routing;

/// <summary>Handles one kind of command.</summary>
internal delegate Task<TurnOutcome> CommandHandler<in TCommand>(CommandTurn turn, TCommand command, CancellationToken cancellationToken)
    where TCommand : Command;

/// <summary>
/// Everything that decides how one kind of command is served, in one place: its handler and its
/// traits. <see cref="JourneyConversation"/> applies the traits in a fixed order (read the map,
/// refuse when there is none or it is finished, refuse anyone but the facilitator, refuse at the
/// wrong step) before the handler runs, so a handler holds only what is particular to it.
/// </summary>
internal abstract record CommandRoute
{
    /// <summary>The command type served.</summary>
    public abstract Type CommandType { get; }

    /// <summary>What the command needs of the conversation's map.</summary>
    public MapUse Map { get; init; } = MapUse.Active;

    /// <summary>
    /// The answer when the conversation has no map and <see cref="Map"/> requires one; null: the
    /// usual "no map here yet". Texts are read when used, in the language of the turn.
    /// </summary>
    public Func<string>? WithoutMap { get; init; }

    /// <summary>
    /// When set, only the facilitator may give the command; the rest are told they can't do what
    /// this text says (e.g. "publish the map").
    /// </summary>
    public Func<string>? FacilitatorOnly { get; init; }

    /// <summary>When set, the steps at which the command is allowed, and what it answers at the others.</summary>
    public StepRule? AllowedAt { get; init; }

    /// <summary>
    /// Whether a copy of the map read moments ago may serve the command while contributions are
    /// open: true only for what adds to the map without steering the session, where a few
    /// seconds' lag cannot change the decision. Anything else is decided on the map as storage
    /// holds it now.
    /// </summary>
    public bool MayUseRecentCopy { get; init; }

    /// <summary>Whether the command changes what the map's living progress card shows.</summary>
    public bool ChangesProgress { get; init; }

    /// <summary>
    /// Whether typed text read as this command is the facilitator's answer to the open setup
    /// question instead ("Action-takers who…" is a persona, not an action).
    /// </summary>
    public bool MayBeSetupAnswer { get; init; }

    /// <summary>
    /// Whether the command is taken from an overheard message (one that does not mention the bot,
    /// see <see cref="UserTurn.Overheard"/>) in a conversation with an active map, and when: this
    /// says whether the message, read against that map, is meant for the bot. Null: never, for
    /// commands whose first word is an everyday word ("start", "remove", "department" …), whose
    /// free text talk could fill.
    /// </summary>
    public Func<Command, JourneyMap, bool>? Overheard { get; init; }

    /// <summary>Runs the handler.</summary>
    public abstract Task<TurnOutcome> HandleAsync(CommandTurn turn, Command command, CancellationToken cancellationToken);
}

/// <summary>The route of commands of type <typeparamref name="TCommand"/>.</summary>
internal sealed record CommandRoute<TCommand>(CommandHandler<TCommand> Handler) : CommandRoute
    where TCommand : Command
{
    /// <inheritdoc />
    public override Type CommandType => typeof(TCommand);

    /// <inheritdoc />
    public override Task<TurnOutcome> HandleAsync(CommandTurn turn, Command command, CancellationToken cancellationToken) =>
        Handler(turn, (TCommand)command, cancellationToken);
}

/// <summary>The steps a command is allowed at, and the answer at the others.</summary>
/// <param name="Allows">Whether the command is allowed at a step.</param>
/// <param name="Otherwise">The answer at a step it is not allowed at (read when used, in the language of the turn).</param>
internal sealed record StepRule(Func<MapStep, bool> Allows, Func<string> Otherwise);
