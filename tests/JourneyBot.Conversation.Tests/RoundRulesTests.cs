using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Testing.Conversations;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Conversation.Tests;

/// <summary>Who a round asks about what: the departments' defaults, the team's list, and the plan.</summary>
public sealed class RoundRulesTests
{
    private static readonly string[] DefaultTeam = ["Marketing", "Sales", "Customer Service", "Product"];
    private static readonly string[] StoresTeam = ["Marketing", "Sales", "Customer Service", "Product", "Stores"];

    public static TheoryData<string, string[], string[]> StageDefaults => new()
    {
        { "Awareness", DefaultTeam, ["Marketing", "Product"] },
        { "Consideration", DefaultTeam, ["Marketing", "Product"] },
        { "Purchase", StoresTeam, ["Sales", "Product", "Stores"] },
        { "Purchase", DefaultTeam, ["Sales", "Product"] }, // no Stores in the team: not asked
        { "Retention", DefaultTeam, ["Customer Service", "Product"] },
        { "Advocacy", StoresTeam, ["Customer Service", "Product"] },
        { "Unboxing", StoresTeam, ["Product"] }, // a name the defaults do not know: Product only
        { "Awareness", new[] { "Legal", "Finance" }, Array.Empty<string>() }, // only the team's departments
    };

    [Theory]
    [MemberData(nameof(StageDefaults))]
    public void A_stage_asks_by_default_the_departments_of_the_issue_and_Product_everywhere_only_those_the_team_has(
        string stage, string[] team, string[] expected) =>
        Assert.Equal(expected, Departments.DefaultFor(new Stage("s1", stage), team, []));

    [Fact]
    public void A_department_that_already_contributed_to_a_stage_is_asked_about_it_too_as_the_team_spells_it()
    {
        var awareness = new Stage("s1", "Awareness");
        MapItem Item(string stageId, string? department) => new()
        {
            Id = "i" + stageId + department, Kind = ItemKind.PainPoint, StageId = stageId, Text = "x", Author = Megan,
            AuthorDepartment = department, CreatedAt = DateTimeOffset.UnixEpoch,
        };

        var routed = Departments.DefaultFor(awareness, ["marketing ", "Sales", "Customer Service", "Product", "Stores"],
            [Item("s1", "SALES"), Item("s2", "Stores"), Item("s1", "Legal"), Item("s1", null)]);

        // Team order, team spelling; Stores added to another stage only, Legal not a department of the team.
        Assert.Equal(["marketing ", "Sales", "Product"], routed);
    }

    [Fact]
    public void The_teams_departments_are_trimmed_distinct_whatever_the_case_not_empty_nor_too_long_and_at_most_twelve()
    {
        Assert.Equal(["Sales", "Marketing", "Stores"],
            Departments.Clean([" Sales ", "sales", "", "  ", "Marketing", new string('x', TextRules.ShortMax + 1), "Stores"]));
        Assert.Equal(Departments.Max, Departments.Clean(Enumerable.Range(1, 20).Select(i => $"Department {i}")).Count);
        Assert.Equal("Department 12", Departments.Clean(Enumerable.Range(1, 20).Select(i => $"Department {i}"))[^1]);
        Assert.True(Departments.Same(" sales", "Sales "));
        Assert.False(Departments.Same(null, "Sales"));
    }

    [Fact]
    public void The_plan_asks_each_member_about_their_departments_stages_and_skips_the_facilitator_and_who_answered_before()
    {
        var map = FiveStageMap();
        var routing = new Dictionary<string, IReadOnlyList<string>>
        {
            ["s1"] = ["Marketing", "Product"], ["s2"] = ["Marketing"], ["s3"] = ["Sales"], ["s4"] = ["customer service"], ["s5"] = [],
        };
        RosterMember[] roster =
        [
            new(Alex, "29:alex", "Marketing", "Europe/Bucharest"), // the facilitator
            new(Megan, "29:megan", "marketing", "Europe/Bucharest"),
            new(Adele, "29:adele", "Customer Service", "America/New_York"),
            new(Isaiah, "29:isaiah", null, null), // department unknown
            new(Patti, "29:patti", "Legal", null), // a department asked about nothing
            new(new Person("aad-lynne", "Lynne Robbins"), "29:lynne", "Sales", null), // answered the last round
        ];

        var plan = RoundPlan.For(map, routing, roster, new HashSet<string> { "aad-lynne" });

        Assert.Equal([Megan, Adele, Isaiah], plan.Asks.Select(a => a.Member));
        var megan = plan.Asks[0];
        Assert.Equal(("29:megan", "marketing", AskState.Asked, "Europe/Bucharest"), (megan.TeamsId, megan.Department, megan.State, megan.TimeZone));
        Assert.Equal(["s1", "s2"], megan.StageIds);
        Assert.Equal(["s4"], plan.Asks[1].StageIds);
        Assert.Equal((AskState.NeedsDepartment, null, 0), (plan.Asks[2].State, plan.Asks[2].Department, plan.Asks[2].StageIds.Count));
        Assert.True(plan.Asks[2].IsWaiting);
        Assert.Equal([Patti], plan.NoStages.Select(m => m.Person));
        Assert.Equal(["marketing", "Customer Service"], plan.DepartmentsAsked);
        Assert.All(plan.Asks, a => Assert.Equal((0, null, null), (a.Added, a.ReminderAt, a.ChatId)));
    }

    [Fact]
    public void A_plan_with_nothing_routed_asks_only_whose_department_is_unknown()
    {
        var plan = RoundPlan.For(FiveStageMap(), new Dictionary<string, IReadOnlyList<string>>(),
            [new(Megan, "29:megan", "Marketing", null), new(Isaiah, "29:isaiah", null, null)], new HashSet<string>());

        Assert.Equal([Isaiah], plan.Asks.Select(a => a.Member));
        Assert.Equal([Megan], plan.NoStages.Select(m => m.Person));
        Assert.Empty(plan.DepartmentsAsked);
    }

    [Fact]
    public void A_round_names_the_stages_of_a_department_in_the_maps_order()
    {
        var map = FiveStageMap();
        var round = new Round
        {
            MapId = map.Id, Number = 1, ConversationKey = "c", Facilitator = Alex, Deadline = DateTimeOffset.UnixEpoch,
            Routing = new Dictionary<string, IReadOnlyList<string>> { ["s5"] = ["Product"], ["s1"] = ["product"], ["s3"] = ["Sales"] },
        };

        Assert.Equal(["s1", "s5"], round.StagesFor(map, "PRODUCT "));
        Assert.Empty(round.StagesFor(map, "Stores"));
        Assert.Empty(round.DepartmentsFor("s2"));
    }

    internal static JourneyMap FiveStageMap()
    {
        var map = new JourneyMap { Id = "map-1", Name = "Shoe journey", Facilitator = Alex, ConversationKey = "c", Step = MapStep.Contribute };
        foreach (var stage in Scenarios.FiveStages)
        {
            map.AddStage(stage);
        }

        return map;
    }
}
