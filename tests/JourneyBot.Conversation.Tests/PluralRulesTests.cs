using System.Globalization;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Tests;

/// <summary>The CLDR plural categories of English, Spanish and Romanian, and the branch a text picks by them.</summary>
public sealed class PluralRulesTests
{
    [Theory]
    [InlineData("en", "1", "one")]
    [InlineData("en", "0", "other")]
    [InlineData("en", "2", "other")]
    [InlineData("en", "1.0", "other")]
    [InlineData("es", "1", "one")]
    [InlineData("es", "1.0", "one")]
    [InlineData("es", "0", "other")]
    [InlineData("es", "2", "other")]
    [InlineData("es", "1.5", "other")]
    [InlineData("ro", "1", "one")]
    [InlineData("ro", "0", "few")]
    [InlineData("ro", "2", "few")]
    [InlineData("ro", "19", "few")]
    [InlineData("ro", "20", "other")]
    [InlineData("ro", "100", "other")]
    [InlineData("ro", "101", "few")]
    [InlineData("ro", "119", "few")]
    [InlineData("ro", "120", "other")]
    [InlineData("ro", "1.0", "few")]
    [InlineData("ro", "1.5", "few")]
    [InlineData("ro", "20.5", "few")]
    public void A_number_falls_in_its_languages_category(string language, string number, string expected)
    {
        var count = decimal.Parse(number, CultureInfo.InvariantCulture);

        Assert.Equal(expected, PluralRules.Category(count, new CultureInfo(language)));
    }

    [Fact]
    public void A_regional_culture_follows_its_language()
    {
        Assert.Equal("few", PluralRules.Category(2, new CultureInfo("ro-RO")));
        Assert.Equal("one", PluralRules.Category(1, new CultureInfo("es-MX")));
    }

    [Theory]
    [InlineData(1, "1 punct")]
    [InlineData(2, "2 puncte")]
    [InlineData(20, "20 de puncte")]
    [InlineData(102, "102 puncte")]
    public void A_romanian_text_takes_its_three_forms(int count, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("ro");
        try
        {
            Assert.Equal(expected, "{count, plural, one {# punct} few {# puncte} other {# de puncte}}".Fill(("count", count)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
