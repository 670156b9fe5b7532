using JourneyBot.Conversation;
using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>The action contract, kept by the store the bot gets on a fresh table of Azurite.</summary>
public sealed class TableActionStoreContractTests(StoreFixture fixture) : ActionStoreContractTests, IClassFixture<StoreFixture>
{
    protected override IMapStore Store => fixture.Store;

    protected override IActionStore Actions => fixture.Services.GetRequiredService<IActionStore>();

    protected override IFollowUpStore FollowUps => fixture.Services.GetRequiredService<IFollowUpStore>();
}

/// <summary>The action contract, kept by the test kit's in-memory store (the one beside <see cref="InMemoryMapStore"/>).</summary>
public sealed class InMemoryActionStoreContractTests : ActionStoreContractTests
{
    private readonly InMemoryMapStore _store = new(new StepClock());

    protected override IMapStore Store => _store;

    protected override IActionStore Actions => _store.Actions;

    protected override IFollowUpStore FollowUps => _store.FollowUps;
}
