namespace JourneyBot.Conversation.Rounds;

/// <summary>What rounds of questions need from outside the flow: their store, the team's roster and the timers.</summary>
/// <param name="Store">Where rounds live.</param>
/// <param name="Roster">The members of a team conversation.</param>
/// <param name="Timers">Reminders and deadlines.</param>
/// <param name="Validations">Where validation rounds and the evidence history live; none: <c>validate</c> is not offered.</param>
/// <param name="ValidationTimers">Validation rounds' reminders and deadlines; none: their rounds are sent without (as before deadlines).</param>
public sealed record RoundServices(IRoundStore Store, ITeamRoster Roster, IRoundTimers Timers, Validation.IValidationStore? Validations = null,
    Validation.IValidationTimers? ValidationTimers = null);
