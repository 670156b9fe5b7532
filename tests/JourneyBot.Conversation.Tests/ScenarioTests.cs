namespace JourneyBot.Conversation.Tests;

/// <summary>Every scenario of <see cref="Scenarios"/>, start to end, on Azurite.</summary>
public sealed class ScenarioTests
{
    [Theory]
    [MemberData(nameof(Scenarios.All), MemberType = typeof(Scenarios))]
    public async Task Scenario_plays_as_written_and_leaves_the_expected_map(Scenario scenario)
    {
        await using var session = await MappingSession.StartAsync();

        await Script.PlayAsync(session, scenario.Lines);

        await Script.CheckAsync(session, scenario.Expected);
    }
}
