using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing;
using JourneyBot.Web.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests.Rounds;

/// <summary>
/// The crash test, on Azurite: two real bot processes on one table, a burst of 200 due
/// reminders, and a kill -9 of one of them while the burst is going out. Every member is reminded;
/// none twice, except "the one logged case".
/// </summary>
/// <remarks>
/// <para>The one logged case: an instance claims a reminder (its claim is an ETag-guarded lease on
/// the due row), sends it, and is killed before it notes on the member's ask that they were
/// reminded and marks the row done. Nobody can know whether the send went out; once the lease
/// runs out, the surviving instance takes the row over, logs event 4104 ("taken over from a claim
/// that ran out … may do it a second time") and sends the reminder again, because the ask still
/// says "not reminded". So every reminder sent twice is a row taken over with a 4104 warning
/// (and a row taken over after the ask was noted sends nothing: a warning with no repeat). On a
/// busy machine the surviving instance may also be slower than its lease, or a write may fail: the
/// work is then retried, logged as 4106, and may send once more too. Both are logged; nothing is
/// sent a third time.</para>
/// <para>Bounded: the connector answers each send after 150 ms, so the burst lasts a few seconds;
/// the kill is not timed but placed: the connector holds its answers until a reminder the due table
/// shows claimed by the instance to kill is among the sends waiting there (claim held, mid-send), so
/// the crash always leaves a claim to take over. Polls every 200 ms and an 8 s lease make the
/// take-over quick; everything waits at most 90 s.</para>
/// </remarks>
public sealed class ReminderBurstCrashTests : IClassFixture<ConnectorFixture>
{
    private const int Members = 200;
    private const string Team = "19:burst-team@thread.tacv2";
    private const string Thread = "19:burst@thread.tacv2;messageid=1700000000100";
    private const string MapId = "burst-map";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly RecordingConnector _connector;

    public ReminderBurstCrashTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    [Fact]
    public async Task Two_instances_and_a_kill_of_one_during_a_burst_of_200_reminders_remind_everyone_and_repeat_only_what_was_logged()
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bounded.CancelAfter(Bound);
        var cancel = bounded.Token;
        var azurite = await Azurite.SharedAsync();
        var table = azurite.NewTableName() + "burst";
        var logs = Path.Combine(Path.GetTempPath(), "journeybot-burst-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(logs);
        var (killedLog, survivorLog) = (Path.Combine(logs, "bot-killed.log"), Path.Combine(logs, "bot-survivor.log"));
        _connector.AnswerDelay = TimeSpan.FromMilliseconds(150);

        // Two instances on the same table; only the storage, the schedule's pace and the log differ from a real one.
        var bots = await Task.WhenAll(
            BotServer.StartConfiguredAsync(killedLog, Settings(azurite, table)),
            BotServer.StartConfiguredAsync(survivorLog, Settings(azurite, table)));
        var (killed, survivor) = (bots[0], bots[1]);
        try
        {
            // A round of 200 members, each with a 1:1 chat and a reminder due now, written as the bot writes them.
            await using var seeder = await ScheduleHost.StartAsync(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Tables"] = azurite.ConnectionString,
                ["Storage:TableName"] = table,
            }, TimeProvider.System);
            var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1);
            await SeedAsync(seeder.Services, at, cancel);

            // Act: kill -9 one instance once the burst is well under way (SIGKILL: no shutdown, no flush, claims left held).
            // The kill must find it holding a claim mid-send: the connector is held, and the kill waits until a
            // reminder the due table shows claimed by that process is among the sends waiting at the connector.
            // (A claim alone is not enough: on a busy machine its send may finish, and the row go, before the kill.)
            await _connector.WaitForAsync(r => IsReminder(r) && Reminded().Count >= 40, Bound);
            var release = _connector.Hold();
            int atKill;
            try
            {
                await HeldClaimOfAsync(azurite, table, killed.ProcessId, cancel);
                atKill = Reminded().Count;
                // BotServer's dispose is Process.Kill (SIGKILL on Linux) of the process and its children, then waits for the exit.
                await killed.DisposeAsync();
            }
            finally
            {
                release();
            }

            // Then wait (bounded) until every member was reminded and no due row is left.
            while (Reminded().Count < Members || await DueRowsAsync(azurite, table, cancel) > 0)
            {
                await Task.Delay(250, cancel);
            }

            // Assert: everyone at least once; never three times; twice only as often as a take-over was logged.
            var reminded = Reminded();
            Assert.Equal(Members, reminded.Count);
            Assert.True(atKill < Members, $"the kill came after all {Members} reminders: nothing was in flight");
            Assert.All(reminded.Values, n => Assert.InRange(n, 1, 2));
            var twice = reminded.Count(c => c.Value == 2);
            var warnings = await WarningsAsync(survivorLog, killedLog, twice, cancel);
            TestContext.Current.TestOutputHelper!.WriteLine(
                $"burst: {atKill} reminded before the kill, {twice} reminded twice, {warnings} take-overs or retries logged (4104, 4106)");
            Assert.True(twice <= warnings, $"{twice} members reminded twice, {warnings} take-overs logged");
            Assert.True(warnings >= 1, "the killed instance held no claim: the crash was not exercised");
            Assert.False(survivor.HasExited);
        }
        finally
        {
            await survivor.DisposeAsync();
            await killed.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Settings(Azurite azurite, string table) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Tables"] = azurite.ConnectionString,
        ["Storage__TableName"] = table,
        ["MapLinks__BaseUrl"] = "http://127.0.0.1",
        ["MapLinks__SigningKey"] = BotApp.TestLinkKey,
        ["Schedule__PollInterval"] = "00:00:00.200",
        ["Schedule__Lease"] = "00:00:08",
        ["Schedule__MaxPerPoll"] = "5",
        ["ConnectorRetry__BaseDelay"] = "00:00:00.050",
    };

    private async Task SeedAsync(IServiceProvider services, DateTimeOffset at, CancellationToken cancel)
    {
        var scope = new MapScope(Team, Thread);
        var map = new JourneyMap
        {
            Id = MapId, Name = "Burst", Facilitator = new("aad-alex", "Alex Wilber"), ConversationKey = Thread, Step = MapStep.Contribute,
            Objective = "Sell more shoes",
        };
        var stage = map.AddStage("Purchase");
        Assert.NotNull(await services.GetRequiredService<IMapStore>().TryPlaceAsync(scope, map, null, cancel));
        var round = new Round
        {
            MapId = MapId, Number = 1, ConversationKey = Thread, ServiceUrl = _connector.ServiceUrl(), TenantId = "tenant-1",
            Facilitator = map.Facilitator, Routing = new Dictionary<string, IReadOnlyList<string>> { [stage.Id] = ["Sales"] },
            Deadline = at.AddDays(2), TimeZone = "UTC", SentAt = at.AddDays(-1),
        };
        var asks = Enumerable.Range(1, Members).Select(i => new RoundAsk
        {
            Member = new Person(Member(i), $"Member {i}"), TeamsId = $"29:m{i}", Department = "Sales", StageIds = [stage.Id],
            ReminderAt = at, ChatId = Chat(i),
        }).ToList();
        Assert.True(await services.GetRequiredService<IRoundStore>().TryCreateAsync(Team, round, asks, cancel));
        var timers = new RoundWork(services.GetRequiredService<Conversation.Scheduling.IDueWorkStore>());
        var key = new RoundKey(Team, MapId, 1);
        await Parallel.ForEachAsync(asks, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancel },
            async (ask, token) => await timers.SetReminderAsync(key, ask.Member.Id, at, token));
    }

    private static string Member(int i) => "aad-m" + i.ToString(CultureInfo.InvariantCulture);

    private static string Chat(int i) => "a:1on1-29-m" + i.ToString(CultureInfo.InvariantCulture);

    private static bool IsReminder(ConnectorRequest request) =>
        request.Method == "POST" && RoundPipeline.ConversationOf(request) is { } chat && chat.StartsWith("a:1on1-29-m", StringComparison.Ordinal)
        && request.Body.Contains("A reminder:", StringComparison.Ordinal);

    // Reminders that reached the connector, per chat.
    private Dictionary<string, int> Reminded() =>
        _connector.Requests.Where(IsReminder).GroupBy(r => RoundPipeline.ConversationOf(r)!).ToDictionary(g => g.Key, g => g.Count());

    // Waits until a reminder claimed by the bot process <paramref name="processId"/> is being sent: its
    // member's 1:1 chat is among the sends held at the connector (DueWorkRunner's owner is
    // "<machine>-<process id>-<nonce>"; both bots run on this machine). Only the claimer sends it.
    private async Task HeldClaimOfAsync(Azurite azurite, string table, int processId, CancellationToken cancel)
    {
        var owner = $"{Environment.MachineName}-{processId.ToString(CultureInfo.InvariantCulture)}-";
        var due = new TableClient(azurite.ConnectionString, table + "due");
        while (true)
        {
            var held = _connector.HeldTargets.Select(target => RoundPipeline.ConversationOf(new ConnectorRequest("POST", target, null, "")))
                .ToHashSet(StringComparer.Ordinal);
            await foreach (var row in due.QueryAsync<TableEntity>(select: ["ClaimedBy", "Payload"], cancellationToken: cancel))
            {
                if (row.GetString("ClaimedBy")?.StartsWith(owner, StringComparison.Ordinal) == true
                    && JsonNode.Parse(row.GetString("Payload") ?? "{}")?["member"]?.GetValue<string>() is { } member
                    && held.Contains(Chat(int.Parse(member["aad-m".Length..], CultureInfo.InvariantCulture))))
                {
                    return;
                }
            }

            await Task.Delay(100, cancel);
        }
    }

    private static async Task<int> DueRowsAsync(Azurite azurite, string table, CancellationToken cancel)
    {
        var due = new TableClient(azurite.ConnectionString, table + "due");
        var count = 0;
        await foreach (var _ in due.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancel))
        {
            count++;
        }

        return count;
    }

    // The take-overs both instances logged ("warn: …DueWorkRunner[4104]"); the console logger writes
    // in the background, so the count is read again (bounded) until it covers the repeats, if it will.
    private static async Task<int> WarningsAsync(string survivorLog, string killedLog, int atLeast, CancellationToken cancel)
    {
        int Count() => new[] { survivorLog, killedLog }.Sum(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            // A take-over (4104), or a retry after a failure (4106: a host too slow to finish within its
            // lease, on a busy machine): the two cases where a reminder may go out again, both logged.
            return reader.ReadToEnd().Split('\n').Count(line =>
                line.Contains("DueWorkRunner[4104]", StringComparison.Ordinal) || line.Contains("DueWorkRunner[4106]", StringComparison.Ordinal));
        });

        for (var i = 0; i < 40 && Count() < Math.Max(atLeast, 1); i++)
        {
            await Task.Delay(250, cancel);
        }

        return Count();
    }
}
