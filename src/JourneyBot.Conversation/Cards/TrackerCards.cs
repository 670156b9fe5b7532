using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Trackers;
using static JourneyBot.Conversation.Cards.CardParts;

namespace JourneyBot.Conversation.Cards;

/// <summary>The cards of a team's tracker: the plans to pick from, and the missing permission an admin must grant.</summary>
public static class TrackerCards
{
    /// <summary>The plans of the team's group to pick one from, the current choice selected.</summary>
    public static AdaptiveCard Plans(IReadOnlyList<PlannerPlan> plans, TeamTracker? current) => new(
    [
        Plain(Strings.TrackerPlansTitle, bold: true),
        Say(Strings.TrackerPlansWhat),
        new InputChoiceSet
        {
            Id = CardVerbs.PlanKey,
            Label = Strings.TrackerPlanLabel,
            Choices = [.. plans.Select(p => new Choice(p.Title, p.Id))],
            Value = current is { } chosen && plans.Any(p => p.Id == chosen.Container) ? chosen.Container : plans[0].Id,
            IsRequired = true,
            ErrorMessage = Strings.TrackerPlanRequired,
        },
    ])
    {
        Actions = [Button(Strings.ButtonUsePlan, CardVerbs.ChoosePlan, new Dictionary<string, string>())],
    };

    /// <summary>The plans card once a plan is chosen: what happened, no buttons left to press.</summary>
    public static AdaptiveCard Chosen(string text) => new([Say(text)]);

    /// <summary>
    /// For the facilitator (and whoever pressed): Graph refused for want of <paramref name="permission"/>,
    /// what an admin does about it, and that nothing was lost.
    /// </summary>
    public static AdaptiveCard MissingPermission(string permission) => new(
    [
        Plain(Strings.TrackerPermissionTitle, bold: true),
        Say(Strings.TrackerPermissionMissing.Fill(("permission", permission))),
        Say(Strings.TrackerPermissionNothingLost, subtle: true),
    ]);
}
