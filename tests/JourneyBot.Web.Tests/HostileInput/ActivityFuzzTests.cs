using System.Diagnostics;
using System.Globalization;
using System.Text;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Protocol.Sending;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace JourneyBot.Web.Tests.HostileInput;

/// <summary>
/// A bounded, seeded activity fuzzer over the real pipeline (the host's middleware, authentication
/// off, the request processor, the turn handler and the conversation): no mutated activity may be
/// answered with a 5xx, nor put a control character into a log line. Maps and rounds are kept in
/// memory so that ten thousand turns take seconds; the bot's sends go to a recording connector on
/// loopback, unpaced.
/// </summary>
[Collection(nameof(ActivityFuzzTests))]
public sealed class ActivityFuzzTests : IClassFixture<ConnectorFixture>, IAsyncDisposable
{
    /// <summary>Set to fuzz with another seed; the default keeps the test command repeatable.</summary>
    private const string SeedVariable = "JOURNEYBOT_FUZZ_SEED";

    private const int Cases = 10_000;
    private const int Concurrency = 8;

    private readonly RecordingConnector _connector;
    private readonly BotApp _app = new(new Dictionary<string, string?>(), services =>
    {
        services.RemoveAll<IMapStore>();
        services.AddSingleton<IMapStore>(sp => new InMemoryMapStore(sp.GetRequiredService<TimeProvider>()));
        services.RemoveAll<IRoundStore>();
        services.AddSingleton<IRoundStore, InMemoryRoundStore>();
        services.Configure<SendPacingOptions>(o => (o.PerSecond, o.PerTwoSeconds, o.PerThirtySeconds) = (0, 0, 0));

        // Ten thousand turns' lines on the console would take longer than the turns; the fake log keeps them.
        foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            services.Remove(console);
        }
    });

    public ActivityFuzzTests(ConnectorFixture fixture)
    {
        _connector = fixture.Connector;
        _connector.Reset();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_mutated_activities_get_no_5xx()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var chosen) ? chosen : 1616;
        var fuzzer = new ActivityFuzzer(seed, _connector.ServiceUrl());
        var statuses = new Dictionary<int, int>();
        var failures = new List<(int Case, string What, byte[] Body)>();
        var next = 0;
        using var client = _app.CreateClient();
        var clock = Stopwatch.StartNew();

        async Task WorkAsync()
        {
            while (true)
            {
                int index;
                byte[] body;
                lock (fuzzer)
                {
                    if (next == Cases)
                    {
                        return;
                    }

                    index = next++;
                    body = fuzzer.Next();
                }

                var outcome = await PostAsync(client, body);
                lock (statuses)
                {
                    statuses[outcome.Status] = statuses.GetValueOrDefault(outcome.Status) + 1;
                    // 501 is the protocol's answer to an invoke the bot does not handle (its name mutated), not a failure.
                    if ((outcome.Status >= 500 && outcome.Status != 501) || outcome.Error is not null)
                    {
                        failures.Add((index, outcome.Error ?? outcome.Status.ToString(CultureInfo.InvariantCulture), body));
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(WorkAsync, TestContext.Current.CancellationToken)));
        clock.Stop();

        var summary = $"seed {seed} ({SeedVariable}), {Cases} cases in {clock.Elapsed.TotalSeconds:0.0} s, answers "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        if (failures.Count > 0)
        {
            var (index, what, body) = failures.MinBy(f => f.Case);
            var text = Encoding.UTF8.GetString(body);
            Assert.Fail($"{failures.Count} of {Cases} answered 5xx or failed; {summary}. First: case {index}, {what}, body "
                + (text.Length > 2_000 ? text[..2_000] + "…" : text));
        }

        // Every case reached the bot (none lost in the fuzzer itself).
        Assert.Equal(Cases, statuses.Values.Sum());

        // What the requests named reached the logs printable: no CR/LF, escape or separator to forge a line with.
        var forged = _app.Logs.GetSnapshot().Where(r => Unprintable.In(r.Message)).ToList();
        Assert.True(forged.Count == 0, $"{forged.Count} log lines with control characters; first: {forged.FirstOrDefault()?.Id.Id} {forged.FirstOrDefault()?.Message}");
    }

    private static async Task<(int Status, string? Error)> PostAsync(HttpClient client, byte[] body)
    {
        try
        {
            using var response = await client.PostBytesAsync(body);
            return ((int)response.StatusCode, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The test server hands the app's unhandled exceptions to the client: as bad as a 500.
            return (0, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}

/// <summary>
/// The fuzz run uses the machine's cores for seconds: it runs alone, after the parallel tests,
/// so that it does not slow the tests that wait on a clock or a connector.
/// </summary>
[CollectionDefinition(nameof(ActivityFuzzTests), DisableParallelization = true)]
public sealed class RunsAlone;
