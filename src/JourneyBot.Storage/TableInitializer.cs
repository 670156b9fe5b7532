using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyBot.Storage;

/// <summary>
/// Creates the table once, when the host starts: never per request, and never in a constructor,
/// so a storage outage stops the start with a clear error instead of failing the first turn.
/// </summary>
internal sealed class TableInitializer(TableClient table, ILogger<TableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        StorageLog.TableReady(logger, table.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
