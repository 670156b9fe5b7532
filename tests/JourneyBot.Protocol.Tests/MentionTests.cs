using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Tests;

public sealed class MentionTests
{
    private static readonly ChannelAccount Bot = new() { Id = "28:bot", Name = "JourneyBot" };

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = Bot,
        Entities = entities,
    };

    private static Entity MentionOf(ChannelAccount who, string? text) =>
        new() { Type = Entity.MentionType, Mentioned = who, Text = text };

    [Theory]
    [InlineData("<at>JourneyBot</at> start Shoe journey", "<at>JourneyBot</at>", "start Shoe journey")]
    [InlineData("<AT>JourneyBot</AT>   help  ", "<at>JourneyBot</at>", "help")]
    [InlineData("status <at>Journey Bot (preview)</at>", "<at>Journey Bot (preview)</at>", "status")]
    public void The_bots_mention_is_removed_whatever_its_case_and_position(string text, string mentionText, string expected)
    {
        Assert.Equal(expected, Message(text, MentionOf(Bot, mentionText)).TextWithoutRecipientMention());
    }

    [Fact]
    public void Without_entity_text_the_mention_is_the_name_in_at_tags()
    {
        Assert.Equal("help", Message("<at>JourneyBot</at> help", MentionOf(Bot, null)).TextWithoutRecipientMention());
    }

    [Fact]
    public void Mentions_of_other_people_stay_in_the_text()
    {
        var megan = new ChannelAccount { Id = "29:megan", Name = "Megan" };

        var text = Message("<at>JourneyBot</at> ask <at>Megan</at>", MentionOf(Bot, "<at>JourneyBot</at>"), MentionOf(megan, "<at>Megan</at>"))
            .TextWithoutRecipientMention();

        Assert.Equal("ask <at>Megan</at>", text);
    }

    [Fact]
    public void Text_that_only_looks_like_a_mention_is_left_alone()
    {
        Assert.Equal("<at>JourneyBot</at> help", Message("<at>JourneyBot</at> help").TextWithoutRecipientMention());
    }
}
