namespace JourneyBot.Testing.Conversations;

/// <summary>
/// Every scenario of <see cref="Scenarios"/> and <see cref="StageScenarios"/>, start to end, on the store of the subclass: the
/// in-memory one in JourneyBot.Conversation.Tests, the table store on Azurite in JourneyBot.Storage.Tests.
/// </summary>
public abstract class ScenarioTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    [Theory]
    [MemberData(nameof(Scenarios.All), MemberType = typeof(Scenarios))]
    public async Task Scenario_plays_as_written_and_leaves_the_expected_map(Scenario scenario)
    {
        await using var session = await StartSessionAsync();
        session.Roster.Members = People.Roster;

        await Script.PlayAsync(session, scenario.Lines);

        await Script.CheckAsync(session, scenario.Expected);
    }

    [Theory]
    [MemberData(nameof(StageScenarios.All), MemberType = typeof(StageScenarios))]
    public Task Stage_scenario_plays_as_written_and_leaves_the_expected_map(Scenario scenario) =>
        Scenario_plays_as_written_and_leaves_the_expected_map(scenario);
}
