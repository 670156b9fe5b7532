using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyBot.Storage;

/// <summary>Registers the Azure Table Storage map store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IMapStore"/> over Azure Table Storage, configured by <see cref="TableStorageOptions"/>
    /// (checked at start-up), <see cref="IRoundStore"/>, the validation store and the team's stage templates in the same table, and a hosted service that
    /// creates the table when the host starts.
    /// </summary>
    public static IServiceCollection AddTableMapStore(this IServiceCollection services)
    {
        services.AddOptions<TableStorageOptions>()
            .BindConfiguration(TableStorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString = configuration.GetConnectionString(TableStorageOptions.ConnectionStringName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TableStorageOptions>, TableStorageOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton<StorageMetrics>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CreateServiceClient(
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<StorageMetrics>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<TableServiceClient>()
            .GetTableClient(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value.TableName));
        services.TryAddSingleton<TableMapStore>();
        services.TryAddSingleton<IMapStore>(sp => new CachedMapStore(
            sp.GetRequiredService<TableMapStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<TableStorageOptions>>()));
        services.TryAddSingleton<IActionStore>(sp => sp.GetRequiredService<TableMapStore>());
        services.TryAddSingleton<Conversation.Actions.FollowUp.IFollowUpStore>(sp => sp.GetRequiredService<TableMapStore>());
        services.TryAddSingleton<IRoundStore, TableRoundStore>();
        services.TryAddSingleton<Conversation.Validation.IValidationStore, TableValidationStore>();
        services.TryAddSingleton<Conversation.Stages.IStageTemplateStore, TableStageTemplateStore>();
        services.TryAddSingleton<Conversation.Languages.ITeamLanguageStore, TableTeamLanguageStore>();
        services.AddHostedService<TableInitializer>();
        return services;
    }

    private static TableServiceClient CreateServiceClient(TableStorageOptions options, StorageMetrics metrics)
    {
        // Retries sized to fit inside a turn's deadline (see TableStorageOptions.NetworkTimeout):
        // the SDK's own (3 retries of 100 s, exponential from 0.8 s) would hold a turn for minutes.
        var clientOptions = new TableClientOptions
        {
            Retry =
            {
                NetworkTimeout = options.NetworkTimeout,
                MaxRetries = options.MaxRetries,
                Mode = RetryMode.Fixed,
                Delay = options.RetryDelay,
            },
        };
        clientOptions.AddPolicy(new OperationCountingPolicy(metrics), HttpPipelinePosition.PerRetry);
        return options.TableServiceUri is { } uri
            ? new TableServiceClient(uri, CreateCredential(options.ManagedIdentityClientId), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    private static TokenCredential CreateCredential(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ExcludeInteractiveBrowserCredential = true })
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));
}
