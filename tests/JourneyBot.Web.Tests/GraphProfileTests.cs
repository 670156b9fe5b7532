using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using JourneyBot.Web.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Members' departments from Microsoft Graph, against a fake Graph and a local token service on
/// loopback: the bot's own app token for Graph, the department read, and everything else unknown.
/// </summary>
public sealed class GraphProfileTests : GraphServers
{
    private const string MeganId = "3c1a9e52-7b4d-4f0e-9a6c-2d8b1f4e7a90";
    private const string Tenant = "8f6e2b1a-4c3d-4e5f-a6b7-c8d9e0f1a2b3";
    private static readonly Person Megan = new(MeganId, "Megan Bowen");
    [Fact]
    public async Task The_department_is_read_with_the_bots_own_app_token_for_graph_from_the_members_tenant()
    {
        Graph.Departments[MeganId] = "Sales";
        await using var app = NewApp();

        var department = await Profiles(app).FindDepartmentAsync(Megan, Tenant, Cancel);

        Assert.Equal("Sales", department);
        var request = Assert.Single(Graph.Requests);
        Assert.Equal(($"/v1.0/users/{MeganId}", "?$select=department", "Bearer connector-token-1"), (request.Path, request.Query, request.Authorization));
        var token = Assert.Single(Tokens.Requests);
        Assert.Equal($"/{Tenant}/oauth2/v2.0/token", token.Path);
        Assert.Equal("https://graph.microsoft.com/.default", token.Form["scope"]);
        Assert.Equal(BotApp.AppId, token.Form["client_id"]);
    }

    [Fact]
    public async Task A_403_is_unknown_and_is_logged_once_as_the_missing_permission_without_anything_of_the_member()
    {
        Graph.Status = 403;
        await using var app = NewApp();

        var first = await Profiles(app).FindDepartmentAsync(Megan, Tenant, Cancel);
        var second = await Profiles(app).FindDepartmentAsync(Megan with { Id = "5d2b0f63-8c5e-4a1f-8b7d-3e9c2a5f8b01" }, Tenant, Cancel);

        Assert.Equal((null, null), (first, second));
        Assert.Equal(2, Graph.Requests.Count);
        var told = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Id == 4003);
        Assert.Equal(LogLevel.Warning, told.Level);
        Assert.Contains("User.Read.All", told.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Message.Contains(MeganId, StringComparison.Ordinal)
            || r.Message.Contains("Megan", StringComparison.Ordinal) || r.Message.Contains(Tenant, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_profile_a_profile_without_a_department_and_a_server_error_are_unknown()
    {
        Graph.Departments["5d2b0f63-8c5e-4a1f-8b7d-3e9c2a5f8b01"] = null;
        await using var app = NewApp();

        var unknownUser = await Profiles(app).FindDepartmentAsync(Megan, Tenant, Cancel);
        var noDepartment = await Profiles(app).FindDepartmentAsync(Megan with { Id = "5d2b0f63-8c5e-4a1f-8b7d-3e9c2a5f8b01" }, Tenant, Cancel);
        Graph.Status = 500;
        var failing = await Profiles(app).FindDepartmentAsync(Megan, Tenant, Cancel);

        Assert.Equal<string?>([null, null, null], [unknownUser, noDepartment, failing]);
        Assert.Equal(3, Graph.Requests.Count);
    }

    [Fact]
    public async Task A_graph_that_does_not_answer_in_time_is_unknown()
    {
        await using var app = NewApp(("Graph:Timeout", "00:00:00.200"));
        // The token is fetched first and kept, so that only Graph is slow.
        await app.Services.GetRequiredService<IAppTokenProvider>().GetTokenAsync(GraphMemberProfiles.Resource, Tenant, Cancel);
        Graph.Held = true;

        var department = await Profiles(app).FindDepartmentAsync(Megan, Tenant, Cancel);

        Assert.Null(department);
        Assert.Single(Graph.Requests);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 4005);
    }

    [Fact]
    public async Task A_member_known_only_by_their_channel_id_is_not_looked_up()
    {
        await using var app = NewApp();

        Assert.Null(await Profiles(app).FindDepartmentAsync(new Person("29:megan", "Megan Bowen"), Tenant, Cancel));
        Assert.Empty(Graph.Requests);
    }

    [Fact]
    public async Task A_members_first_contribution_takes_their_department_from_their_profile_and_they_are_not_asked()
    {
        Graph.Departments[MeganId] = "Sales";
        await using var app = NewApp();
        foreach (var line in new[] { "start Profiles", "Fewer abandoned baskets", "next", "next", "next", "Browse, Buy", "next" })
        {
            await PostAsync(app, "00000000-0000-0000-0000-000000000020", "Alex Wilber", line);
        }

        Connector.Reset();
        await PostAsync(app, MeganId, "Megan Bowen", "touchpoint Buy | website | Pays by card");
        await PostAsync(app, MeganId, "Megan Bowen", "pain Buy | Shipping cost shows late");

        var store = app.Services.GetRequiredService<IMapStore>();
        var map = (await store.GetLatestConversationMapAsync(new MapScope(Thread, Thread), Cancel))!.Map;
        var items = (await store.GetBoardAsync(Thread, map.Id, Cancel)).Items;
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Sales", i.AuthorDepartment));
        Assert.DoesNotContain(Connector.Requests, r => r.Body.Contains("which department", StringComparison.Ordinal));
        Assert.Equal($"/v1.0/users/{MeganId}", Assert.Single(Graph.Requests).Path);
    }

    [Fact]
    public async Task Without_Graph_Enabled_there_is_no_directory_and_members_are_asked()
    {
        await using var app = new BotApp(BotApp.WithAuthentication(Issuer, Tokens), BotApp.TrustingTokenService(Tokens));

        Assert.IsType<NoMemberDirectory>(Profiles(app));
    }

    [Theory]
    [InlineData(true, "", "https://graph.microsoft.com/v1.0/", "00:00:03", "Graph:Enabled needs MicrosoftAppId")]
    [InlineData(false, "", "http://graph.example/v1.0/", "00:00:03", "Graph:BaseUrl must be an absolute https address")]
    [InlineData(false, "", "https://graph.microsoft.com/v1.0/", "00:00:00", "Graph:Timeout must be between")]
    public void Settings_that_cannot_work_are_refused_at_start_up_with_the_setting_to_change(
        bool enabled, string appId, string baseUrl, string timeout, string expected)
    {
        var validator = new GraphOptionsValidator(Options.Create(new Protocol.Configuration.BotFrameworkOptions { MicrosoftAppId = appId }));

        var result = validator.Validate(null, new GraphOptions { Enabled = enabled, BaseUrl = baseUrl, Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    private const string Thread = "19:general@thread.tacv2;messageid=1700000000300";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IMemberProfiles Profiles(BotApp app) => app.Services.GetRequiredService<IMemberProfiles>();

    private BotApp NewApp(params (string Key, string Value)[] settings)
    {
        var all = BotApp.WithAuthentication(Issuer, Tokens);
        all["Graph:Enabled"] = "true";
        all["Graph:BaseUrl"] = Graph.BaseUrl;
        // The longest allowed: on a busy machine a first token and TLS handshake can outlast the 3 s
        // default, and only the timeout test is about the timeout (it sets its own).
        all["Graph:Timeout"] = "00:00:30";
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new BotApp(all, BotApp.TrustingTokenService(Tokens));
    }

    // A channel message mentioning the bot, from a member known by their Entra object id, in the tenant of the test.
    private async Task PostAsync(BotApp app, string memberId, string name, string text)
    {
        var serviceUrl = Connector.ServiceUrl();
        var activity = Activities.Message(serviceUrl, text, mentionBot: true, conversationId: Thread, activityId: $"1:{Guid.NewGuid():N}");
        activity.From = new ChannelAccount { Id = $"29:{name}", Name = name, AadObjectId = memberId };
        activity.Conversation!.TenantId = Tenant;
        var response = await app.PostActivityAsync(activity, TestTokenIssuer.ChannelToken(BotApp.AppId, serviceUrl));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
