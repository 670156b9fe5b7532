using JourneyBot.Conversation.Flow;

namespace JourneyBot.Conversation.Tests;

/// <summary>How typed stage details and template commands read, and the stages card's presses.</summary>
public sealed class StageCommandParserTests
{
    [Theory]
    [InlineData("expects Purchase | Delivery in two days", "Purchase", "Delivery in two days", null)]
    [InlineData("EXPECT 3|Clear prices", "3", "Clear prices", null)]
    [InlineData("moves on Purchase | Pays at the till", "Purchase", null, "Pays at the till")]
    [InlineData("moves on when Try on | Finds a pair that fits", "Try on", null, "Finds a pair that fits")]
    [InlineData("expects Purchase", "Purchase", "", null)]
    [InlineData("moves on | Pays", "", null, "Pays")]
    public void A_typed_stage_detail_reads_as_one_stage_and_one_detail(string text, string stage, string? expects, string? movesOn)
    {
        var command = Assert.IsType<StageDetailsCommand>(CommandParser.Parse(text));

        Assert.True(command.Typed);
        Assert.Equal(new StageDetailInput(stage, expects, movesOn), Assert.Single(command.Details));
    }

    [Theory]
    [InlineData("template", null)]
    [InlineData("template B2B", "B2B")]
    [InlineData("template  Awareness to advocacy ", "Awareness to advocacy")]
    [InlineData("stages template onboarding", "onboarding")]
    [InlineData("stages: template", "")]
    public void A_template_is_named_or_the_five_stage_one(string text, string? name)
    {
        var edit = Assert.IsType<UseTemplate>(Assert.IsType<StagesCommand>(CommandParser.Parse(text)).Edit);

        Assert.Equal(name, edit.Name);
    }

    [Theory]
    [InlineData("save stages as Retail", "Retail")]
    [InlineData("Save Stages As  Retail flow ", "Retail flow")]
    [InlineData("save stages", "")]
    [InlineData("save stages Retail", "")]
    public void Save_stages_as_names_the_team_s_template(string text, string name) =>
        Assert.Equal(name, Assert.IsType<SaveStagesCommand>(CommandParser.Parse(text)).Name);

    [Theory]
    [InlineData("delete template Retail", "Retail")]
    [InlineData("remove template Retail flow", "Retail flow")]
    public void Delete_template_names_one_of_the_team_s(string text, string name) =>
        Assert.Equal(name, Assert.IsType<DeleteTemplateCommand>(CommandParser.Parse(text)).Name);

    [Fact]
    public void Templates_alone_lists_them_and_other_words_stay_answers()
    {
        Assert.IsType<TemplatesCommand>(CommandParser.Parse("templates"));
        Assert.IsType<AnswerCommand>(CommandParser.Parse("Save 10% on first orders"));
        Assert.IsType<AnswerCommand>(CommandParser.Parse("Moves faster than the competition"));
        Assert.IsType<AnswerCommand>(CommandParser.Parse("Expected: more repeat buyers"));
        Assert.IsType<AnswerCommand>(CommandParser.Parse("templates for every team"));
    }

    [Fact]
    public void The_stages_card_s_template_press_names_the_chosen_one_and_its_details_press_reads_each_stage_s_fields()
    {
        var template = CommandParser.FromCard(new CardSubmit(CardVerbs.Template, new Dictionary<string, string> { [CardVerbs.TemplateKey] = "Retail" }));
        Assert.Equal("Retail", Assert.IsType<UseTemplate>(Assert.IsType<StagesCommand>(template).Edit).Name);

        var details = Assert.IsType<StageDetailsCommand>(CommandParser.FromCard(new CardSubmit(CardVerbs.StageDetails, new Dictionary<string, string>
        {
            [CardVerbs.ExpectsKey + "s2"] = " Clear prices ",
            [CardVerbs.MovesOnKey + "s2"] = string.Empty,
            [CardVerbs.ExpectsKey + "s1"] = "Friendly ads",
            ["stages"] = "Awareness\nPurchase",
        })));

        Assert.False(details.Typed);
        Assert.Equal([new StageDetailInput("s1", "Friendly ads", null), new StageDetailInput("s2", "Clear prices", string.Empty)], details.Details);
    }
}
