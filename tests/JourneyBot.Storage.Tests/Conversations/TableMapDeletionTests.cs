using Azure.Data.Tables;
using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>
/// Deleting maps and closing a team's sessions on the table stores (Azurite); what is left of a map
/// is read from the whole table, every partition, not through the stores.
/// </summary>
public sealed class TableMapDeletionTests : MapDeletionTests
{
    protected override Task<MappingSession> StartSessionAsync() => TableSessions.StartAsync();

    /// <summary>Every row of the table whose key names the map, or any of whose text holds its id (documents, ids as properties).</summary>
    protected override async Task<IReadOnlyList<string>> LeftOfAsync(MappingSession session, string mapId)
    {
        var table = session.Services.GetRequiredService<TableClient>();
        var encoded = KeyEncoder.Encode(mapId);
        var left = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            if (row.RowKey.Contains(encoded, StringComparison.Ordinal)
                || row.Select(property => property.Value).OfType<string>().Any(text => text.Contains(mapId, StringComparison.Ordinal)))
            {
                left.Add($"{row.PartitionKey} | {row.RowKey}");
            }
        }

        return left;
    }
}
