using JourneyBot.Testing.Conversations;
using Microsoft.Extensions.Configuration;

namespace JourneyBot.Storage.Tests.Conversations;

/// <summary>Mapping sessions on the store the bot gets (AddTableMapStore), each on a new table of the shared Azurite.</summary>
internal static class TableSessions
{
    /// <summary>A session on its own table; <paramref name="cacheLifetime"/> sets <c>Storage:CacheLifetime</c> ("0" reads storage every time).</summary>
    public static async Task<MappingSession> StartAsync(string? cacheLifetime = null)
    {
        var settings = await StorageHost.AzuriteSettingsAsync();
        if (cacheLifetime is not null)
        {
            settings["Storage:CacheLifetime"] = cacheLifetime;
        }

        return await StartAsync(settings);
    }

    /// <summary>
    /// Two bot instances serving one thread: two sessions, each with a store of its own (its own
    /// cache), over one table.
    /// </summary>
    public static async Task<(MappingSession Here, MappingSession There)> StartTwoAsync(string cacheLifetime)
    {
        var settings = await StorageHost.AzuriteSettingsAsync();
        settings["Storage:CacheLifetime"] = cacheLifetime;
        return (await StartAsync(settings), await StartAsync(settings));
    }

    private static Task<MappingSession> StartAsync(Dictionary<string, string?> settings)
    {
        return MappingSession.StartAsync(builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddTableMapStore();
        });
    }
}
