using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

/// <summary>Creates the due-work table when the host starts, as <see cref="TableInitializer"/> does the maps' table.</summary>
internal sealed class DueWorkTableInitializer(TableDueWorkStore store, ILogger<DueWorkTableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.Table.CreateIfNotExistsAsync(cancellationToken);
        StorageLog.TableReady(logger, store.Table.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
