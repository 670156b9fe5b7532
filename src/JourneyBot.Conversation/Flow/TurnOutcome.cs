using JourneyBot.Conversation.Cards;

namespace JourneyBot.Conversation.Flow;

/// <summary>What the bot answers to a turn.</summary>
public sealed class TurnOutcome
{
    /// <summary>Messages to post in the conversation, in order.</summary>
    public List<BotMessage> Messages { get; } = [];

    /// <summary>
    /// For a turn from a card: the card that replaces it (returned to a Universal Action, or put in
    /// place of a submitted card). Null leaves the card as it is.
    /// </summary>
    public AdaptiveCard? CardUpdate { get; set; }

    /// <summary>A new living progress card to post; its message id is then given back to <see cref="JourneyConversation.RememberProgressCardAsync"/>.</summary>
    public ProgressCardPost? NewProgressCard { get; set; }

    /// <summary>Whether the map changed in a way its progress card shows (updates are coalesced by the host).</summary>
    public bool ProgressChanged { get; set; }

    /// <summary>
    /// For a turn in a member's 1:1 chat that changed a team's map: the team conversation whose
    /// progress card shows it, and the service it is on. Null: the turn's own conversation (see <see cref="ProgressChanged"/>).
    /// </summary>
    public ProgressElsewhere? ProgressIn { get; set; }

    /// <summary>Messages for members' 1:1 chats (a round's questions), sent by the host after the turn's own.</summary>
    public List<DirectMessage> Direct { get; } = [];

    /// <summary>Actions whose owner (new, or after a reassignment) the host tells in their 1:1 chat, after the turn's own messages.</summary>
    public List<OwnerNotice> OwnerNotices { get; } = [];

    /// <summary>
    /// The map whose actions the turn made or changed, for the host to keep their follow-up
    /// (reminders, digest, tracker sync) scheduled; null when the turn changed none.
    /// </summary>
    public ActionsTouched? ActionsTouched { get; set; }

    /// <summary>
    /// The first "Still true?" pass of a map whose review the turn set (<c>review every N days</c>), for
    /// the host to put on the durable schedule; null when the turn set none.
    /// </summary>
    public Scheduling.DueWork? ReviewScheduled { get; set; }

    /// <summary>
    /// Whether the turn was not for the bot (an overheard message, see <see cref="UserTurn.Overheard"/>):
    /// nothing was read into the map or stored, and the host sends nothing.
    /// </summary>
    public bool Ignored { get; init; }

    /// <summary>
    /// Whether the turn was refused for what the map holds or lacks (a stage, an item, its step or
    /// status), before anything was stored. Decided on a copy of the map read moments ago, such a
    /// refusal may only mean that another instance changed the map since: the turn is decided
    /// again on the latest map (see <see cref="JourneyConversation"/>).
    /// </summary>
    internal bool RefusedOnMap { get; init; }

    /// <summary>A refusal of the turn for what the map holds or lacks (see <see cref="RefusedOnMap"/>).</summary>
    internal static TurnOutcome RefusalOnMap(string text) => new TurnOutcome { RefusedOnMap = true }.Say(text);

    /// <summary>Adds a text message.</summary>
    public TurnOutcome Say(string text)
    {
        Messages.Add(new BotMessage(text, null));
        return this;
    }

    /// <summary>Adds a card message (whatever introduces it is inside the card: one post, not a text and a card).</summary>
    public TurnOutcome Show(AdaptiveCard card)
    {
        Messages.Add(new BotMessage(null, card));
        return this;
    }

    /// <summary>All text the bot says in this outcome, for tests and logs at Debug.</summary>
    public override string ToString() => string.Join("\n---\n", Messages.Select(m => m.Text ?? "[card]"));
}

/// <summary>A progress card to post for a map.</summary>
/// <param name="MapId">The map it shows.</param>
/// <param name="Card">The card.</param>
public sealed record ProgressCardPost(string MapId, AdaptiveCard Card);

/// <summary>One message from the bot: text (markdown), a card, or both.</summary>
/// <param name="Text">Markdown text, or null.</param>
/// <param name="Card">An Adaptive Card, or null.</param>
public sealed record BotMessage(string? Text, AdaptiveCard? Card)
{
    /// <summary>
    /// For a confirmation of the same kind as others a busy conversation may get in the same
    /// moment: its one-line form, which the host may send together with the others
    /// (<see cref="Texts.Acknowledged"/>) instead of one message each. Null: send as it is.
    /// </summary>
    public string? Summary { get; init; }

    /// <summary>
    /// A question put to one member in passing (how they know their items, asked once per map): it
    /// does not count among the posts that push a thread's progress card out of sight, so members
    /// who leave the evidence out do not make the card move down sooner than those who say it.
    /// </summary>
    public bool Aside { get; init; }
}

/// <summary>A team conversation whose progress card a turn elsewhere changed.</summary>
/// <param name="Scope">The team and conversation.</param>
/// <param name="ServiceUrl">The service the conversation is on.</param>
public sealed record ProgressElsewhere(Mapping.MapScope Scope, string ServiceUrl);

/// <summary>An action whose owner is to be told, by its ids: the host reads the action as stored when it sends.</summary>
/// <param name="TeamKey">The map's team.</param>
/// <param name="MapId">The map.</param>
/// <param name="ActionId">The action (its opportunity's item id).</param>
/// <param name="ServiceUrl">The service to create the owner's 1:1 chat on.</param>
/// <param name="TenantId">The tenant to create it in.</param>
public sealed record OwnerNotice(string TeamKey, string MapId, string ActionId, string ServiceUrl, string? TenantId);

/// <summary>A map whose actions a turn made or changed, and where its team talks about it.</summary>
/// <param name="Scope">The team and the conversation the map belongs to (its thread or chat), where a digest goes.</param>
/// <param name="MapId">The map.</param>
/// <param name="ServiceUrl">The service the conversation is on.</param>
/// <param name="TenantId">The tenant.</param>
public sealed record ActionsTouched(Mapping.MapScope Scope, string MapId, string ServiceUrl, string? TenantId);

/// <summary>A card for one member's 1:1 chat with the bot, from a round of questions.</summary>
/// <param name="Round">The round it belongs to.</param>
/// <param name="To">The member, as the round asked them (their chat, once known, is on it).</param>
/// <param name="Card">The card.</param>
/// <param name="ServiceUrl">The service to create the chat on.</param>
/// <param name="TenantId">The tenant to create it in.</param>
public sealed record DirectMessage(Rounds.RoundKey Round, Rounds.RoundAsk To, AdaptiveCard Card, string ServiceUrl, string? TenantId)
{
    /// <summary>
    /// Whether the host notes where the card went on the member's ask in the round (a round of
    /// questions); false for a card that only has to arrive: a validation round's questions (see
    /// <see cref="Validation.ValidationRound"/>, numbered apart, whose answers come back on the card) and a contradiction for the facilitator.
    /// </summary>
    public bool NotesAsk { get; init; } = true;

    /// <summary>Whom to tell when Teams will not deliver the card (a validation question: its facilitator); null: it is only logged.</summary>
    public Validation.NotReachedNotice? NotReached { get; init; }
}
