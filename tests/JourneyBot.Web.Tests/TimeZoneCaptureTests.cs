using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using JourneyBot.Web.Bot;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The member's time zone as Teams sends it (<c>localTimezone</c>, or <c>clientInfo</c>'s
/// <c>timezone</c>), only when it is a zone this host knows, and kept on the member's row.
/// </summary>
public sealed class TimeZoneCaptureTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>());

    public TimeZoneCaptureTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("Europe/Bucharest", null, "Europe/Bucharest")]
    [InlineData(null, "America/New_York", "America/New_York")]
    [InlineData("Europe/Bucharest", "Asia/Tokyo", "Europe/Bucharest")]
    [InlineData("Mars/Olympus_Mons", "Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("Mars/Olympus_Mons", null, null)]
    [InlineData(" Europe/Paris", null, null)]
    [InlineData("", "not a zone", null)]
    [InlineData(null, null, null)]
    public void The_time_zone_is_the_activitys_else_the_client_infos_and_only_a_known_zone(string? local, string? clientInfo, string? expected)
    {
        var activity = Activities.Message("http://127.0.0.1/", "status");
        activity.LocalTimezone = local;
        if (clientInfo is not null)
        {
            activity.Entities = [ClientInfo(clientInfo)];
        }

        Assert.Equal(expected, ActivityReader.TimeZoneOf(activity));
    }

    [Fact]
    public async Task A_members_time_zone_reaches_their_row_when_they_say_their_department()
    {
        var activity = Activities.Message(_connector.ServiceUrl(), "department Sales", mentionBot: true);
        activity.LocalTimezone = "Europe/Bucharest";
        activity.Entities = [.. activity.Entities!, ClientInfo("Europe/Bucharest")];

        await _app.PostActivityAsync(activity);

        var scope = ActivityReader.ScopeOf(activity);
        var row = await _app.Services.GetRequiredService<IMapStore>()
            .GetMemberAsync(scope.TeamKey, activity.From!.AadObjectId!, TestContext.Current.CancellationToken);
        Assert.Equal(new TeamMember("Sales", true) { TimeZone = "Europe/Bucharest" }, row);
    }

    private static Entity ClientInfo(string timeZone) => new()
    {
        Type = "clientInfo",
        ExtensionData = new Dictionary<string, JsonElement>
        {
            ["locale"] = JsonSerializer.SerializeToElement("en-US", ProtocolJson.Default.String),
            ["timezone"] = JsonSerializer.SerializeToElement(timeZone, ProtocolJson.Default.String),
        },
    };
}
