using JourneyBot.Conversation;
using JourneyBot.Conversation.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Web.Tests;

/// <summary>
/// The host's real store with its board reads (and reads of a map's kept counts, which the progress
/// card makes instead) held at a gate once closed: shows how many reads the bot makes at once, and
/// lets a test decide when they finish.
/// </summary>
internal sealed class GatedBoardReads(IMapStore store) : IMapStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _held = new(0);
    private TaskCompletionSource? _closed;
    private int _inside;

    /// <summary>The most board reads that were held at the gate at the same time.</summary>
    public int MostAtOnce { get; private set; }

    /// <summary>Waits until one more board read has come to the closed gate.</summary>
    public Task<bool> NextHeldAsync(TimeSpan timeout) => _held.WaitAsync(timeout);

    /// <inheritdoc />
    public void Dispose() => _held.Dispose();

    /// <summary>Replaces the host's <see cref="IMapStore"/> with a gated one around it, returned by <paramref name="gated"/>.</summary>
    public static void Install(IServiceCollection services, Action<GatedBoardReads> gated)
    {
        var original = services.Last(d => d.ServiceType == typeof(IMapStore));
        services.Remove(original);
        services.AddSingleton<IMapStore>(sp =>
        {
            var store = new GatedBoardReads((IMapStore)original.ImplementationFactory!(sp));
            gated(store);
            return store;
        });
    }

    /// <summary>Holds every board read from now on until <see cref="Open"/>.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets the held reads and every later one through.</summary>
    public void Open()
    {
        lock (_gate)
        {
            _closed?.TrySetResult();
            _closed = null;
        }
    }

    public async Task<MapBoard> GetBoardAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        await PassAsync();
        return await store.GetBoardAsync(teamKey, mapId, cancellationToken);
    }

    // What the progress card reads instead of the board (the map's kept counts) is held the same way.
    public async Task<MapCounts> GetCountsAsync(string teamKey, string mapId, CancellationToken cancellationToken)
    {
        await PassAsync();
        return await store.GetCountsAsync(teamKey, mapId, cancellationToken);
    }

    private async Task PassAsync()
    {
        Task? wait;
        lock (_gate)
        {
            wait = _closed?.Task;
            if (wait is not null)
            {
                MostAtOnce = Math.Max(MostAtOnce, ++_inside);
            }
        }

        if (wait is not null)
        {
            _held.Release();
            await wait;
            lock (_gate)
            {
                _inside--;
            }
        }
    }

    public Task<StoredMap?> GetConversationMapAsync(MapScope scope, CancellationToken cancellationToken) => store.GetConversationMapAsync(scope, cancellationToken);

    public Task<StoredMap?> GetLatestConversationMapAsync(MapScope scope, CancellationToken cancellationToken) => store.GetLatestConversationMapAsync(scope, cancellationToken);

    public Task<string?> TrySaveAsync(MapScope scope, StoredMap map, CancellationToken cancellationToken) => store.TrySaveAsync(scope, map, cancellationToken);

    public Task<string?> TryPlaceAsync(MapScope scope, JourneyMap map, StoredMap? replacing, CancellationToken cancellationToken) =>
        store.TryPlaceAsync(scope, map, replacing, cancellationToken);

    public Task<JourneyMap?> GetShelvedMapAsync(string teamKey, string mapId, CancellationToken cancellationToken) => store.GetShelvedMapAsync(teamKey, mapId, cancellationToken);

    public Task<StoredMap?> GetShelvedAsync(string teamKey, string mapId, CancellationToken cancellationToken) => store.GetShelvedAsync(teamKey, mapId, cancellationToken);

    public Task<string?> TryTakeAsync(MapScope scope, StoredMap map, MapScope? heldBy, StoredMap? replacing, CancellationToken cancellationToken) =>
        store.TryTakeAsync(scope, map, heldBy, replacing, cancellationToken);

    public Task<IReadOnlyList<MapSummary>> ListMapsAsync(string teamKey, CancellationToken cancellationToken) => store.ListMapsAsync(teamKey, cancellationToken);

    public Task<ItemTally> CountItemsAsync(string teamKey, string mapId, CancellationToken cancellationToken) => store.CountItemsAsync(teamKey, mapId, cancellationToken);

    public Task<bool> TryAddItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken) => store.TryAddItemAsync(teamKey, mapId, item, cancellationToken);

    public Task PutItemAsync(string teamKey, string mapId, MapItem item, CancellationToken cancellationToken) => store.PutItemAsync(teamKey, mapId, item, cancellationToken);

    public Task<MapItem?> GetItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken) => store.GetItemAsync(teamKey, mapId, itemId, cancellationToken);

    public Task<bool> RemoveItemAsync(string teamKey, string mapId, string itemId, CancellationToken cancellationToken) => store.RemoveItemAsync(teamKey, mapId, itemId, cancellationToken);

    public Task SetVotesAsync(string teamKey, string mapId, string personId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
        store.SetVotesAsync(teamKey, mapId, personId, itemIds, cancellationToken);

    public Task<bool> DeleteMapAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        store.DeleteMapAsync(teamKey, mapId, cancellationToken);

    public Task<IReadOnlyList<TeamMap>> ListFinishedBeforeAsync(DateTimeOffset before, int max, CancellationToken cancellationToken) =>
        store.ListFinishedBeforeAsync(before, max, cancellationToken);

    public Task<MapSummary?> GetMapSummaryAsync(string teamKey, string mapId, CancellationToken cancellationToken) => store.GetMapSummaryAsync(teamKey, mapId, cancellationToken);

    public Task PutPublishedAsync(string teamKey, string mapId, int version, PublishedMap published, CancellationToken cancellationToken) =>
        store.PutPublishedAsync(teamKey, mapId, version, published, cancellationToken);

    public Task<PublishedMap?> GetPublishedAsync(string teamKey, string mapId, int version, CancellationToken cancellationToken) =>
        store.GetPublishedAsync(teamKey, mapId, version, cancellationToken);

    public Task<Conversation.Versions.PublishedVersions> ListPublishedAsync(string teamKey, string mapId, CancellationToken cancellationToken) =>
        store.ListPublishedAsync(teamKey, mapId, cancellationToken);

    public Task SummarisePublishedAsync(string teamKey, string mapId, Conversation.Versions.SummarisedVersions summary, CancellationToken cancellationToken) =>
        store.SummarisePublishedAsync(teamKey, mapId, summary, cancellationToken);

    public Task<TeamMember?> GetMemberAsync(string teamKey, string personId, CancellationToken cancellationToken) => store.GetMemberAsync(teamKey, personId, cancellationToken);

    public Task PutMemberAsync(string teamKey, string personId, TeamMember member, CancellationToken cancellationToken) =>
        store.PutMemberAsync(teamKey, personId, member, cancellationToken);

    public Task PutMemberAsync(string teamKey, string personId, TeamMember member, MemberFields fields, CancellationToken cancellationToken) =>
        store.PutMemberAsync(teamKey, personId, member, fields, cancellationToken);
}
