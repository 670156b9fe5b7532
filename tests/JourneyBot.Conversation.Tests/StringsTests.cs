using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Every word a member reads lives in Resources/Strings.resx: each text there is used, each use
/// supplies exactly the placeholders its text names, and each translation has the same texts.
/// (A text the code names but the file lacks does not compile: the Strings class is generated from the file.)
/// </summary>
public sealed class StringsTests
{
    [Fact]
    public void Every_text_in_the_resources_is_used_by_the_code()
    {
        var unused = Unused(StringsSource.Neutral.Keys, StringsSource.Uses());

        Assert.True(unused.Count == 0, "Texts no code uses (remove them, or use them): " + string.Join(", ", unused));
    }

    [Fact]
    public void The_unused_check_tells_a_text_nobody_uses()
    {
        var uses = new[] { new TextUse("a.cs", 1, "Busy", null) };

        Assert.Equal(["Help"], Unused(["Busy", "Help"], uses));
    }

    [Fact]
    public void Every_use_of_a_text_supplies_exactly_its_placeholders()
    {
        var uses = StringsSource.Uses();

        var problems = uses.Select(use => StringsSource.Problem(use, StringsSource.Neutral)).OfType<string>().ToList();

        Assert.NotEmpty(uses);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_placeholder_check_tells_a_missing_a_misspelt_and_an_unfilled_placeholder()
    {
        const string Code = """
            var a = Strings.StageHasItems.Fill(("stage", stage.Name));
            var b = Strings.StagesAtMost.Fill(("maxx", MaxStages));
            var c = Strings.NotEvidence;
            var d = Strings.StagesTooMany.Fill(("count", string.Join(", ", names.Select((n, i) => $"{i}. {n}"))), ("max", 12));
            // Strings.StagesAtMost.Fill(("wrong", 1)) in a comment is no use.
            """;

        var problems = StringsSource.UsesIn("Sample.cs", Code).Select(use => StringsSource.Problem(use, StringsSource.Neutral)).ToList();

        Assert.Equal(4, problems.Count);
        Assert.Contains("Sample.cs:1: Strings.StageHasItems asks for {count}, {stage} but is given {stage}", problems);
        Assert.Contains("Sample.cs:2: Strings.StagesAtMost asks for {max} but is given {maxx}", problems);
        Assert.Contains("Sample.cs:3: Strings.NotEvidence asks for {evidence} but is used without Fill", problems);
        Assert.Null(problems[3]);
    }

    [Fact]
    public void Every_translation_has_every_text_with_the_same_placeholders_and_no_other()
    {
        var problems = StringsSource.Translations.SelectMany(t => StringsSource.TranslationProblems(StringsSource.Neutral, t.Key, t.Value)).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_translation_check_tells_a_missing_an_extra_and_a_changed_text()
    {
        var translation = StringsSource.Neutral.Where(t => t.Key != "Busy").ToDictionary();
        translation["Extra"] = "Más";
        translation["StageHasItems"] = "“{stage}” tiene elementos.";

        var problems = StringsSource.TranslationProblems(StringsSource.Neutral, "Strings.es.resx", translation).ToList();

        Assert.Equal(
        [
            "Strings.es.resx: Busy is missing",
            "Strings.es.resx: Extra is not in Strings.resx",
            "Strings.es.resx: StageHasItems has {stage} where English has {count}, {stage}",
        ], problems);
    }

    [Fact]
    public void Every_text_is_well_formed_and_free_of_html()
    {
        // The full page puts the bot's own words in as they are (only members' text is encoded).
        var all = StringsSource.Translations.Values.Prepend(StringsSource.Neutral).SelectMany(texts => texts);

        Assert.All(all, text =>
        {
            _ = TextTemplate.Placeholders(text.Value);
            Assert.True(text.Value.IndexOfAny(['<', '>', '&']) < 0, $"{text.Key} holds markup: {text.Value}");
        });
    }

    [Fact]
    public void Several_answers_are_gathered_in_one_message_one_line_each()
    {
        Assert.Equal("Just now:\n\n- one\n- two", Texts.Acknowledged(["one", "two"]));
    }

    private static List<string> Unused(IEnumerable<string> names, IEnumerable<TextUse> uses)
    {
        var used = uses.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        return [.. names.Where(n => !used.Contains(n)).Order(StringComparer.Ordinal)];
    }
}
