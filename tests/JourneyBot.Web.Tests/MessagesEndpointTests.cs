using System.Net;
using System.Text;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>The messaging endpoint over the real pipeline, authentication off (no app id).</summary>
public sealed class MessagesEndpointTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?> { ["BotHost:MaxRequestBodyBytes"] = "8192" });

    public MessagesEndpointTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Help_in_a_channel_thread_is_replied_to_at_the_escaped_path_under_the_service_url_path()
    {
        var activity = Activities.Message(_connector.ServiceUrl("teams/"), "help", mentionBot: true,
            conversationId: "19:abc@thread.tacv2;messageid=1", activityId: "1:msg=1");

        var response = await _app.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var call = Assert.Single(_connector.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities/1%3Amsg%3D1", call.RawTarget);
        Assert.Null(call.Authorization);

        var reply = call.Activity;
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Contains("JourneyBot", reply.Text, StringComparison.Ordinal);
        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
        Assert.Equal("1:msg=1", reply.ReplyToId);
        Assert.Equal(activity.Recipient!.Id, reply.From!.Id);
        Assert.Equal(activity.From!.Id, reply.Recipient!.Id);
        Assert.Equal(activity.Conversation!.Id, reply.Conversation!.Id);
        Assert.Null(reply.Id);
        Assert.DoesNotContain("\"id\":null", call.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("  HELP ")]
    [InlineData("?")]
    public async Task Help_is_understood_with_the_mention_in_a_channel_and_without_it_in_a_personal_chat(string text)
    {
        var personal = Activities.Message(_connector.ServiceUrl(), text, mentionBot: false, conversationId: "a:1personal-chat");
        personal.Conversation!.ConversationType = ConversationTypes.Personal;

        await _app.PostActivityAsync(Activities.Message(_connector.ServiceUrl(), text, mentionBot: true));
        await _app.PostActivityAsync(personal);

        Assert.Equal(2, _connector.Requests.Count);
        Assert.All(_connector.Requests, r => Assert.StartsWith("**JourneyBot** leads a team", r.Activity.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anything_else_gets_a_short_pointer_to_help()
    {
        var response = await _app.PostActivityAsync(Activities.Message(_connector.ServiceUrl(), "what is the weather", mentionBot: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.Requests).Activity;
        Assert.Equal("Sorry, I didn't understand that. Type **help** to see what I can do.", reply.Text);
    }

    [Fact]
    public async Task Teams_install_is_welcomed_once_as_a_new_message_in_the_conversation()
    {
        var install = Activities.Of(ActivityTypes.InstallationUpdate, _connector.ServiceUrl());
        install.Action = "add";
        var added = Activities.Of(ActivityTypes.ConversationUpdate, _connector.ServiceUrl());
        added.MembersAdded = [Activities.Bot];

        Assert.Equal(HttpStatusCode.OK, (await _app.PostActivityAsync(install)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.PostActivityAsync(added)).StatusCode);

        var welcome = Assert.Single(_connector.Requests);
        Assert.Equal("/teams/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1/activities", welcome.RawTarget);
        Assert.StartsWith("Hi, I'm **JourneyBot**", welcome.Activity.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel", true, "type @ and pick **JourneyBot** from the menu")]
    [InlineData("groupChat", true, "type @ and pick **JourneyBot** from the menu")]
    [InlineData("personal", null, "Type **demo** to see a finished map")]
    public async Task The_welcome_says_how_to_mention_the_bot_where_it_must_be_and_offers_the_demo_in_a_personal_chat(
        string conversationType, bool? isGroup, string expected)
    {
        var install = Activities.Of(ActivityTypes.InstallationUpdate, _connector.ServiceUrl());
        install.Action = "add";
        install.Conversation!.ConversationType = conversationType;
        install.Conversation.IsGroup = isGroup;

        await _app.PostActivityAsync(install);

        var welcome = Assert.Single(_connector.Requests).Activity.Text!;
        Assert.Contains(expected, welcome, StringComparison.Ordinal);
        Assert.Equal(conversationType == "personal", welcome.Contains("**demo**", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Channels_without_installation_updates_are_welcomed_when_the_bot_joins()
    {
        // Outside Development Web Chat is served only when named (see ServedChannelsTests).
        await using var app = new BotApp(new Dictionary<string, string?> { ["BotHost:AllowedChannels:0"] = "webchat" });
        var added = Activities.Of(ActivityTypes.ConversationUpdate, _connector.ServiceUrl(), channelId: "webchat");
        added.MembersAdded = [new() { Id = "user-1" }, Activities.Bot];
        var userJoined = Activities.Of(ActivityTypes.ConversationUpdate, _connector.ServiceUrl(), channelId: "webchat");
        userJoined.MembersAdded = [new() { Id = "user-2" }];

        await app.PostActivityAsync(added);
        await app.PostActivityAsync(userJoined);

        var welcome = Assert.Single(_connector.Requests);
        Assert.StartsWith("Hi, I'm **JourneyBot**", welcome.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uninstall_is_acknowledged_silently()
    {
        var remove = Activities.Of(ActivityTypes.InstallationUpdate, _connector.ServiceUrl());
        remove.Action = "remove";

        var response = await _app.PostActivityAsync(remove);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("someFutureActivityType")]
    [InlineData("typing")]
    public async Task Unknown_or_unhandled_activity_types_get_200_and_are_ignored(string type)
    {
        var response = await _app.PostActivityAsync(Activities.Of(type, _connector.ServiceUrl()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task An_unknown_invoke_gets_501()
    {
        var response = await _app.PostActivityAsync(Activities.Invoke(_connector.ServiceUrl(), "composeExtension/query", "{}"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"message\"")]
    public async Task A_body_that_is_not_a_json_activity_gets_400(string body)
    {
        var response = await _app.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("""{"text":"help","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"","text":"help","serviceUrl":"http://127.0.0.1:1/","conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"message","text":"help","conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"message","text":"help","serviceUrl":"file:///etc/passwd","conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"message","text":"help","serviceUrl":"http://127.0.0.1:1/"}""")]
    public async Task An_activity_without_type_service_url_or_conversation_gets_400(string body)
    {
        var response = await _app.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        var activity = Activities.Message(_connector.ServiceUrl(), new string('x', 9000));

        var response = await _app.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_body_of_unannounced_length_over_the_size_limit_gets_413()
    {
        var body = Encoding.UTF8.GetBytes(Activities.Message(_connector.ServiceUrl(), new string('x', 9000)).ToJson());

        var context = await _app.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = "/api/messages";
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = null;
            http.Request.Body = new MemoryStream(body);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Health_endpoint_answers_without_a_token()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Other_methods_on_the_messaging_endpoint_are_refused()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/messages", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Every_turn_resolves_a_connector_client_of_its_own()
    {
        // A client per turn follows the HttpClient factory's handler recycling; one held by the host would not.
        var created = 0;
        await using var app = new BotApp(new Dictionary<string, string?>(), s =>
            s.AddHttpClient<ConnectorClient>().ConfigureHttpClient(_ => Interlocked.Increment(ref created)));

        await app.PostActivityAsync(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true, activityId: "1:first"));
        await app.PostActivityAsync(Activities.Message(_connector.ServiceUrl(), "help", mentionBot: true, activityId: "1:second"));

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal(2, Volatile.Read(ref created));
    }
}
