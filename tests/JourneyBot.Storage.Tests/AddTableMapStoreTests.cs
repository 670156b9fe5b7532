using Azure.Data.Tables;
using JourneyBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyBot.Storage.Tests;

public sealed class AddTableMapStoreTests
{
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_the_host_creates_the_table_and_the_store_uses_it()
    {
        // Arrange
        var settings = await StorageHost.AzuriteSettingsAsync();
        using var host = StorageHost.Build(settings);
        var tableName = settings["Storage:TableName"]!;
        var service = host.Services.GetRequiredService<TableServiceClient>();

        // Act
        await host.StartAsync(_cancel);

        // Assert
        Assert.Single(service.QueryAsync(t => t.Name == tableName, cancellationToken: _cancel).ToBlockingEnumerable(_cancel));
        Assert.IsType<CachedMapStore>(host.Services.GetRequiredService<IMapStore>());
        await host.Services.GetRequiredService<IMapStore>().PutMemberAsync("team", "29:1ana", new TeamMember("Sales", true), _cancel);
        await host.Services.GetRequiredService<TableClient>().DeleteAsync(_cancel);
        await host.StopAsync(_cancel);
    }

    [Fact]
    public async Task Starting_the_host_without_storage_settings_fails_with_the_validation_message()
    {
        using var host = StorageHost.Build(new Dictionary<string, string?>());

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(_cancel));

        Assert.Contains("Table storage is not configured", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_with_a_managed_identity_gives_a_client_for_that_account_and_table()
    {
        using var host = StorageHost.Build(new Dictionary<string, string?>
        {
            ["Storage:TableServiceUri"] = "https://contoso.table.core.windows.net",
            ["Storage:ManagedIdentityClientId"] = "5f3c1e2a-0000-4000-8000-000000000001",
            ["Storage:TableName"] = "maps2025",
        });

        var table = host.Services.GetRequiredService<TableClient>();

        Assert.Equal(("contoso", "maps2025"), (table.AccountName, table.Name));
    }
}
