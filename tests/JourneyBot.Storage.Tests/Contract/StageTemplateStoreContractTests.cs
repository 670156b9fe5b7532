using JourneyBot.Conversation;
using JourneyBot.Conversation.Stages;
using JourneyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IStageTemplateStore"/> must do: a template reads back as saved, a name
/// saved again (in any letters) replaces it, teams apart, a deletion removes only what it names, and
/// a map's deletion leaves the team's templates. One subclass per store.
/// </summary>
public abstract class StageTemplateStoreContractTests : StoreTests
{
    protected abstract IStageTemplateStore Templates { get; }

    [Fact]
    public async Task A_template_reads_back_as_saved_with_each_stage_s_details()
    {
        var team = Maps.NewScope().TeamKey;
        var longest = new string('é', 199) + "🏃";
        var template = new StageTemplate("Retail “shops” ~ 2026",
        [
            .. Enumerable.Range(1, 12).Select(i => new TemplateStage($"Stage {i} {new string('x', 50)}") { Expects = longest, MovesOnWhen = longest }),
        ]);

        await Templates.PutAsync(team, template, Cancel);

        var stored = Assert.Single(await Templates.ListAsync(team, Cancel));
        Assert.Equal(template.Name, stored.Name);
        Assert.True(stored.IsTeams);
        Assert.Equal(template.Stages, stored.Stages);
    }

    [Fact]
    public async Task A_name_saved_again_in_other_letters_replaces_the_template_and_the_list_is_by_name()
    {
        var team = Maps.NewScope().TeamKey;
        await Templates.PutAsync(team, new StageTemplate("Retail", [new TemplateStage("Discover")]), Cancel);
        await Templates.PutAsync(team, new StageTemplate("B2B deals", [new TemplateStage("Need")]), Cancel);

        await Templates.PutAsync(team, new StageTemplate("RETAIL", [new TemplateStage("Browse") { Expects = "Prices" }, new TemplateStage("Buy")]), Cancel);

        var list = await Templates.ListAsync(team, Cancel);
        Assert.Equal(["B2B deals", "RETAIL"], list.Select(t => t.Name));
        Assert.Equal(["Browse", "Buy"], list[1].Stages.Select(s => s.Name));
        Assert.Equal("Prices", list[1].Stages[0].Expects);
    }

    [Fact]
    public async Task Teams_keep_their_templates_apart_and_a_deletion_removes_only_the_one_named()
    {
        var (team, other) = (Maps.NewScope().TeamKey, Maps.NewScope().TeamKey);
        await Templates.PutAsync(team, new StageTemplate("Retail", [new TemplateStage("Discover")]), Cancel);
        await Templates.PutAsync(team, new StageTemplate("Service", [new TemplateStage("Sign-up")]), Cancel);
        await Templates.PutAsync(other, new StageTemplate("Retail", [new TemplateStage("Elsewhere")]), Cancel);

        Assert.False(await Templates.DeleteAsync(team, "Wholesale", Cancel));
        Assert.True(await Templates.DeleteAsync(team, " retail ", Cancel));
        Assert.False(await Templates.DeleteAsync(team, "Retail", Cancel));

        Assert.Equal(["Service"], (await Templates.ListAsync(team, Cancel)).Select(t => t.Name));
        Assert.Equal("Elsewhere", Assert.Single(Assert.Single(await Templates.ListAsync(other, Cancel)).Stages).Name);
        Assert.Empty(await Templates.ListAsync(Maps.NewScope().TeamKey, Cancel));
    }

    [Fact]
    public async Task Deleting_the_team_s_maps_leaves_its_templates()
    {
        var scope = Maps.NewScope();
        var held = await HoldAsync(scope, "map-1");
        await Templates.PutAsync(scope.TeamKey, new StageTemplate("Retail", [new TemplateStage("Discover")]), Cancel);

        Assert.True(await Store.DeleteMapAsync(scope.TeamKey, held.Map.Id, Cancel));

        Assert.Equal("Retail", Assert.Single(await Templates.ListAsync(scope.TeamKey, Cancel)).Name);
        Assert.Empty(await MapIdsAsync(scope.TeamKey));
    }
}

/// <summary>The stage template contract, kept by the store the bot gets (AddTableMapStore) on a fresh table of Azurite.</summary>
public sealed class TableStageTemplateStoreContractTests(StoreFixture fixture) : StageTemplateStoreContractTests, IClassFixture<StoreFixture>
{
    protected override IMapStore Store => fixture.Store;

    protected override IStageTemplateStore Templates => fixture.Services.GetRequiredService<IStageTemplateStore>();
}

/// <summary>The stage template contract, kept by the test kit's in-memory store.</summary>
public sealed class InMemoryStageTemplateStoreContractTests : StageTemplateStoreContractTests
{
    protected override IMapStore Store { get; } = new InMemoryMapStore(new StepClock());

    protected override IStageTemplateStore Templates { get; } = new InMemoryStageTemplateStore();
}
