using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Tests;

/// <summary>How the named placeholders of a text are filled.</summary>
public sealed class TextTemplateTests
{
    [Fact]
    public void Fills_each_placeholder_by_its_name_whatever_the_order()
    {
        var text = "“{map}” is facilitated by {member}.".Fill(("member", "Alex"), ("map", "Shoes"));

        Assert.Equal("“Shoes” is facilitated by Alex.", text);
    }

    [Fact]
    public void A_text_may_use_a_placeholder_twice_and_leave_a_value_unused()
    {
        Assert.Equal("a and a", "{x} and {x}".Fill(("x", "a"), ("y", "b")));
    }

    [Fact]
    public void Formats_numbers_and_dates_as_the_text_says()
    {
        var date = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

        var text = "{length:N0} characters, published {date:d MMM yyyy}".Fill(("length", 12345), ("date", date));

        Assert.Equal("12,345 characters, published 5 Dec 2026", text);
    }

    [Theory]
    [InlineData(0, "0 votes")]
    [InlineData(1, "1 vote")]
    [InlineData(2, "2 votes")]
    [InlineData(1000, "1000 votes")]
    public void Picks_the_plural_form_of_the_number(int count, string expected)
    {
        Assert.Equal(expected, "{count, plural, one {# vote} other {# votes}}".Fill(("count", count)));
    }

    [Fact]
    public void A_plural_form_may_hold_other_placeholders()
    {
        const string Text = "{stages} already {count, plural, one {has} other {have}} items; {count} in all";

        Assert.Equal("“A” already has items; 1 in all", Text.Fill(("stages", "“A”"), ("count", 1)));
        Assert.Equal("“A”, “B” already have items; 2 in all", Text.Fill(("stages", "“A”, “B”"), ("count", 2)));
    }

    [Fact]
    public void A_placeholder_without_a_value_throws_and_names_it()
    {
        var error = Assert.Throws<FormatException>(() => "Hello {member}".Fill(("membre", "Alex")));

        Assert.Contains("{member}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Open {brace")]
    [InlineData("Close brace}")]
    [InlineData("{two words}")]
    [InlineData("{}")]
    [InlineData("{count, select, a {x} other {y}}")]
    [InlineData("{count, plural, one {# vote}}")]
    [InlineData("{count, plural, one {# vote} other {# votes}")]
    public void A_malformed_text_throws(string text)
    {
        Assert.Throws<FormatException>(() => text.Fill(("count", 1), ("brace", "x")));
    }

    [Fact]
    public void The_resources_hand_out_one_string_per_text_so_each_is_parsed_once()
    {
        // TextTemplate keeps each parsed text beside its string instance; the resource manager caches its strings.
        Assert.Same(Strings.StageHasItems, Strings.StageHasItems);
    }

    [Fact]
    public void Lists_the_placeholders_a_text_asks_for_plural_forms_included()
    {
        var names = TextTemplate.Placeholders("{a} {n, plural, one {# {b}} other {# {c:N0}}} {a}");

        Assert.Equal(["a", "b", "c", "n"], names);
    }
}
