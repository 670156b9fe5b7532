using JourneyBot.Protocol.Schema;

namespace JourneyBot.Bench.Load.Sessions;

/// <summary>What kind of turn, for counting and for the per-kind profile.</summary>
internal enum TurnKind
{
    /// <summary>The facilitator types <c>@JourneyBot start …</c>.</summary>
    Start,

    /// <summary>The facilitator saves a setup answer on the card (Action.Execute).</summary>
    SetupCard,

    /// <summary>The same from a client that falls back to Action.Submit.</summary>
    SetupSubmit,

    /// <summary>The facilitator types a setup answer.</summary>
    SetupTyped,

    /// <summary>The facilitator picks the five-stage template on the card.</summary>
    Stages,

    /// <summary>The facilitator presses Continue: contributions open and the progress card is posted.</summary>
    OpenContributions,

    /// <summary>A member adds an item with the contribute card (Action.Execute).</summary>
    AddCard,

    /// <summary>The same from a client that falls back to Action.Submit (the bot updates the card in place).</summary>
    AddSubmit,

    /// <summary>A member types an item.</summary>
    AddTyped,

    /// <summary>Several members type an item at the same instant.</summary>
    AddBurst,

    /// <summary>A member answers the department question (card or typed).</summary>
    Department,

    /// <summary>Teams asks for the latest progress card as someone looks at it (Universal Actions refresh).</summary>
    Refresh,

    /// <summary>The facilitator types <c>status</c>.</summary>
    Status,

    /// <summary>The facilitator presses "Go to review".</summary>
    OpenReview,

    /// <summary>A member votes on the review card.</summary>
    Vote,

    /// <summary>The facilitator publishes the map.</summary>
    Publish,
}

/// <summary>Which part of the method a step belongs to.</summary>
internal enum Phase
{
    /// <summary>Objective to stages: the facilitator alone.</summary>
    Setup,

    /// <summary>Everyone adds; the held-sessions configuration repeats these steps.</summary>
    Contribute,

    /// <summary>A department answer: once per member and team, never repeated.</summary>
    Once,

    /// <summary>Review, votes and publish.</summary>
    Review,
}

/// <summary>What a turn's answer must show for the turn to count as done.</summary>
/// <param name="Card">An invoke answered with a card (else: with a message).</param>
/// <param name="Contains">Text the answer must contain (ASCII: the bot's JSON escapes the rest), or null.</param>
internal sealed record Expectation(bool Card, string? Contains = null);

/// <summary>One activity a member sends, built when it is sent (it needs ids learnt on the way).</summary>
/// <param name="Kind">What kind of turn.</param>
/// <param name="Build">Makes the activity for the session as it is now.</param>
/// <param name="Expect">For an invoke, what its answer must show; null for a message (200 and nothing else).</param>
/// <param name="Learn">Reads what later turns need from the answer's body (stage ids, vote choices).</param>
internal sealed record Turn(TurnKind Kind, Func<Session, Activity> Build, Expectation? Expect = null, Action<Session, string>? Learn = null)
{
    /// <summary>Whether it presses a card, which needs the card's id and map.</summary>
    public bool PressesCard { get; init; }
}

/// <summary>One step of a session: one turn, or several sent at the same instant (a burst).</summary>
internal sealed record Step(Phase Phase, IReadOnlyList<Turn> Turns);
