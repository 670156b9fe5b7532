using System.Net;
using System.Text.Json;
using JourneyBot.Conversation;
using JourneyBot.Protocol.Schema;
using JourneyBot.Testing;
using JourneyBot.Web.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Web.Tests;

/// <summary><c>Storage:RetainDays</c>: finished maps unchanged that long are deleted by the host's retention pass, on Azurite.</summary>
public sealed class MapRetentionTests : IClassFixture<ConnectorFixture>
{
    private const string Team = "19:retention-team@thread.tacv2";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly RecordingConnector _connector;
    private int _activities;

    public MapRetentionTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_finished_map_unchanged_for_the_retention_period_is_deleted_and_a_recent_or_active_one_is_kept()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new BotApp(new Dictionary<string, string?> { ["Storage:RetainDays"] = "30" }, s => BotApp.UseClock(s, clock));
        await SayAsync(app, "19:a@thread.tacv2", "start Old map");
        await SayAsync(app, "19:a@thread.tacv2", "archive");
        clock.Advance(TimeSpan.FromDays(10));
        await SayAsync(app, "19:b@thread.tacv2", "start Recent map");
        await SayAsync(app, "19:b@thread.tacv2", "cancel");
        await SayAsync(app, "19:c@thread.tacv2", "start Live map");
        var store = app.Services.GetRequiredService<IMapStore>();
        var old = (await store.ListMapsAsync(Team, Cancel)).Single(m => m.Name == "Old map");
        var retention = app.Services.GetRequiredService<MapRetention>();

        // 35 days after "Old map" was archived, 25 after the others last changed.
        clock.Advance(TimeSpan.FromDays(25));
        await retention.PassAsync(Cancel);

        Assert.Equal(["Live map", "Recent map"], (await store.ListMapsAsync(Team, Cancel)).Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Empty((await store.GetBoardAsync(Team, old.Id, Cancel)).Items);
        Assert.Null(await store.GetShelvedMapAsync(Team, old.Id, Cancel));

        // A year on: the cancelled map goes; the one still being made stays.
        clock.Advance(TimeSpan.FromDays(365));
        await retention.PassAsync(Cancel);

        Assert.Equal(["Live map"], (await store.ListMapsAsync(Team, Cancel)).Select(m => m.Name));
    }

    [Fact]
    public async Task A_published_map_kept_living_by_a_review_or_by_its_future_map_being_made_is_kept()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new BotApp(new Dictionary<string, string?> { ["Storage:RetainDays"] = "30" }, s => BotApp.UseClock(s, clock));
        await PublishAsync(app, "19:a@thread.tacv2", "Reviewed map");
        await SayAsync(app, "19:a@thread.tacv2", "review every 7 days");
        await PublishAsync(app, "19:b@thread.tacv2", "Current map");
        await SayAsync(app, "19:b@thread.tacv2", "future");
        await PublishAsync(app, "19:c@thread.tacv2", "Plain map");
        var store = app.Services.GetRequiredService<IMapStore>();
        var retention = app.Services.GetRequiredService<MapRetention>();

        // 40 days on, none of the published maps' documents saved since: only the plain one goes.
        clock.Advance(TimeSpan.FromDays(40));
        await retention.PassAsync(Cancel);

        Assert.Equal(["Current map", "Current map (future)", "Reviewed map"],
            (await store.ListMapsAsync(Team, Cancel)).Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    private async Task PublishAsync(BotApp app, string thread, string name)
    {
        foreach (var line in new[] { $"start {name}", "Sell more shoes", "Ana", "Sees an ad", "First run", "template", "next",
            "touchpoint Purchase | website | Checkout page", "next", "publish" })
        {
            await SayAsync(app, thread, line);
        }
    }

    [Fact]
    public async Task Without_the_setting_no_map_is_ever_removed()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = new BotApp(new Dictionary<string, string?>(), s => BotApp.UseClock(s, clock));
        await SayAsync(app, "19:a@thread.tacv2", "start Old map");
        await SayAsync(app, "19:a@thread.tacv2", "archive");
        clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(0, await app.Services.GetRequiredService<MapRetention>().PassAsync(Cancel));
        Assert.Single(await app.Services.GetRequiredService<IMapStore>().ListMapsAsync(Team, Cancel));
    }

    private async Task SayAsync(BotApp app, string thread, string text)
    {
        var activity = Activities.Message(_connector.ServiceUrl(), text, mentionBot: true, conversationId: thread,
            activityId: $"1:retention-{Interlocked.Increment(ref _activities)}");
        activity.From = new ChannelAccount { Id = "29:alex", Name = "Alex Wilber", AadObjectId = "aad-alex" };
        activity.ChannelData = JsonDocument.Parse($$$"""{"team":{"id":"{{{Team}}}"}}""").RootElement.Clone();
        Assert.Equal(HttpStatusCode.OK, (await app.PostActivityAsync(activity)).StatusCode);
    }
}
