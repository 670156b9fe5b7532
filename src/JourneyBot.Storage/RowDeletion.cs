using Azure;
using Azure.Data.Tables;

namespace JourneyBot.Storage;

/// <summary>Deletes every row of a partition whose row key starts with a prefix: a map's board, its rounds.</summary>
internal static class RowDeletion
{
    private static readonly string[] KeysOnly = ["RowKey"];

    /// <summary>
    /// One range query for the keys, then transactions of up to
    /// <see cref="TableRoundStore.MaxBatchOperations"/> deletes. A transaction fails whole when one of
    /// its rows went meanwhile (a member's <c>undo</c>): that batch is then deleted row by row, where
    /// a missing row is no failure. Returns how many rows were found.
    /// </summary>
    public static async Task<int> DeleteStartingWithAsync(TableClient table, string partitionKey, string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(RowKeys.StartingWith(partitionKey, prefix), select: KeysOnly, cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        foreach (var batch in keys.Chunk(TableRoundStore.MaxBatchOperations))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    batch.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, key), ETag.All)),
                    cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var key in batch)
                {
                    using var response = await table.DeleteEntityAsync(partitionKey, key, ETag.All, cancellationToken);
                }
            }
        }

        return keys.Count;
    }
}
