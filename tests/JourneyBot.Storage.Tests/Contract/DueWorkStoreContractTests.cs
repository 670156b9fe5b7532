using JourneyBot.Conversation.Scheduling;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IDueWorkStore"/> must do: work is claimed once it is due and not before,
/// by one instance at a time; a lapsed claim can be taken over and says so; completing removes,
/// releasing makes it due again; entries outlive the instance that wrote them. "Instances" are
/// separate store objects on the same storage (<see cref="NewInstance"/>).
/// </summary>
public abstract class DueWorkStoreContractTests
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A store as a new instance of the bot gets it: same storage, no memory of its own.</summary>
    protected abstract IDueWorkStore NewInstance();

    [Fact]
    public async Task Work_is_not_claimed_before_it_is_due_and_is_claimed_once_it_is()
    {
        var store = NewInstance();
        var work = Work("r1", Now.AddMinutes(10));
        await store.ScheduleAsync(work, Cancel);

        var early = await store.ClaimDueAsync(Now.AddMinutes(10).AddSeconds(-1), "a", Lease, 10, Cancel);
        var due = await store.ClaimDueAsync(Now.AddMinutes(10), "a", Lease, 10, Cancel);

        Assert.Empty(early);
        var claim = Assert.Single(due);
        Assert.Equal(work, claim.Work);
        Assert.Equal((1, false, Now.AddMinutes(10) + Lease), (claim.Attempt, claim.EarlierClaimLapsed, claim.LeaseUntil));
    }

    [Fact]
    public async Task Scheduling_the_same_work_twice_keeps_one_entry_with_the_latest_payload()
    {
        var store = NewInstance();
        await store.ScheduleAsync(Work("r1", Now, payload: """{"v":1}"""), Cancel);
        await store.ScheduleAsync(Work("r1", Now, payload: """{"v":2}"""), Cancel);

        var claims = await store.ClaimDueAsync(Now, "a", Lease, 10, Cancel);

        Assert.Equal("""{"v":2}""", Assert.Single(claims).Work.Payload);
    }

    [Fact]
    public async Task A_claimed_entry_is_not_claimed_again_while_its_lease_holds()
    {
        var store = NewInstance();
        await store.ScheduleAsync(Work("r1", Now), Cancel);
        Assert.Single(await store.ClaimDueAsync(Now, "a", Lease, 10, Cancel));

        var again = await NewInstance().ClaimDueAsync(Now + Lease - TimeSpan.FromSeconds(1), "b", Lease, 10, Cancel);

        Assert.Empty(again);
    }

    [Fact]
    public async Task Two_instances_claiming_the_same_due_entries_at_once_claim_each_exactly_once()
    {
        // Arrange: 60 entries due over the last three hours (three partitions); two instances.
        var writer = NewInstance();
        var ids = Enumerable.Range(0, 60).Select(i => $"w{i:00}").ToList();
        await Task.WhenAll(ids.Select((id, i) => writer.ScheduleAsync(Work(id, Now.AddMinutes(-i * 3)), Cancel)));
        IDueWorkStore[] instances = [NewInstance(), NewInstance()];

        // Act: each claims small batches, at the same moment as the other, until it finds none.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = instances.Select((store, n) => Task.Run(async () =>
        {
            await start.Task;
            var mine = new List<ClaimedWork>();
            for (var round = 0; round < 100; round++)
            {
                var batch = await store.ClaimDueAsync(Now, $"instance{n}", Lease, 7, Cancel);
                if (batch.Count == 0)
                {
                    break;
                }

                mine.AddRange(batch);
            }

            return mine;
        })).ToArray();
        start.SetResult();
        var claimed = (await Task.WhenAll(runs)).SelectMany(c => c).ToList();

        // Assert: every entry once, none twice, none left.
        Assert.Equal(ids, claimed.Select(c => c.Work.Id).Order(StringComparer.Ordinal));
        Assert.All(claimed, c => Assert.Equal((1, false), (c.Attempt, c.EarlierClaimLapsed)));
        Assert.Empty(await NewInstance().ClaimDueAsync(Now, "c", Lease, 100, Cancel));
    }

    [Fact]
    public async Task An_entry_whose_lease_ran_out_is_claimed_again_flagged_and_the_first_claim_is_lost()
    {
        var store = NewInstance();
        await store.ScheduleAsync(Work("r1", Now), Cancel);
        var first = Assert.Single(await store.ClaimDueAsync(Now, "a", Lease, 10, Cancel));

        var second = Assert.Single(await NewInstance().ClaimDueAsync(Now + Lease, "b", Lease, 10, Cancel));

        Assert.Equal((2, true), (second.Attempt, second.EarlierClaimLapsed));
        Assert.False(await store.CompleteAsync(first, Cancel));
        Assert.False(await store.ReleaseAsync(first, Now, Cancel));
        Assert.True(await store.CompleteAsync(second, Cancel));
        Assert.Empty(await store.ClaimDueAsync(Now + (3 * Lease), "a", Lease, 10, Cancel));
    }

    [Fact]
    public async Task Completing_removes_the_entry_and_completing_again_is_false()
    {
        var store = NewInstance();
        await store.ScheduleAsync(Work("r1", Now), Cancel);
        var claim = Assert.Single(await store.ClaimDueAsync(Now, "a", Lease, 10, Cancel));

        Assert.True(await store.CompleteAsync(claim, Cancel));

        Assert.False(await store.CompleteAsync(claim, Cancel));
        Assert.Empty(await store.ClaimDueAsync(Now.AddDays(1), "a", Lease, 10, Cancel));
    }

    [Fact]
    public async Task Releasing_makes_the_entry_due_again_at_the_retry_time_with_its_attempts_counted()
    {
        var store = NewInstance();
        await store.ScheduleAsync(Work("r1", Now), Cancel);
        var claim = Assert.Single(await store.ClaimDueAsync(Now, "a", Lease, 10, Cancel));

        Assert.True(await store.ReleaseAsync(claim, Now.AddMinutes(10), Cancel));

        Assert.Empty(await store.ClaimDueAsync(Now.AddMinutes(10).AddSeconds(-1), "a", Lease, 10, Cancel));
        var retry = Assert.Single(await store.ClaimDueAsync(Now.AddMinutes(10), "b", Lease, 10, Cancel));
        Assert.Equal((2, false), (retry.Attempt, retry.EarlierClaimLapsed));
        Assert.Equal(claim.Work, retry.Work);
    }

    [Fact]
    public async Task Scheduling_again_replaces_a_claimed_entry_and_the_old_claim_is_lost()
    {
        var store = NewInstance();
        await store.ScheduleAsync(Work("r1", Now), Cancel);
        var claim = Assert.Single(await store.ClaimDueAsync(Now, "a", Lease, 10, Cancel));

        await store.ScheduleAsync(Work("r1", Now.AddMinutes(20)), Cancel);

        Assert.False(await store.CompleteAsync(claim, Cancel));
        var rescheduled = Assert.Single(await store.ClaimDueAsync(Now.AddMinutes(20), "a", Lease, 10, Cancel));
        Assert.Equal((Now.AddMinutes(20), 1), (rescheduled.Work.DueAt, rescheduled.Attempt));
    }

    [Fact]
    public async Task Cancelling_removes_the_entry_and_cancelling_what_is_not_there_is_fine()
    {
        var store = NewInstance();
        var work = Work("r1", Now);
        await store.ScheduleAsync(work, Cancel);

        await store.CancelAsync(work, Cancel);
        await store.CancelAsync(work, Cancel);
        await store.CancelAsync(Work("never", Now.AddDays(3)), Cancel);

        Assert.Empty(await store.ClaimDueAsync(Now.AddDays(1), "a", Lease, 10, Cancel));
    }

    [Fact]
    public async Task Work_due_days_ago_is_found_by_a_new_instance_after_a_restart()
    {
        // Arrange: written by an instance that then stopped; due three days ago and an hour ago.
        var before = NewInstance();
        await before.ScheduleAsync(Work("old", Now.AddDays(-3)), Cancel);
        await before.ScheduleAsync(Work("recent", Now.AddHours(-1)), Cancel);

        // Act
        var claims = await NewInstance().ClaimDueAsync(Now, "after-restart", Lease, 10, Cancel);

        // Assert: earliest first.
        Assert.Equal(["old", "recent"], claims.Select(c => c.Work.Id));
    }

    [Fact]
    public async Task An_instance_finds_work_scheduled_into_an_hour_it_has_passed()
    {
        // Arrange: the instance has polled through the look-back, so its cursor is at this hour.
        var store = NewInstance();
        var other = NewInstance();
        Assert.Empty(await store.ClaimDueAsync(Now, "a", Lease, 10, Cancel));
        Assert.Empty(await store.ClaimDueAsync(Now.AddMinutes(1), "a", Lease, 10, Cancel));

        // Act: work due two hours ago, scheduled late, by this instance and by another one.
        await store.ScheduleAsync(Work("mine", Now.AddHours(-2)), Cancel);
        await other.ScheduleAsync(Work("theirs", Now.AddHours(-3)), Cancel);
        var atOnce = await store.ClaimDueAsync(Now.AddMinutes(2), "a", Lease, 10, Cancel);
        foreach (var claim in atOnce)
        {
            Assert.True(await store.CompleteAsync(claim, Cancel));
        }

        var atTheRescan = await store.ClaimDueAsync(Now.AddHours(2), "a", Lease, 10, Cancel);

        // Assert: its own at once; the other's, in an hour it had passed, at its next rescan.
        Assert.Equal(["mine"], atOnce.Select(c => c.Work.Id));
        Assert.Equal(["theirs"], atTheRescan.Select(c => c.Work.Id));
    }

    [Fact]
    public async Task Claims_take_at_most_max_entries_earliest_due_first()
    {
        var store = NewInstance();
        foreach (var i in Enumerable.Range(0, 5))
        {
            await store.ScheduleAsync(Work($"r{i}", Now.AddHours(-i)), Cancel);
        }

        var claims = await store.ClaimDueAsync(Now, "a", Lease, 3, Cancel);

        Assert.Equal(["r4", "r3", "r2"], claims.Select(c => c.Work.Id));
    }

    [Fact]
    public async Task Odd_ids_round_trip_and_stay_apart()
    {
        var store = NewInstance();
        foreach (var id in OddKeys.All)
        {
            await store.ScheduleAsync(Work(id, Now), Cancel);
        }

        var claims = await store.ClaimDueAsync(Now, "a", Lease, 100, Cancel);

        Assert.Equal(OddKeys.All.Order(StringComparer.Ordinal), claims.Select(c => c.Work.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_payload_over_the_limit_or_an_empty_id_is_refused()
    {
        var store = NewInstance();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.ScheduleAsync(Work("big", Now, payload: new string('x', DueWork.MaxPayloadLength + 1)), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ScheduleAsync(Work(" ", Now), Cancel));
    }

    protected static DueWork Work(string id, DateTimeOffset dueAt, string payload = """{"round":"r1"}""") =>
        new(id, "test.reminder", dueAt, payload);
}
