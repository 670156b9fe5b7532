using System.Net;
using System.Text.Json.Nodes;
using JourneyBot.Testing;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>
/// Log forging. What the request names is logged (ids, the activity's type, an invoke's name): a
/// CR/LF, an ANSI escape or a line separator in it must not reach a log line, where it could forge
/// further lines. Ids are refused at the edge (Bot Framework ids are printable); free-form names
/// are logged made printable and cut short.
/// </summary>
public sealed partial class HostileInputTests
{
    private const string Forgery = "1:x\r\n2026-12-05 info: JourneyBot[1004] \u001b[32mforged\u001b[0m\u2028\u202e";

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

        var response = await PostAsync(message.ToJsonString());

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

        var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoLogLineUnprintable();
    }

    [Fact]
    public async Task An_activity_type_with_control_characters_is_logged_printable()
    {
        var message = Node(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true));
        message["type"] = "message" + Forgery;

        var response = await PostAsync(message.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var started = Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1004);
        Assert.Contains("forged", started.Message, StringComparison.Ordinal);
        AssertNoLogLineUnprintable();
    }

    [Theory]
    [InlineData("task/fetch" + Forgery, 0)]
    [InlineData("task/fetch/forged/", 100_000)]
    public async Task An_invoke_name_is_logged_printable_and_short(string name, int padding)
    {
        var invoke = Node(Activities.Invoke(_connector.ServiceUrl(), name + new string('n', padding), "{}"));

        var response = await PostAsync(invoke.ToJsonString());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var notHandled = Assert.Single(_app.Logs.GetSnapshot(), r => r.Id.Id == 1007);
        Assert.Contains("forged", notHandled.Message, StringComparison.Ordinal);
        Assert.True(notHandled.Message.Length < 2_000, $"{notHandled.Message.Length} characters");
        AssertNoLogLineUnprintable();
    }

    private void AssertNoLogLineUnprintable()
    {
        var forged = _app.Logs.GetSnapshot().Where(r => Unprintable.In(r.Message)).Select(r => $"{r.Id.Id}: {r.Message}").ToList();
        Assert.True(forged.Count == 0, "log lines with control characters:\n" + string.Join("\n", forged));
    }
}
