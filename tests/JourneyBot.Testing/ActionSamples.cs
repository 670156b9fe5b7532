using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Testing;

/// <summary>Actions, parked opportunities and rosters for the card tests (sizes, buttons, the renderer).</summary>
public static class ActionSamples
{
    /// <summary><paramref name="count"/> members whose names start with <paramref name="name"/>.</summary>
    public static IReadOnlyList<RosterMember> Members(int count, string name) =>
        [.. Enumerable.Range(1, count).Select(i => new RosterMember(new Person($"aad-{i:000}", $"{name} {i}"), $"29:{i:000}", $"Department {i % 8}", null))];

    /// <summary>
    /// The map's actions when <paramref name="acted"/> is an action <paramref name="owner"/> owns (with a
    /// measure without a target) and <paramref name="parked"/> waits for <paramref name="reason"/>.
    /// </summary>
    public static MapActions Decided(MapItem acted, Person owner, MapItem parked, string reason)
    {
        ArgumentNullException.ThrowIfNull(acted);
        ArgumentNullException.ThrowIfNull(parked);
        var at = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var action = new OwnedAction
        {
            Id = acted.Id,
            StageId = acted.StageId,
            Text = acted.Text,
            Owner = owner,
            OwnerDepartment = "Product",
            Due = new DateOnly(2026, 12, 18),
            Measure = new SuccessMeasure("repeat purchase within 90 days", "18%", null),
            CreatedBy = owner,
            CreatedAt = at,
        };
        return new MapActions([action], [new ParkedOpportunity(parked.Id, reason, owner, at)]);
    }
}
