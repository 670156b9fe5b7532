using System.Globalization;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using static JourneyBot.Testing.Conversations.People;

namespace JourneyBot.Testing.Conversations;

/// <summary>
/// The demo in each of the bot's languages: asked for from a Teams client set to Spanish or Romanian (the
/// activity's locale), or after the team chose its language, the running-shoes example
/// is mapped in that language, its words from the Strings file of that language (English until the file
/// lands), through the same commands, which every language accepts in English. On the store of the
/// subclass (in memory in JourneyBot.Conversation.Tests, on Azurite in JourneyBot.Storage.Tests).
/// </summary>
public abstract class DemoLanguageTests
{
    /// <summary>A new session on the store these tests run on.</summary>
    protected abstract Task<MappingSession> StartSessionAsync();

    public static TheoryData<string> Languages => new(InCulture.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_demo_maps_the_example_in_the_language_it_is_asked_in(string language)
    {
        await using var session = await StartSessionAsync();

        // Asked as Teams asks: from a client set to that language (the activity's locale), not by the test's culture.
        await session.SayAsync(Megan, "demo", turn => turn with { Locale = Locales[language] });

        await AssertTheExampleInAsync(session, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_demo_maps_the_example_in_the_language_the_team_chose(string language)
    {
        await using var session = await StartSessionAsync();

        // The team's language outranks the member's client, which here says English.
        await session.SayAsync(Megan, "language " + language, turn => turn with { Locale = "en-US" });
        await session.SayAsync(Megan, "demo", turn => turn with { Locale = "en-US" });

        await AssertTheExampleInAsync(session, language);
    }

    private static async Task AssertTheExampleInAsync(MappingSession session, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        string Text(string key) => Strings.ResourceManager.GetString(key, culture)
            ?? throw new InvalidOperationException($"{key} is not in Strings.resx");

        var map = await session.MapAsync();
        Assert.Equal((MapStatus.Published, Text("DemoMapName"), Text("DemoObjective")), (map.Status, map.Name, map.Objective));
        Assert.Equal(
            [Text("StageConsideration"), Text("StageEvaluation"), Text("StagePurchase"), Text("DemoStageFirstRun")],
            map.Stages.Select(s => s.Name));
        var board = await session.BoardAsync();
        Assert.Equal(35, board.Items.Count);
        var texts = board.Items.Select(i => i.Text).ToHashSet(StringComparer.Ordinal);
        Assert.All(ItemKeys, key => Assert.Contains(Text(key), texts));
        // Both sides in order: the departments' names sort differently in each language.
        Assert.Equal(
            new[] { Text("DepartmentCustomerService"), Text("DepartmentMarketing"), Text("DepartmentProduct"), Text("DepartmentSales") }
                .Order(StringComparer.Ordinal),
            board.Items.Select(i => i.AuthorDepartment!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, board.Votes.Count);
        Assert.Empty(MapFlow.MissingForPublish(map, board));
    }

    // The locale a Teams client in each language sends with its messages.
    private static readonly Dictionary<string, string> Locales = new(StringComparer.Ordinal)
    {
        ["en"] = "en-US", ["es"] = "es-ES", ["ro"] = "ro-RO",
    };

    // The example's items: each key's text is one item's, in the language the demo was asked in.
    private static readonly string[] ItemKeys =
    [
        "DemoTouchpointReviewBlogs", "DemoTouchpointInfluencers", "DemoTouchpointAsksFriends", "DemoTouchpointAsksInStore",
        "DemoGoalConsideration", "DemoThoughtRealRunner", "DemoBrightSpotStoreStaff", "DemoPainJargon",
        "DemoOpportunityBlog", "DemoOpportunityReferral", "DemoTouchpointComparesModels", "DemoTouchpointTreadmill",
        "DemoTouchpointWhatsApp", "DemoActionReadsReviews", "DemoThoughtFit", "DemoBrightSpotTreadmill", "DemoPainSizeGuide",
        "DemoPainNoSurfaceFilter", "DemoOpportunityFitFinder", "DemoOpportunityRebates", "DemoTouchpointBuysInApp",
        "DemoTouchpointOrderEmails", "DemoPainDeliveryWindow", "DemoBrightSpotDiscount", "DemoOpportunitySameDay",
        "DemoTouchpointStrava", "DemoTouchpointLogsRun", "DemoOpportunityChallenge",
    ];
}
