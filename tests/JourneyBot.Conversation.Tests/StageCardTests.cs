using JourneyBot.Conversation.Cards;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Stages;
using JourneyBot.Testing;
using JourneyBot.Testing.Conversations;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Each stage's "expects" and "moves on when" on the stages card, the map card, the page and the
/// gaps; the templates the stages card offers; sizes at the limits.
/// </summary>
public sealed class StageCardTests
{
    [Fact]
    public void The_gaps_list_the_stages_without_expects_or_moves_on_when()
    {
        var map = Map(("Awareness", "Friendly ads", null), ("Purchase", null, "Pays"), ("Retention", "Help", "Buys again"));

        var gaps = MapGaps.Of(map, MapBoard.Empty);

        Assert.Equal(["Purchase"], gaps.WithoutExpects.Select(s => s.Name));
        Assert.Equal(["Awareness"], gaps.WithoutMovesOn.Select(s => s.Name));
        Assert.Contains("No “expects” yet: Purchase", gaps.Lines());
        Assert.Contains("No “moves on when” yet: Awareness", gaps.Lines());
        Assert.DoesNotContain(MapGaps.Of(Map(("Awareness", "Ads", "Clicks")), MapBoard.Empty).Lines(), l => l.Contains('“'));
    }

    [Fact]
    public void The_map_card_and_the_page_show_each_stage_s_details_escaped()
    {
        var map = Map(("Awareness", "Ads that <b>speak</b> to runners", "Clicks through"), ("Purchase", null, null));

        var card = CardText.Of(MapCard.For(map, MapBoard.Empty));
        var page = MapPage.Html(map, MapBoard.Empty);
        var markdown = MapExport.Markdown(map, MapBoard.Empty);

        Assert.Contains("Expects: Ads that <b>speak</b> to runners", card, StringComparison.Ordinal);
        Assert.Contains("Moves on when: Clicks through", card, StringComparison.Ordinal);
        Assert.Contains("<th class=\"lane\">Expects</th><td>Ads that &lt;b&gt;speak&lt;/b&gt; to runners</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th class=\"lane\">Moves on when</th><td>Clicks through</td>", page, StringComparison.Ordinal);
        Assert.Contains("**Expects:** Ads that &lt;b&gt;speak&lt;/b&gt; to runners", markdown, StringComparison.Ordinal);
        Assert.Contains("\"movesOnWhen\": \"Clicks through\"", MapExport.Json(map, MapBoard.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_stages_keeps_the_details_typed_in_the_folded_fields_of_the_stages_that_stay()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        foreach (var line in new[] { "start Shoes", "Fewer abandoned baskets", "next", "next", "next", "Discover, Try on, Buy" })
        {
            await session.SayAsync(People.Alex, line);
        }

        var ids = (await session.MapAsync()).Stages.Select(s => s.Id).ToList();
        await session.PressAsync(People.Alex, "Save these stages", new()
        {
            ["stages"] = "Discover\nTry on\nPay",
            [CardVerbs.ExpectsKey + ids[1]] = "Shoes in their size",
            [CardVerbs.MovesOnKey + ids[0]] = "A friend recommends them",
            [CardVerbs.ExpectsKey + ids[2]] = "Gone with its stage",
        });

        var map = await session.MapAsync();
        Assert.Equal(["Discover", "Try on", "Pay"], map.Stages.Select(s => s.Name));
        Assert.Equal("A friend recommends them", map.Stages[0].MovesOnWhen);
        Assert.Equal("Shoes in their size", map.Stages[1].Expects);
        Assert.Null(map.Stages[2].Expects);
    }

    [Fact]
    public async Task An_unknown_template_or_evidence_level_is_echoed_back_shortened()
    {
        await using var session = await MappingSession.StartInMemoryAsync();
        await session.OpenContributionsAsync(People.Alex, "Shoes", "Browse, Buy");
        var longest = new string('w', 2_000);

        var template = await session.SayAsync(People.Alex, "template " + longest);
        var evidence = await session.SayAsync(People.Megan, "goal Buy | Pays quickly | " + longest);

        foreach (var reply in template.Messages.Concat(evidence.Messages).Select(m => m.Text ?? string.Empty))
        {
            Assert.DoesNotContain(new string('w', TextRules.ShortMax), reply, StringComparison.Ordinal);
        }

        Assert.Contains("www…", string.Concat(template.Messages.Select(m => m.Text)), StringComparison.Ordinal);
        Assert.Contains("www…", string.Concat(evidence.Messages.Select(m => m.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stages_card_offers_the_bot_s_templates_and_each_stage_s_fields_behind_one_button()
    {
        var map = Map(("Awareness", "Friendly ads", null), ("Purchase", null, null));
        map.Step = MapStep.Stages;

        var card = SessionCards.ForStep(map);

        var text = CardText.Of(card);
        Assert.Contains("<Start from a template: Five stages: Awareness, Consideration, Purchase, Retention, Advocacy / Awareness to advocacy: ", text, StringComparison.Ordinal);
        Assert.Contains("B2B: Need, Research, Evaluation, Approval, Implementation, Renewal / Onboarding a service: Sign-up,", text, StringComparison.Ordinal);
        var submit = MappingSession.Submission(card, "Expects and moves on › Save expects and moves on", new() { [CardVerbs.MovesOnKey + "s2"] = "Pays" });
        Assert.Equal("Friendly ads", submit[CardVerbs.ExpectsKey + "s1"]);
        Assert.Equal("Pays", submit[CardVerbs.MovesOnKey + "s2"]);
        Assert.Equal("Five stages", MappingSession.Submission(card, "Use this template")[CardVerbs.TemplateKey]);
    }

    [Fact]
    public void The_team_s_templates_come_first_in_the_list()
    {
        var list = SessionCards.TemplateList(StageTemplates.Offered(
            [new StageTemplate("Retail", [new TemplateStage("Discover"), new TemplateStage("Buy")]) { IsTeams = true }]));

        Assert.Equal("Retail", list.Value);
        Assert.Equal("Retail (your team's): Discover, Buy", list.Choices[0].Title);
        Assert.Equal(6, list.Choices.Count);
    }

    public static TheoryData<string> Languages => new(InCulture.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_stages_card_at_its_largest_and_the_map_card_with_every_detail_at_its_longest_fit_in_28_KB(string language)
    {
        using var culture = InCulture.Use(language);
        // Member text at its longest, mostly ASCII: a card's JSON writes each other character as a six-byte escape.
        var longest = new string('e', StageDetails.MaxLength - 10) + "“ñandú” 👟";
        var (map, board) = CardSizeTests.SampleMap(12, 200, 500);
        map.Stages = [.. map.Stages.Select(s => s with { Name = s.Name + new string('n', TextRules.ShortMax - s.Name.Length), Expects = longest, MovesOnWhen = longest })];
        var team = Enumerable.Range(1, StageTemplates.MaxTeamTemplates).Select(t => new StageTemplate(
            $"Team template {t} " + new string('t', 40), [.. map.Stages.Select(s => new TemplateStage(s.Name))]) { IsTeams = true }).ToList();
        var mapCard = MapCard.For(map, board);
        map.Step = MapStep.Stages;
        var stagesCard = SessionCards.ForStep(map);
        stagesCard = stagesCard with
        {
            Body = [.. stagesCard.Body.Select(e => e is InputChoiceSet { Id: CardVerbs.TemplateKey } ? SessionCards.TemplateList(StageTemplates.Offered(team)) : e)],
        };

        foreach (var (kind, card) in new[] { ("stages card", stagesCard), ("published map card", mapCard) })
        {
            var bytes = MapCard.Bytes(card);
            JourneyBot.Testing.RunSummary.Add(
                $"{kind}, 12 stages of {TextRules.ShortMax} chars with both details at {StageDetails.MaxLength} chars (stages card: {StageTemplates.MaxTeamTemplates} team templates), {language}: {bytes:N0} bytes (target {MapCard.TargetBytes:N0})");
            Assert.InRange(bytes, 1, MapCard.TargetBytes);
        }

        Assert.Equal(StageTemplates.MaxTeamTemplates + StageTemplates.Builtin.Count, CardText.Of(stagesCard).Split(" / ").Length);
    }

    private static JourneyMap Map(params (string Name, string? Expects, string? MovesOn)[] stages)
    {
        var map = new JourneyMap { Id = "map", Name = "Shoes", Facilitator = new("alex", "Alex"), ConversationKey = "c", Step = MapStep.Review };
        foreach (var (name, expects, movesOn) in stages)
        {
            var stage = map.AddStage(name);
            map.Stages[^1] = stage with { Expects = expects, MovesOnWhen = movesOn };
        }

        return map;
    }
}
