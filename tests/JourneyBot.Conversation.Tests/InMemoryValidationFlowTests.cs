using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The validation round on the in-memory stores.</summary>
public sealed class InMemoryValidationFlowTests : ValidationFlowTests
{
    protected override Task<MappingSession> StartSessionAsync() => MappingSession.StartInMemoryAsync();

    [Fact]
    public Task A_Still_true_confirmation_pressed_while_a_validation_answer_raises_the_item_keeps_the_raise() =>
        StillTrueConfirmationDuringARaiseKeepsTheRaiseAsync();
}
