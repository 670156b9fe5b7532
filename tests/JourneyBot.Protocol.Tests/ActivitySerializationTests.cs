using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyBot.Protocol.Schema;

namespace JourneyBot.Protocol.Tests;

public sealed class ActivitySerializationTests
{
    // A Teams channel message as Teams sends it, with fields the bot does not type.
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1481567603816",
          "timestamp": "2017-10-29T00:51:05.9908157Z",
          "localTimestamp": "2017-10-28T17:51:05.9908157-07:00",
          "localTimezone": "America/Los_Angeles",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "channelId": "msteams",
          "from": { "id": "29:1bSn", "name": "Megan Bowen", "aadObjectId": "aad-1", "userRole": "user" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "t-1",
                            "id": "19:abc@thread.skype;messageid=1481567603816" },
          "recipient": { "id": "28:app-id", "name": "JourneyBot" },
          "textFormat": "plain",
          "text": "<at>JourneyBot</at> help",
          "attachments": [ { "contentType": "text/html", "content": "<div>hi</div>" } ],
          "entities": [
            { "type": "mention", "mentioned": { "id": "28:app-id", "name": "JourneyBot" }, "text": "<at>JourneyBot</at>" },
            { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Web", "timezone": "America/Los_Angeles" }
          ],
          "channelData": { "teamsChannelId": "19:abc@thread.skype", "tenant": { "id": "t-1" }, "team": { "id": "19:team" } },
          "locale": "en-US",
          "someFutureField": { "nested": [1, 2, 3] }
        }
        """;

    [Fact]
    public void Typed_fields_are_read_case_insensitively()
    {
        var activity = JsonSerializer.Deserialize("""{"TYPE":"message","Text":"hi","ServiceURL":"https://x/","conversation":{"ID":"c"}}""",
            ProtocolJson.Default.Activity)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("hi", activity.Text);
        Assert.Equal("https://x/", activity.ServiceUrl);
        Assert.Equal("c", activity.Conversation!.Id);
    }

    [Fact]
    public void Teams_timestamps_with_seven_fractional_digits_are_read_exactly()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ProtocolJson.Default.Activity)!;

        Assert.Equal(new DateTimeOffset(2017, 10, 29, 0, 51, 5, TimeSpan.Zero).AddTicks(9908157), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-7), activity.LocalTimestamp!.Value.Offset);
    }

    [Fact]
    public void Unknown_fields_at_every_level_survive_a_round_trip()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, ProtocolJson.Default.Activity)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Default.Activity))!;

        Assert.Equal("America/Los_Angeles", (string?)written["localTimezone"]);
        Assert.Equal(3, written["someFutureField"]!["nested"]!.AsArray().Count);
        Assert.Equal("user", (string?)written["from"]!["userRole"]);
        Assert.Equal("US", (string?)written["entities"]![1]!["country"]);
        Assert.Equal("19:team", (string?)written["channelData"]!["team"]!["id"]);
        Assert.Equal("<div>hi</div>", (string?)written["attachments"]![0]!["content"]);
    }

    [Fact]
    public void Output_is_camel_case_and_omits_nulls()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hello",
            ReplyToId = "1",
            Conversation = new ConversationAccount { Id = "c" },
            MembersAdded = null,
        };

        var json = JsonSerializer.Serialize(activity, ProtocolJson.Default.Activity);

        Assert.Equal("""{"type":"message","conversation":{"id":"c"},"replyToId":"1","text":"hello"}""", json);
    }

    [Fact]
    public void A_reply_is_addressed_back_to_the_sender_in_the_same_conversation()
    {
        var incoming = JsonSerializer.Deserialize(TeamsMessage, ProtocolJson.Default.Activity)!;

        var reply = incoming.CreateReply("hi");

        Assert.Equal("28:app-id", reply.From!.Id);
        Assert.Equal("29:1bSn", reply.Recipient!.Id);
        Assert.Equal(incoming.Conversation!.Id, reply.Conversation!.Id);
        Assert.Equal("1481567603816", reply.ReplyToId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", reply.ServiceUrl);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Null(reply.Id);
        Assert.Null(reply.Conversation.IsGroup);
        Assert.Null(reply.Conversation.ConversationType);
    }
}
