using JourneyBot.Conversation.Cards;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Web.Bot;

namespace JourneyBot.Web.Members;

/// <summary>
/// Posts a card into a member's 1:1 chat with the bot, starting the chat where their row keeps none
/// (<see cref="PersonalChats"/>), through the chat's own outbox queue: what a round's questions and
/// an owned action's card for its owner share.
/// </summary>
internal sealed class PersonalCards(PersonalChats chats, ProactiveSends sends)
{
    /// <summary>Sends <paramref name="card"/> to <paramref name="member"/> of team <paramref name="teamKey"/>; where it went, or why it did not.</summary>
    public async Task<PersonalCardSent> SendAsync(
        string teamKey, string serviceUrl, string? tenantId, ChatMember member, ChannelAccount? bot, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var result = await chats.GetOrStartAsync(teamKey, serviceUrl, tenantId, member, bot, cancellationToken);
        if (result is not PersonalChatResult.Reached reached)
        {
            return new PersonalCardSent(result, null, null);
        }

        var chat = reached.Chat;
        var reference = ConversationReference.ForConversation(chat.ServiceUrl, chat.ConversationId, tenantId, bot);
        try
        {
            var sent = await sends.SendAsync(reference, JourneyTurnHandler.CardActivity(card), cancellationToken);
            return new PersonalCardSent(result, chat.ConversationId, sent.Id);
        }
        catch (ConnectorException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
        {
            // The chat is there, but Teams will not deliver into it (the member blocked the bot, or left).
            return new PersonalCardSent(new PersonalChatResult.CannotReach(ex.ErrorCode), chat.ConversationId, null);
        }
    }
}

/// <summary>Where a card for a member's 1:1 chat went.</summary>
/// <param name="Chat">Whether their chat was reached; <see cref="PersonalChatResult.CannotReach"/> also when Teams refused the post into it.</param>
/// <param name="ChatId">The chat, when there is one (even if the post was refused).</param>
/// <param name="CardActivityId">The card's message id, when it was posted.</param>
internal sealed record PersonalCardSent(PersonalChatResult Chat, string? ChatId, string? CardActivityId);
