using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Storage.Tests;

/// <summary>Actions and parked opportunities for the tests.</summary>
internal static class Actions
{
    private static readonly DateTimeOffset Morning = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    public static Person Owner { get; } = new("0f8fad5b-d9cb-469f-a165-70867728950e", "Ana Pop");

    public static Person Facilitator { get; } = new("29:1facilitator", "Fran");

    public static OwnedAction NewAction(string id, int minute = 0) => new()
    {
        Id = id,
        StageId = "s2",
        Text = "Call back within a day",
        Owner = Owner,
        OwnerDepartment = "Support",
        Due = new DateOnly(2025, 4, 30),
        Measure = new SuccessMeasure("Repeat purchase within 90 days", "18%", "25%"),
        CreatedBy = Facilitator,
        CreatedAt = Morning.AddMinutes(minute),
    };

    public static ParkedOpportunity NewParked(string id, int minute = 0) =>
        new(id, "Not this quarter", Facilitator, Morning.AddMinutes(minute));
}
