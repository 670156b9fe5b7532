namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="Conversation.IMapStore"/> must do, whatever keeps the maps: optimistic
/// versions (a stale save or place returns null), placing and shelving, the shelf newest first,
/// items, votes and members one per entry, redelivered items refused, odd keys kept apart, and all
/// of it under concurrent callers. One subclass per store runs it:
/// <see cref="TableMapStoreContractTests"/> and <see cref="InMemoryMapStoreContractTests"/>.
/// </summary>
/// <remarks>
/// Split by area over partial files (<c>MapStoreContractTests.*.cs</c>). What only the table store
/// has (rows, round trips, its cache, big documents) is tested apart, on <see cref="TableStoreTests"/>.
/// </remarks>
public abstract partial class MapStoreContractTests : StoreTests;
