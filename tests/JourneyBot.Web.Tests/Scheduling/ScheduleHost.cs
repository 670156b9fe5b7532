using JourneyBot.Conversation.Scheduling;
using JourneyBot.Storage;
using JourneyBot.Testing;
using JourneyBot.Web.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics.Metrics;

namespace JourneyBot.Web.Tests.Scheduling;

/// <summary>
/// One bot instance as far as the schedule goes: a host with the table store and the runner as the
/// bot registers them, on Azurite, on a clock the test moves. Several on one table are several instances.
/// </summary>
internal sealed class ScheduleHost : IAsyncDisposable
{
    public const string Kind = "test.reminder";

    private readonly IHost _host;
    private readonly MetricCollector<long> _polls;
    private bool _stopped;

    private ScheduleHost(IHost host)
    {
        _host = host;
        _polls = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), Telemetry.WebMetrics.MeterName, ScheduleMetrics.Polls);
    }

    public IServiceProvider Services => _host.Services;

    public IDueWorkStore Store => _host.Services.GetRequiredService<IDueWorkStore>();

    public FakeLogCollector Logs => _host.Services.GetFakeLogCollector();

    /// <summary>Polls finished so far; after each, the runner waits on the clock.</summary>
    public int Polls => _polls.GetMeasurementSnapshot().Count;

    /// <summary>Settings for a new pair of tables of the shared Azurite, to pass to every instance of one test.</summary>
    public static async Task<Dictionary<string, string?>> NewTablesAsync()
    {
        var azurite = await Azurite.SharedAsync();
        return new()
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Storage:TableName"] = azurite.NewTableName(),
            ["Schedule:PollInterval"] = "00:00:05",
            ["Schedule:Lease"] = "00:02:00",
            ["Schedule:RetryDelay"] = "00:00:10",
        };
    }

    /// <summary>Starts an instance and waits for its first poll.</summary>
    public static async Task<ScheduleHost> StartAsync(IDictionary<string, string?> settings, TimeProvider clock, params IDueWorkHandler[] handlers)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(clock);
        foreach (var handler in handlers)
        {
            builder.Services.AddSingleton(handler);
        }

        builder.Services.AddTableMapStore();
        builder.Services.AddDueWorkSchedule();
        var host = new ScheduleHost(builder.Build());
        await host._host.StartAsync(TestContext.Current.CancellationToken);
        if (handlers.Length > 0)
        {
            await host.WaitForPollsAsync(1);
        }

        return host;
    }

    /// <summary>
    /// Moves <paramref name="clock"/> by <paramref name="by"/> and waits until every one of
    /// <paramref name="hosts"/> has polled once more (each was waiting on the clock).
    /// </summary>
    public static async Task TickAsync(FakeTimeProvider clock, TimeSpan by, params ScheduleHost[] hosts)
    {
        var counts = hosts.Select(h => h.Polls).ToArray();
        clock.Advance(by);
        await Task.WhenAll(hosts.Select((h, i) => h.WaitForPollsAsync(counts[i] + 1)));
    }

    public Task WaitForPollsAsync(int count) => _polls.WaitForMeasurementsAsync(count, TestContext.Current.CancellationToken);

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _polls.Dispose();
        _host.Dispose();
    }
}
