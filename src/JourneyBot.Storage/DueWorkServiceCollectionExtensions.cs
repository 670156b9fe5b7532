using Azure.Data.Tables;
using JourneyBot.Conversation.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Storage;

/// <summary>Registers the durable schedule on Azure Table Storage.</summary>
public static class DueWorkServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDueWorkStore"/> over a table of its own (<see cref="DueWorkTableOptions"/>,
    /// checked at start-up) on the maps' storage account, and a hosted service that creates the
    /// table when the host starts. Needs <see cref="StorageServiceCollectionExtensions.AddTableMapStore"/>,
    /// whose account client and settings it shares.
    /// </summary>
    public static IServiceCollection AddTableDueWorkStore(this IServiceCollection services)
    {
        services.AddOptions<DueWorkTableOptions>()
            .BindConfiguration(DueWorkTableOptions.Section)
            .PostConfigure<IOptions<TableStorageOptions>>((options, storage) =>
            {
                if (string.IsNullOrWhiteSpace(options.TableName))
                {
                    options.TableName = storage.Value.TableName + DueWorkTableOptions.DefaultSuffix;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DueWorkTableOptions>, DueWorkTableOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DueWorkTableOptions>>().Value;
            var table = sp.GetRequiredService<TableServiceClient>().GetTableClient(options.TableName);
            return new TableDueWorkStore(table, options, sp.GetRequiredService<ILogger<TableDueWorkStore>>());
        });
        services.TryAddSingleton<IDueWorkStore>(sp => sp.GetRequiredService<TableDueWorkStore>());
        services.AddHostedService<DueWorkTableInitializer>();
        return services;
    }
}
