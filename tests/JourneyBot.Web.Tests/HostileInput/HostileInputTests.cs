using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>
/// The hostile requests of the fault matrix, over the real pipeline (authentication off):
/// malformed gets 400, well-formed but unusable gets 200 with a polite answer, nothing gets 500.
/// </summary>
public sealed partial class HostileInputTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>());
    private readonly HttpClient _client;

    public HostileInputTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
        _client = _app.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("""{"a":1}""")]
    [InlineData("""["Action.Execute"]""")]
    public async Task A_card_action_whose_type_is_not_a_string_is_answered_as_a_card_it_cannot_use(string type)
    {
        var body = CardAction(type, """{"verb":"status"}""");

        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("application/vnd.microsoft.activity.message", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("""{"v":"status"}""")]
    [InlineData("""["status"]""")]
    public async Task A_card_action_whose_verb_or_data_is_not_a_string_is_not_a_500(string verb)
    {
        var response = await PostAsync(CardAction("\"Action.Execute\"", $$"""{"verb":{{verb}},"mapId":{{verb}}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_null_entity_beside_the_mention_leaves_the_message_understood()
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true));
        message["entities"]!.AsArray().Insert(0, null);

        var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("**JourneyBot** leads a team", Assert.Single(_connector.Requests).Activity.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("membersAdded", "msteams")]
    [InlineData("membersAdded", "webchat")]
    [InlineData("membersRemoved", "msteams")]
    public async Task A_null_member_in_a_conversation_update_is_skipped(string list, string channel)
    {
        var update = Node(Activities.Of(ActivityTypes.ConversationUpdate, _connector.ServiceUrl(), channel));
        update[list] = new JsonArray(null, JsonNode.Parse("""{"id":"29:alex"}"""));

        var response = await PostAsync(update.ToJsonString());

        // webchat is not served outside Development (403): what matters is that no turn fails.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{response.StatusCode}");
    }

    [Fact]
    public async Task Invalid_utf8_in_the_team_id_gets_400()
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "status", mentionBot: true));
        message["channelData"] = JsonNode.Parse("""{"team":{"id":"BADBYTES"},"tenant":{"id":"tenant-1"}}""");

        var response = await PostAsync(WithInvalidUtf8(message.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_card_value_gets_400()
    {
        var response = await PostAsync(WithInvalidUtf8(CardAction("\"Action.Execute\"", """{"verb":"answer","answer":"BADBYTES"}""")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_the_team_id_is_not_a_500()
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "status", mentionBot: true));
        message["channelData"] = JsonNode.Parse("""{"team":{"id":"x"}}""");
        var body = message.ToJsonString().Replace("\"id\":\"x\"", "\"id\":\"\\ud800\"", StringComparison.Ordinal);

        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("from", "aadObjectId")]
    [InlineData("from", "id")]
    [InlineData("recipient", "id")]
    [InlineData("conversation", "id")]
    [InlineData("conversation", "tenantId")]
    [InlineData(null, "id")]
    [InlineData(null, "replyToId")]
    public async Task An_id_over_1024_characters_gets_400(string? owner, string field)
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "add a pain point", mentionBot: true));
        var target = owner is null ? message : message[owner]!;
        target[field] = new string('a', 70_000);

        var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("team")]
    [InlineData("tenant")]
    [InlineData("channel")]
    public async Task A_channel_data_id_over_1024_characters_gets_400(string owner)
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "status", mentionBot: true));
        message["channelData"] = new JsonObject { [owner] = new JsonObject { ["id"] = new string('t', 70_000) } };

        var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_id_of_1024_characters_is_still_served()
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true));
        message["from"]!["aadObjectId"] = new string('a', 1024);

        var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_card_value_id_over_1024_characters_is_answered_as_a_card_it_cannot_use()
    {
        var body = CardAction("\"Action.Execute\"", $$"""{"verb":"next","mapId":"{{new string('m', 70_000)}}"}""");

        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("item")]
    [InlineData("evidenceLevel")]
    [InlineData("template")]
    [InlineData("days")]
    [InlineData("version")]
    [InlineData("intro")]
    [InlineData("validation")]
    [InlineData("resolve")]
    public async Task A_card_value_of_the_newer_keys_over_1024_characters_is_answered_as_a_card_it_cannot_use(string key)
    {
        var outdated = await PostAsync(CardAction("\"Action.Execute\"", $$"""{"verb":"next","mapId":"{{new string('m', 2_000)}}"}"""));
        var expected = await outdated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var response = await PostAsync(CardAction("\"Action.Execute\"", $$"""{"verb":"next","{{key}}":"{{new string('v', 2_000)}}"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Empty(_connector.Requests);
    }

    private string CardAction(string typeJson, string dataJson)
    {
        var invoke = Node(Activities.Invoke(_connector.ServiceUrl(), "adaptiveCard/action", "{}"));
        invoke["value"] = JsonNode.Parse($$$"""{"action":{"type":{{{typeJson}}},"data":{{{dataJson}}}}}""");
        return invoke.ToJsonString();
    }

    private static JsonObject Node(Activity activity) => JsonNode.Parse(activity.ToJson())!.AsObject();

    // 0xC3 0x28: a lead byte followed by a byte that cannot continue it.
    private static byte[] WithInvalidUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var marker = Encoding.UTF8.GetBytes("BADBYTES");
        var at = bytes.AsSpan().IndexOf(marker);
        Assert.True(at >= 0);
        byte[] bad = [0xC3, 0x28];
        return [.. bytes[..at], .. bad, .. bytes[(at + marker.Length)..]];
    }

    private Task<HttpResponseMessage> PostAsync(string body) => PostAsync(Encoding.UTF8.GetBytes(body));

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        var response = await _client.PostBytesAsync(body);
        await _app.SendsAfterAnswerAsync();
        return response;
    }
}
