using Azure.Data.Tables;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>The schedule's contract, kept by the table store on a fresh table of Azurite for every test.</summary>
public sealed class TableDueWorkStoreContractTests : DueWorkStoreContractTests, IAsyncLifetime
{
    private TableClient? _table;

    private TableClient Table => _table ?? throw new InvalidOperationException("The table is not created yet.");

    public async ValueTask InitializeAsync()
    {
        var azurite = await Azurite.SharedAsync();
        _table = new TableClient(azurite.ConnectionString, azurite.NewTableName() + "due");
        await _table.CreateIfNotExistsAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await Table.DeleteAsync();

    protected override IDueWorkStore NewInstance() =>
        new TableDueWorkStore(Table, new DueWorkTableOptions(), NullLogger<TableDueWorkStore>.Instance);

    [Fact]
    public async Task Work_due_before_the_look_back_is_not_read()
    {
        // The look-back bounds what a poll reads: no instance scans the whole table.
        var store = NewInstance();
        await store.ScheduleAsync(Work("ancient", Now.AddDays(-8)), Cancel);

        Assert.Empty(await NewInstance().ClaimDueAsync(Now, "a", TimeSpan.FromMinutes(2), 10, Cancel));
    }

    [Fact]
    public async Task Rows_are_kept_in_the_partition_of_their_due_hour()
    {
        await NewInstance().ScheduleAsync(Work("r1", new DateTimeOffset(2026, 3, 2, 11, 59, 59, TimeSpan.FromHours(2))), Cancel);

        var row = Assert.Single(Table.Query<TableEntity>(cancellationToken: Cancel));

        Assert.Equal(("due~2026030209", "r1"), (row.PartitionKey, row.RowKey));
    }
}
