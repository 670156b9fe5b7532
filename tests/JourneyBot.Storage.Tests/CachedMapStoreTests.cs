using System.Diagnostics.Metrics;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace JourneyBot.Storage.Tests;

/// <summary>
/// The store the bot gets keeps a conversation's map and members' departments for a few seconds,
/// so a contribution costs one write; writes stay exact across instances.
/// </summary>
public sealed class CachedMapStoreTests(StoreFixture fixture) : TableStoreTests(fixture)
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task A_map_read_again_within_the_lifetime_costs_no_request_and_each_read_is_a_copy_of_its_own()
    {
        var store = Cached();
        var scope = Maps.NewScope();
        await store.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var before = Fixture.Metrics.Total;

        var first = await store.GetConversationMapAsync(scope, Cancel);
        first!.Map.Name = "Changed by one turn, never saved";
        var second = await store.GetConversationMapAsync(scope, Cancel);

        Assert.Equal(0, Fixture.Metrics.Total - before);
        Assert.Equal("Onboarding", second!.Map.Name);
        Assert.Equal(first.ETag, second.ETag);
    }

    [Fact]
    public async Task After_the_lifetime_an_unchanged_map_is_checked_by_the_query_of_its_counts_which_the_turn_then_needs_no_more()
    {
        var store = Cached();
        var scope = Maps.NewScope();
        await store.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var requests = Requests();

        var map = await store.GetConversationMapAsync(scope, Cancel);
        var tally = await store.CountItemsAsync(scope.TeamKey, "m1", Cancel);
        await store.GetConversationMapAsync(scope, Cancel);

        Assert.Equal(["query"], Operations(requests));
        Assert.Equal(("Onboarding", 0), (map!.Map.Name, tally.Items));
    }

    [Fact]
    public async Task After_the_lifetime_a_map_this_instance_saved_is_checked_the_same_way()
    {
        var store = Cached();
        var scope = Maps.NewScope();
        await store.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var held = (await store.GetConversationMapAsync(scope, Cancel))!;
        held.Map.Persona = "Maya, a first-time runner";
        held.Map.AddStage("Discover");
        Assert.NotNull(await store.TrySaveAsync(scope, held, Cancel));
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var requests = Requests();

        var again = (await store.GetConversationMapAsync(scope, Cancel))!;

        Assert.Equal(["query"], Operations(requests));
        Assert.Equal("Maya, a first-time runner", again.Map.Persona);
    }

    [Fact]
    public async Task After_the_lifetime_a_map_read_from_storage_is_checked_the_same_way()
    {
        var here = Cached();
        var scope = Maps.NewScope();
        await Cached().TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var read = (await here.GetConversationMapAsync(scope, Cancel))!;
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var requests = Requests();

        var again = (await here.GetConversationMapAsync(scope, Cancel))!;

        Assert.Equal(["query"], Operations(requests));
        Assert.Equal((read.ETag, Maps.Json(read.Map)), (again.ETag, Maps.Json(again.Map)));
    }

    [Fact]
    public async Task After_the_lifetime_what_another_instance_saved_is_read_as_it_is_now()
    {
        var (here, there) = (Cached(), Cached());
        var scope = Maps.NewScope();
        await here.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var seenThere = (await there.GetConversationMapAsync(scope, Cancel))!;
        seenThere.Map.Persona = "Maya, saved on the other instance";
        var saved = await there.TrySaveAsync(scope, seenThere, Cancel);
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var requests = Requests();

        var now = (await here.GetConversationMapAsync(scope, Cancel))!;

        Assert.Equal(["query", "read"], Operations(requests));
        Assert.Equal((saved, "Maya, saved on the other instance"), (now.ETag, now.Map.Persona));
    }

    [Fact]
    public async Task After_the_lifetime_a_map_another_conversation_took_unchanged_is_no_longer_this_conversations()
    {
        var (here, there) = (Cached(), Cached());
        var team = Maps.NewScope().TeamKey;
        var (first, second) = (new MapScope(team, "19:first@thread.tacv2"), new MapScope(team, "19:second@thread.tacv2"));
        await here.TryPlaceAsync(first, Maps.NewMap(first, "m1"), null, Cancel);
        var held = (await there.GetConversationMapAsync(first, Cancel))!;
        Assert.NotNull(await there.TryTakeAsync(second, held, first, null, Cancel));
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(await here.GetConversationMapAsync(first, Cancel));
        Assert.Equal("m1", (await here.GetConversationMapAsync(second, Cancel))!.Map.Id);
    }

    [Fact]
    public async Task After_the_lifetime_a_conversation_that_placed_another_map_no_longer_shows_the_first()
    {
        var (here, there) = (Cached(), Cached());
        var scope = Maps.NewScope();
        await here.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var held = (await there.GetConversationMapAsync(scope, Cancel))!;
        Assert.NotNull(await there.TryPlaceAsync(scope, Maps.NewMap(scope, "m2", "Renewals"), held, Cancel));
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("m2", (await here.GetConversationMapAsync(scope, Cancel))!.Map.Id);
    }

    [Fact]
    public async Task After_the_lifetime_a_map_deleted_by_another_instance_is_gone_here_too()
    {
        var (here, there) = (Cached(), Cached());
        var scope = Maps.NewScope();
        await here.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        Assert.True(await there.DeleteMapAsync(scope.TeamKey, "m1", Cancel));
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(await here.GetConversationMapAsync(scope, Cancel));
    }

    [Fact]
    public async Task A_copy_checked_again_and_again_is_still_read_anew_ten_minutes_after_it_was_read()
    {
        var store = Cached();
        var scope = Maps.NewScope();
        await store.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        using (var checks = Requests())
        {
            for (var i = 0; i < 119; i++)
            {
                _clock.Advance(TimeSpan.FromSeconds(5));
                await store.GetConversationMapAsync(scope, Cancel);
            }

            Assert.Equal(Enumerable.Repeat("query", 119), Operations(checks));
        }

        using var requests = Requests();
        _clock.Advance(TimeSpan.FromSeconds(10));
        await store.GetConversationMapAsync(scope, Cancel);

        Assert.Equal(["read"], Operations(requests));
    }

    [Fact]
    public async Task A_maps_item_count_is_read_once_a_lifetime_with_this_instances_adds_counted_in_and_items_of_many_writers_all_kept()
    {
        var here = Cached();
        var there = Cached();
        var team = Maps.NewScope().TeamKey;
        await here.TryAddItemAsync(team, "m1", Maps.NewItem("k0"), Cancel);
        Assert.Equal(1, (await here.CountItemsAsync(team, "m1", Cancel)).Items);
        using var requests = new MetricCollector<long>(
            Fixture.Services.GetRequiredService<IMeterFactory>(), StorageMetrics.MeterName, StorageMetrics.OperationsCounterName);

        // Many members at once, on two instances: every item is its own row, a count never blocks one.
        await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            (i % 2 == 0 ? here : there).TryAddItemAsync(team, "m1", Maps.NewItem($"k{i}") with { Author = new Person($"29:1m{i}", $"M{i}") }, Cancel)));
        var counted = await here.CountItemsAsync(team, "m1", Cancel);

        // Per member, their counts read (a first item) and the item written with them: no count of the map read.
        var kinds = requests.GetMeasurementSnapshot().Select(r => (string)r.Tags["operation"]!).ToList();
        Assert.Equal((20, 20, 0), (kinds.Count(k => k == "read"), kinds.Count(k => k == "transaction"), kinds.Count(k => k == "query")));
        Assert.Equal((11, 1), (counted.Items, counted.Of("29:1m2"))); // what the other instance added shows at the next read
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(21, (await here.CountItemsAsync(team, "m1", Cancel)).Items);
        Assert.Equal(21, (await here.GetBoardAsync(team, "m1", Cancel)).Items.Count);
    }

    [Fact]
    public async Task A_copy_made_stale_by_another_instance_fails_to_save_and_the_next_read_is_fresh()
    {
        var here = Cached();
        var there = Cached();
        var scope = Maps.NewScope();
        await here.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var seenHere = (await here.GetConversationMapAsync(scope, Cancel))!;
        var seenThere = (await there.GetConversationMapAsync(scope, Cancel))!;
        seenThere.Map.Name = "Renamed on the other instance";
        Assert.NotNull(await there.TrySaveAsync(scope, seenThere, Cancel));

        seenHere.Map.Objective = "A change made from the stale copy";
        var refused = await here.TrySaveAsync(scope, seenHere, Cancel);
        var reread = (await here.GetConversationMapAsync(scope, Cancel))!;

        Assert.Null(refused);
        Assert.Equal("Renamed on the other instance", reread.Map.Name);
        Assert.NotNull(await here.TrySaveAsync(scope, reread, Cancel));
    }

    [Fact]
    public async Task A_saved_map_is_what_the_next_read_gives_without_a_request()
    {
        var store = Cached();
        var scope = Maps.NewScope();
        await store.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var held = (await store.GetConversationMapAsync(scope, Cancel))!;
        held.Map.Persona = "Maya, a first-time runner";
        var version = await store.TrySaveAsync(scope, held, Cancel);
        var before = Fixture.Metrics.Total;

        var next = (await store.GetConversationMapAsync(scope, Cancel))!;

        Assert.Equal(0, Fixture.Metrics.Total - before);
        Assert.Equal((version, "Maya, a first-time runner"), (next.ETag, next.Map.Persona));
    }

    [Fact]
    public async Task Members_are_kept_too_including_someone_not_known_yet_and_a_put_is_seen_at_once()
    {
        var store = Cached();
        var team = Maps.NewScope().TeamKey;
        var before = Fixture.Metrics.Total;

        Assert.Null(await store.GetMemberAsync(team, "29:1ana", Cancel));
        Assert.Null(await store.GetMemberAsync(team, "29:1ana", Cancel));
        await store.PutMemberAsync(team, "29:1ana", new TeamMember("Support", true), Cancel);
        var known = await store.GetMemberAsync(team, "29:1ana", Cancel);

        Assert.Equal(new TeamMember("Support", true), known);
        Assert.Equal(2, Fixture.Metrics.Total - before); // one read, one write
    }

    [Fact]
    public async Task A_write_of_some_fields_merged_into_a_members_copy_does_not_make_the_others_fresh_again()
    {
        var (here, there) = (Cached(), Cached());
        var team = Maps.NewScope().TeamKey;
        await here.PutMemberAsync(team, "29:1ana", new TeamMember("Support", true), Cancel);
        Assert.NotNull(await here.GetMemberAsync(team, "29:1ana", Cancel));
        await there.PutMemberAsync(team, "29:1ana", new TeamMember("Sales", true), MemberFields.Department, Cancel);
        _clock.Advance(TimeSpan.FromSeconds(3));

        await here.PutMemberAsync(team, "29:1ana", TeamMember.New with { TimeZone = "Europe/Madrid" }, MemberFields.TimeZone, Cancel);
        var merged = await here.GetMemberAsync(team, "29:1ana", Cancel);
        _clock.Advance(TimeSpan.FromSeconds(3));
        var later = await here.GetMemberAsync(team, "29:1ana", Cancel);

        Assert.Equal(("Support", "Europe/Madrid"), (merged!.Department, merged.TimeZone)); // within the copy's lifetime
        Assert.Equal(("Sales", "Europe/Madrid"), (later!.Department, later.TimeZone)); // past it: read again
    }

    [Fact]
    public async Task With_a_lifetime_of_zero_every_read_goes_to_storage()
    {
        var store = Cached(TimeSpan.Zero);
        var scope = Maps.NewScope();
        await store.TryPlaceAsync(scope, Maps.NewMap(scope, "m1"), null, Cancel);
        var before = Fixture.Metrics.Total;

        await store.GetConversationMapAsync(scope, Cancel);
        await store.GetConversationMapAsync(scope, Cancel);
        await store.GetMemberAsync(scope.TeamKey, "29:1ana", Cancel);
        await store.GetMemberAsync(scope.TeamKey, "29:1ana", Cancel);

        Assert.Equal(4, Fixture.Metrics.Total - before);
    }

    [Fact]
    public void The_memory_stays_within_its_capacity_however_many_conversations_pass()
    {
        var reads = new RecentReads<string>(_clock, TimeSpan.FromMinutes(1), capacity: 100);

        for (var i = 0; i < 10_000; i++)
        {
            reads.Set($"conversation-{i}", "map");
        }

        Assert.InRange(reads.Count, 1, 100);
        Assert.True(reads.TryGet("conversation-9999", out _));
    }

    [Fact]
    public void When_full_the_least_recently_used_go_first_and_the_bytes_stay_within_their_bound()
    {
        var reads = new RecentReads<string>(_clock, TimeSpan.FromMinutes(1), capacity: 1_000, maxBytes: 10_000, weigh: value => value.Length);
        reads.Set("busy", new string('b', 100));

        for (var i = 0; i < 1_000; i++)
        {
            reads.Set($"conversation-{i}", new string('m', 100));
            Assert.True(reads.TryGet("busy", out _)); // a conversation in use all along
        }

        Assert.InRange(reads.Bytes, 1, 10_000);
        Assert.Equal((long)reads.Count * 100, reads.Bytes);
        Assert.True(reads.TryGet("busy", out _));
        Assert.True(reads.TryGet("conversation-999", out _));
        Assert.False(reads.TryGet("conversation-0", out _));
    }

    private MetricCollector<long> Requests() =>
        new(Fixture.Services.GetRequiredService<IMeterFactory>(), StorageMetrics.MeterName, StorageMetrics.OperationsCounterName);

    private static List<string> Operations(MetricCollector<long> requests) =>
        [.. requests.GetMeasurementSnapshot().Select(r => (string)r.Tags["operation"]!)];

    private CachedMapStore Cached(TimeSpan? lifetime = null) => new(
        Fixture.Services.GetRequiredService<TableMapStore>(),
        _clock,
        Options.Create(new TableStorageOptions { CacheLifetime = lifetime ?? TimeSpan.FromSeconds(5) }));
}
