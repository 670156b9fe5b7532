using JourneyBot.Conversation;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using JourneyBot.Web.Members;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// A team's roster through the real host: the paged members API on the recording connector,
/// joined with the member rows on Azurite, and bounded at 500 members.
/// </summary>
public sealed class TeamRosterTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    private const string Team = "19:team@thread.tacv2";
    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>());

    public TeamRosterTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IMapStore Store => _app.Services.GetRequiredService<IMapStore>();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Members_are_read_page_by_page_and_joined_with_their_rows_without_bots()
    {
        var megansChat = new PersonalChat(_connector.ServiceUrl(), "a:1on1-megan");
        _connector.UseRoster(
        [
            Account("29:megan", "aad-megan"), Account("28:bot-app-id", null), Account("29:adele", "aad-adele"), Account("29:isaiah", null),
        ], pageSize: 2);
        await Store.PutMemberAsync(Team, "aad-megan", new TeamMember("Sales", true) { Chat = megansChat, TimeZone = "Europe/Bucharest" }, Cancel);
        // Megan typed mute in her 1:1 chat: kept on her row of that chat's own scope.
        await Store.PutMemberAsync(megansChat.ConversationId, "aad-megan", TeamMember.New with { Muted = true, TimeZone = "Asia/Tokyo" }, Cancel);
        await Store.PutMemberAsync(Team, "29:isaiah", new TeamMember("Product", true) { Muted = true }, Cancel);

        var roster = await Roster().ListAsync(Team, _connector.ServiceUrl(), Team, Cancel);

        Assert.False(roster.OverLimit);
        Assert.Equal(
        [
            new RosterMember(new ChatMember("29:megan", "Member 29:megan", "aad-megan"), "Sales", megansChat, "Europe/Bucharest", Muted: true),
            new RosterMember(new ChatMember("29:adele", "Member 29:adele", "aad-adele"), null, null, null, Muted: false),
            new RosterMember(new ChatMember("29:isaiah", "Member 29:isaiah", null), "Product", null, null, Muted: true),
        ], roster.Members);
        Assert.Equal(2, _connector.Requests.Count(r => r.RawTarget.Contains("/pagedmembers", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Over_500_members_listing_stops_at_the_501st_and_says_so()
    {
        _connector.UseRoster(Enumerable.Range(1, 900).Select(i => Account($"29:m{i}", null)), pageSize: 100);

        var roster = await Roster().ListAsync(Team, _connector.ServiceUrl(), Team, Cancel);

        Assert.True(roster.OverLimit);
        Assert.Equal(501, roster.Members.Count);
        Assert.Equal(6, _connector.Requests.Count(r => r.RawTarget.Contains("/pagedmembers", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Exactly_500_members_are_a_roster_within_the_limit()
    {
        _connector.UseRoster(Enumerable.Range(1, 500).Select(i => Account($"29:m{i}", null)), pageSize: 250);

        var roster = await Roster().ListAsync(Team, _connector.ServiceUrl(), Team, Cancel);

        Assert.False(roster.OverLimit);
        Assert.Equal(500, roster.Members.Count);
    }

    private TeamRoster Roster() => _app.Services.GetRequiredService<TeamRoster>();

    private static ChannelAccount Account(string id, string? aadObjectId) => new() { Id = id, Name = $"Member {id}", AadObjectId = aadObjectId };
}
