using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>
/// What the request names is logged (ids, the activity's type, an invoke's name): a CR/LF, an ANSI
/// escape or a line separator in it must not reach a log line, where it could forge further lines.
/// Ids are refused at the edge (Bot Framework ids are printable); free-form names are logged made printable.
/// </summary>
public sealed class LogForgingTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private const string Forgery = "1:x\r\n2026-12-05 info: JourneyBot[1004] \u001b[32mforged\u001b[0m\u2028\u202e";

    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>());
    private readonly HttpClient _client;

    public LogForgingTests(ConnectorFixture fixture)
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
    [InlineData(null, "id")]
    [InlineData(null, "replyToId")]
    [InlineData(null, "channelId")]
    [InlineData("conversation", "id")]
    [InlineData("conversation", "tenantId")]
    [InlineData("from", "id")]
    [InlineData("from", "aadObjectId")]
    [InlineData("recipient", "id")]
    public async Task An_id_with_control_characters_gets_400_and_reaches_no_log_line(string? owner, string field)
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true));
        (owner is null ? message : message[owner]!)[field] = Forgery;

        var response = await _client.PostBytesAsync(System.Text.Encoding.UTF8.GetBytes(message.ToJsonString()));
        await _app.SendsAfterAnswerAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Requests);
        AssertNoLogLineUnprintable();
    }

    [Theory]
    [InlineData("team")]
    [InlineData("channel")]
    [InlineData("tenant")]
    public async Task A_channel_data_id_with_control_characters_gets_400(string owner)
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true));
        message["channelData"] = new JsonObject { [owner] = new JsonObject { ["id"] = Forgery } };

        var response = await _client.PostBytesAsync(System.Text.Encoding.UTF8.GetBytes(message.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoLogLineUnprintable();
    }

    [Fact]
    public async Task An_activity_type_with_control_characters_is_logged_printable()
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true));
        message["type"] = "message" + Forgery;

        var response = await _client.PostBytesAsync(System.Text.Encoding.UTF8.GetBytes(message.ToJsonString()));
        await _app.SendsAfterAnswerAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var started = Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1004);
        Assert.Contains("forged", started.Message, StringComparison.Ordinal);
        AssertNoLogLineUnprintable();
    }

    [Fact]
    public async Task An_invoke_name_with_control_characters_is_logged_printable()
    {
        var invoke = Node(Activities.Invoke(_connector.ServiceUrl(), "task/fetch" + Forgery, "{}"));

        var response = await _client.PostBytesAsync(System.Text.Encoding.UTF8.GetBytes(invoke.ToJsonString()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var notHandled = Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1007);
        Assert.Contains("forged", notHandled.Message, StringComparison.Ordinal);
        AssertNoLogLineUnprintable();
    }

    [Fact]
    public async Task An_overlong_invoke_name_is_logged_cut_short()
    {
        var invoke = Node(Activities.Invoke(_connector.ServiceUrl(), new string('n', 100_000), "{}"));

        var response = await _client.PostBytesAsync(System.Text.Encoding.UTF8.GetBytes(invoke.ToJsonString()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var notHandled = Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1007);
        Assert.True(notHandled.Message.Length < 2_000, $"{notHandled.Message.Length} characters");
    }

    private void AssertNoLogLineUnprintable()
    {
        var forged = _app.Logs.GetSnapshot().Where(r => Unprintable.In(r.Message)).Select(r => $"{r.Id.Id}: {r.Message}").ToList();
        Assert.True(forged.Count == 0, "log lines with control characters:\n" + string.Join("\n", forged));
    }

    private static JsonObject Node(Activity activity) => JsonNode.Parse(activity.ToJson())!.AsObject();
}
