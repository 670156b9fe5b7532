using System.Text.Json;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Schema;
using JourneyBot.Protocol.Sending;
using JourneyBot.Protocol.Turns;
using JourneyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Tests;

/// <summary>
/// Which activities are meant for the bot: with resource-specific consent Teams also delivers the
/// messages of a channel or group chat that do not mention it.
/// </summary>
public sealed class AddressedTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly ConversationOutbox _outbox = new(Options.Create(new BotHostOptions()), TimeProvider.System, NullLogger<ConversationOutbox>.Instance);

    public void Dispose()
    {
        _outbox.Dispose();
        _http.Dispose();
    }

    [Theory]
    [InlineData(ConversationTypes.Channel)]
    [InlineData(ConversationTypes.GroupChat)]
    public void In_a_channel_or_group_chat_a_message_is_addressed_only_when_it_mentions_the_bot(string conversationType)
    {
        Assert.True(Turn(Message(conversationType, mentionBot: true)).IsAddressed);
        Assert.False(Turn(Message(conversationType, mentionBot: false)).IsAddressed);
    }

    [Fact]
    public void Typed_at_name_text_or_a_mention_of_someone_else_does_not_address_the_bot()
    {
        var message = Message(ConversationTypes.Channel, mentionBot: false);
        message.Text = "@JourneyBot status <at>Megan</at>";
        message.Entities = [new Entity { Type = Entity.MentionType, Mentioned = new() { Id = "29:megan", Name = "Megan" }, Text = "<at>Megan</at>" }];

        Assert.False(message.MentionsRecipient());
        Assert.False(Turn(message).IsAddressed);
    }

    [Theory]
    [InlineData(ConversationTypes.Personal)]
    [InlineData(null)]
    public void In_a_1_on_1_chat_or_a_conversation_of_no_type_every_message_is_addressed(string? conversationType)
    {
        Assert.True(Turn(Message(conversationType, mentionBot: false)).IsAddressed);
    }

    [Fact]
    public void A_card_submit_in_a_channel_is_addressed_without_a_mention()
    {
        var submit = Message(ConversationTypes.Channel, mentionBot: false);
        submit.Text = null;
        submit.Value = JsonDocument.Parse("""{"verb":"add"}""").RootElement.Clone();

        Assert.True(Turn(submit).IsAddressed);
    }

    [Theory]
    [InlineData(ActivityTypes.Invoke)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    public void Activities_other_than_messages_are_addressed(string type)
    {
        var activity = Message(ConversationTypes.Channel, mentionBot: false);
        activity.Type = type;

        Assert.True(Turn(activity).IsAddressed);
    }

    private static Activity Message(string? conversationType, bool mentionBot)
    {
        var message = Activities.Message("https://smba.example/teams/", "status", mentionBot);
        message.Conversation!.ConversationType = conversationType;
        return message;
    }

    private TurnContext Turn(Activity activity) => new(activity, new ConnectorClient(_http), _outbox);
}
