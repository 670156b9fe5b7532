using System.Net;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Protocol.Schema;
using JourneyBot.Storage;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// Who a member is and which team they speak in come from <c>from</c> and <c>channelData</c>, which
/// a Web Chat or Direct Line client writes itself: outside Development only Teams is served, and
/// <c>BotHost:AllowedTenants</c> narrows it to the tenants named. A refusal is a 403 before the
/// turn, so nothing of the team is read.
/// </summary>
public sealed class ServedChannelsTests(TokenIssuerFixture fixture) : IClassFixture<TokenIssuerFixture>
{
    private const string TeamId = "19:team-of-alex@thread.tacv2";
    private const string AlexAad = "00000000-0000-0000-0000-000000000020";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string ServiceUrl => fixture.Connector.ServiceUrl();

    private BotApp Host(string environment, params (string Key, string Value)[] settings)
    {
        fixture.Connector.Reset();
        var all = BotApp.WithAuthentication(fixture.Issuer, fixture.Tokens);
        // Outside Development the links' base address must be https (MapLinks:BaseUrl).
        all["MapLinks:BaseUrl"] = "https://localhost";
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return new BotApp(all, BotApp.TrustingTokenService(fixture.Tokens)) { HostEnvironment = environment };
    }

    private Activity Message(string channelId, string text, string? tenantId = "tenant-1")
    {
        var activity = Activities.Message(ServiceUrl, text, mentionBot: true, channelId: channelId);
        var tenant = tenantId is null ? string.Empty : $$""","tenant":{"id":"{{tenantId}}"}""";
        activity.ChannelData = JsonDocument.Parse($$"""{"team":{"id":"{{TeamId}}"}{{tenant}}}""").RootElement.Clone();
        return activity;
    }

    private async Task<HttpStatusCode> PostAsync(BotApp app, Activity activity) =>
        (await app.PostActivityAsync(activity, TestTokenIssuer.ChannelToken(BotApp.AppId, ServiceUrl))).StatusCode;

    [Fact]
    public async Task In_production_a_webchat_activity_naming_an_existing_team_is_refused_and_nothing_is_read()
    {
        await using var app = Host("Production");
        var store = app.Services.GetRequiredService<IMapStore>();
        await store.PutMemberAsync(TeamId, AlexAad, new TeamMember("Sales", AskedForDepartment: true), Cancel);
        var storage = app.Services.GetRequiredService<StorageMetrics>();
        var before = storage.Total;

        var status = await PostAsync(app, Message("webchat", "department Finance"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, storage.Total);
        Assert.Empty(fixture.Connector.Requests);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 1111 && r.Message.Contains("webchat", StringComparison.Ordinal));
        Assert.Equal("Sales", (await store.GetMemberAsync(TeamId, AlexAad, Cancel))?.Department);
    }

    [Theory]
    [InlineData("Production", "emulator")]
    [InlineData("Production", "directline")]
    [InlineData("Testing", "webchat")]
    public async Task Outside_development_no_channel_but_teams_is_served(string environment, string channelId)
    {
        await using var app = Host(environment);

        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, Message(channelId, "help")));
        Assert.Empty(fixture.Connector.Requests);
    }

    [Fact]
    public async Task Outside_development_teams_is_served()
    {
        await using var app = Host("Testing");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(app, Message("msteams", "help")));
        Assert.Single(fixture.Connector.Requests);
    }

    [Theory]
    [InlineData("emulator")]
    [InlineData("webchat")]
    public async Task In_development_the_emulator_and_web_chat_are_served(string channelId)
    {
        await using var app = Host("Development");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(app, Message(channelId, "help")));
    }

    [Fact]
    public async Task An_explicit_setting_serves_the_channels_it_names_and_only_those()
    {
        await using var app = Host("Testing", ("BotHost:AllowedChannels:0", "msteams"), ("BotHost:AllowedChannels:1", "webchat"));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(app, Message("webchat", "help")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, Message("emulator", "help")));
    }

    [Fact]
    public async Task With_allowed_tenants_only_their_activities_are_served()
    {
        await using var app = Host("Testing", ("BotHost:AllowedTenants:0", "tenant-1"), ("BotHost:AllowedTenants:1", "tenant-2"));
        var storage = app.Services.GetRequiredService<StorageMetrics>();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(app, Message("msteams", "help", tenantId: "tenant-2")));
        var before = storage.Total;
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, Message("msteams", "help", tenantId: "tenant-3")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, Message("msteams", "help", tenantId: "TENANT-1x")));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(app, Message("msteams", "help", tenantId: null)));

        Assert.Equal(before, storage.Total);
        Assert.Single(fixture.Connector.Requests);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 1112);
    }

    [Fact]
    public async Task Without_allowed_tenants_any_tenant_is_served()
    {
        await using var app = Host("Testing");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(app, Message("msteams", "help", tenantId: "any-tenant")));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(app, Message("msteams", "help", tenantId: null)));
    }
}
