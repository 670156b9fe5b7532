using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Cards;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>The tracker's cards and the Send to Planner button other cards carry.</summary>
public sealed class TrackerCardTests
{
    private static readonly OwnedAction Action = new()
    {
        Id = "k3f9q", StageId = "s1", Text = "Show shipping costs early", Owner = People.Megan, Due = new DateOnly(2026, 12, 18),
        CreatedBy = People.Alex, CreatedAt = TrackerSamples.Chosen.ChosenAt,
    };

    [Fact]
    public void Send_to_Planner_names_the_team_map_and_action_and_sends_no_inputs()
    {
        var card = new AdaptiveCard([]) { Actions = [TrackerButtons.SendToPlanner("19:team", "map-1", Action, TrackerSamples.Chosen)!] };
        var button = card.ToJson().GetProperty("actions")[0];

        Assert.Equal(("Action.Execute", "sendToPlanner", "none"),
            (button.GetProperty("type").GetString(), button.GetProperty("verb").GetString(), button.GetProperty("associatedInputs").GetString()));
        var data = button.GetProperty("data");
        Assert.Equal(("19:team", "map-1", "k3f9q", "sendToPlanner"),
            (data.GetProperty("team").GetString(), data.GetProperty("mapId").GetString(), data.GetProperty("sendAction").GetString(), data.GetProperty("verb").GetString()));
    }

    [Fact]
    public void There_is_no_Send_to_Planner_without_a_plan_for_an_action_in_Planner_already_or_for_one_done()
    {
        var tracked = Action with { Tracker = new TrackedTask("planner", "task-1", "W/\"1\"", "plan-2", TrackerSamples.Chosen.ChosenAt) };

        Assert.Null(TrackerButtons.SendToPlanner("19:team", "map-1", Action, null));
        Assert.Null(TrackerButtons.SendToPlanner("19:team", "map-1", tracked, TrackerSamples.Chosen));
        Assert.Null(TrackerButtons.SendToPlanner("19:team", "map-1", Action with { Status = ActionStatus.Done }, TrackerSamples.Chosen));
    }

    [Fact]
    public void The_plans_card_offers_every_plan_with_the_teams_choice_selected_and_plan_titles_as_plain_text()
    {
        var card = TrackerCards.Plans(TrackerSamples.Plans, TrackerSamples.Chosen).ToJson();

        var picker = card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Input.ChoiceSet");
        Assert.Equal(("plan", "plan-2"), (picker.GetProperty("id").GetString(), picker.GetProperty("value").GetString()));
        Assert.Equal(["Customer journey actions", "Store <b>refit</b>"], picker.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        var use = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("choosePlan", use.GetProperty("verb").GetString());
        Assert.False(use.TryGetProperty("associatedInputs", out _));
    }

    [Fact]
    public void The_permission_card_names_the_permission()
    {
        var text = TrackerCards.MissingPermission("Group.Read.All").ToJson().GetRawText();

        Assert.Contains("**Group.Read.All**", text, StringComparison.Ordinal);
    }
}
