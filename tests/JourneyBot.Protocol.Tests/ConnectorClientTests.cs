using System.Text.Json;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;

namespace JourneyBot.Protocol.Tests;

/// <summary>Each connector operation against a recording connector over real HTTP.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ThreadId = "19:abc@thread.tacv2;messageid=1";
    private const string EscapedThreadId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1";
    private RecordingConnector _connector = null!;
    private readonly HttpClient _http = new();

    private ConnectorClient Client => new(_http);

    private string ServiceUrl => _connector.ServiceUrl("teams/");

    public async ValueTask InitializeAsync() => _connector = await RecordingConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Send_posts_to_the_conversation_and_returns_the_new_id()
    {
        var result = await Client.SendToConversationAsync(ServiceUrl, ThreadId, new Activity { Type = "message", Text = "hi" }, TestContext.Current.CancellationToken);

        var call = Assert.Single(_connector.Requests);
        Assert.Equal(("POST", $"/teams/v3/conversations/{EscapedThreadId}/activities"), (call.Method, call.RawTarget));
        Assert.Equal("hi", call.Activity.Text);
        Assert.Equal("activity-1", result.Id);
    }

    [Fact]
    public async Task Update_puts_the_whole_activity_at_its_id()
    {
        await Client.UpdateActivityAsync(ServiceUrl, ThreadId, "1:card", new Activity { Type = "message", Id = "1:card", Text = "v2" }, TestContext.Current.CancellationToken);

        var call = Assert.Single(_connector.Requests);
        Assert.Equal(("PUT", $"/teams/v3/conversations/{EscapedThreadId}/activities/1%3Acard"), (call.Method, call.RawTarget));
        Assert.Equal("1:card", call.Activity.Id);
    }

    [Fact]
    public async Task Delete_deletes_at_the_activity_id()
    {
        await Client.DeleteActivityAsync(ServiceUrl, ThreadId, "1:card", TestContext.Current.CancellationToken);

        var call = Assert.Single(_connector.Requests);
        Assert.Equal(("DELETE", $"/teams/v3/conversations/{EscapedThreadId}/activities/1%3Acard"), (call.Method, call.RawTarget));
    }

    [Fact]
    public async Task Create_conversation_posts_the_parameters_and_reads_the_new_ids()
    {
        _connector.Script(new ConnectorAnswer(201, """{"id":"a:1:1-chat","activityId":"1:first","serviceUrl":"https://smba.trafficmanager.net/emea/"}"""));
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:megan" }],
            TenantId = "tenant-1",
            ChannelData = JsonDocument.Parse("""{"tenant":{"id":"tenant-1"}}""").RootElement.Clone(),
        };

        var created = await Client.CreateConversationAsync(ServiceUrl, parameters, TestContext.Current.CancellationToken);

        var call = Assert.Single(_connector.Requests);
        Assert.Equal(("POST", "/teams/v3/conversations"), (call.Method, call.RawTarget));
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("29:megan", body.RootElement.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal("tenant-1", body.RootElement.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(new ConversationResourceResponse("a:1:1-chat", "1:first", "https://smba.trafficmanager.net/emea/"), created);
    }

    [Fact]
    public async Task All_members_are_read_page_after_page()
    {
        _connector.Script(
            new ConnectorAnswer(200, """{"members":[{"id":"29:a","name":"A"},{"id":"29:b","name":"B"}],"continuationToken":"next page/1"}"""),
            new ConnectorAnswer(200, """{"members":[{"id":"29:c","name":"C","email":"c@contoso.com"}]}"""));

        var members = new List<ChannelAccount>();
        await foreach (var member in Client.GetAllMembersAsync(ServiceUrl, ThreadId, TestContext.Current.CancellationToken))
        {
            members.Add(member);
        }

        Assert.Equal(["29:a", "29:b", "29:c"], members.Select(m => m.Id));
        Assert.Equal("c@contoso.com", members[2].ExtensionData!["email"].GetString());
        Assert.Equal($"/teams/v3/conversations/{EscapedThreadId}/pagedmembers", _connector.Requests[0].RawTarget);
        Assert.Equal($"/teams/v3/conversations/{EscapedThreadId}/pagedmembers?continuationToken=next%20page%2F1", _connector.Requests[1].RawTarget);
    }

    [Fact]
    public async Task An_empty_accepted_answer_is_not_an_error()
    {
        _connector.Script(new ConnectorAnswer(202));

        var result = await Client.ReplyToActivityAsync(ServiceUrl, ThreadId, "1:x", new Activity { Type = "message" }, TestContext.Current.CancellationToken);

        Assert.Null(result.Id);
    }
}
