using Azure.Data.Tables;
using JourneyBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JourneyBot.Storage.Tests;

/// <summary>
/// The store as the bot gets it (AddTableMapStore, hosted initializer), on a fresh table of the
/// shared Azurite: one per test class, deleted afterwards.
/// </summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private IHost? _host;

    public IMapStore Store => Services.GetRequiredService<IMapStore>();

    public StorageMetrics Metrics => Services.GetRequiredService<StorageMetrics>();

    public TableClient Table => Services.GetRequiredService<TableClient>();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        _host = StorageHost.Build(await StorageHost.AzuriteSettingsAsync(), s => s.AddSingleton<TimeProvider>(new StepClock()));
        await _host.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await Table.DeleteAsync();
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
