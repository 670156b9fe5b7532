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
    /// Whether the turn was not for the bot (an overheard message, see <see cref="UserTurn.Overheard"/>):
    /// nothing was read into the map or stored, and the host sends nothing.
    /// </summary>
    public bool Ignored { get; init; }

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
}
