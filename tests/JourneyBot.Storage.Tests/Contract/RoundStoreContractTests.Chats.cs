using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Storage.Tests.Contract;

public abstract partial class RoundStoreContractTests
{
    [Fact]
    public async Task A_chat_lists_the_rounds_whose_questions_went_to_it_once_each_and_no_others()
    {
        // Arrange
        var (chat, otherChat) = ("a:chat-" + NewTeam(), "a:chat-" + NewTeam());
        var first = new RoundKey(NewTeam(), "map|1 😀", 1);
        var second = new RoundKey(NewTeam(), "map/2", 12);

        // Act
        await Store.AddChatAskAsync(chat, first, Cancel);
        await Store.AddChatAskAsync(chat, second, Cancel);
        await Store.AddChatAskAsync(chat, first, Cancel);
        await Store.AddChatAskAsync(otherChat, second, Cancel);

        // Assert
        Assert.Equal([first, second], (await Store.ListChatAsksAsync(chat, Cancel)).OrderBy(k => k.Number));
        Assert.Equal([second], await Store.ListChatAsksAsync(otherChat, Cancel));
        Assert.Empty(await Store.ListChatAsksAsync("a:chat-nobody-" + NewTeam(), Cancel));
    }
}
