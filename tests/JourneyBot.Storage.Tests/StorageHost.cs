using JourneyBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JourneyBot.Storage.Tests;

/// <summary>A bare host with <see cref="StorageServiceCollectionExtensions.AddTableMapStore"/> and the given settings.</summary>
internal static class StorageHost
{
    /// <summary>Settings that point the store at a new table of the shared Azurite.</summary>
    public static async Task<Dictionary<string, string?>> AzuriteSettingsAsync()
    {
        var azurite = await Azurite.SharedAsync();
        return new()
        {
            ["ConnectionStrings:Tables"] = azurite.ConnectionString,
            ["Storage:TableName"] = azurite.NewTableName(),
        };
    }

    public static IHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        services?.Invoke(builder.Services);
        builder.Services.AddTableMapStore();
        return builder.Build();
    }
}
