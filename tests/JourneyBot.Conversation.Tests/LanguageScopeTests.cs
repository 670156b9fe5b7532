using System.Globalization;
using JourneyBot.Conversation.Actions.FollowUp;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// Work in one language: the texts, dates and numbers in its culture while the scope lasts, the
/// earlier culture after, and concurrent work in different languages kept apart.
/// </summary>
public sealed class LanguageScopeTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 13, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "13 Dec 2026")]
    [InlineData("es", "13 dic 2026")]
    [InlineData("ro", "13 dec. 2026")]
    public void Dates_in_texts_read_as_the_language_writes_them(string language, string expected)
    {
        using var scope = LanguageScope.Enter(new CultureInfo(language));

        Assert.Equal(expected, "{date:d MMM yyyy}".Fill(("date", Day)));
    }

    [Theory]
    [InlineData("en", "+0.5", "−1.5")]
    [InlineData("es", "+0,5", "−1,5")]
    [InlineData("ro", "+0,5", "−1,5")]
    public void A_stages_feeling_keeps_its_sign_and_takes_the_languages_decimal_separator(string language, string up, string down)
    {
        using var scope = LanguageScope.Enter(new CultureInfo(language));

        Assert.Equal((up, down, "0"), (Vocabulary.Score(0.5), Vocabulary.Score(-1.5), Vocabulary.Score(0)));
    }

    [Theory]
    [InlineData("en", "Sun 13 Dec")]
    [InlineData("es", "dom 13 dic")]
    [InlineData("ro", "dum. 13 dec.")]
    public void A_due_day_and_a_deadline_read_in_the_language(string language, string day)
    {
        using var scope = LanguageScope.Enter(new CultureInfo(language));

        Assert.Equal(day, ActionFollowUp.ShowDay(DateOnly.FromDateTime(Day.UtcDateTime)));
        Assert.Equal(day + " 09:30", RoundTime.Show(Day, Day.AddDays(-10), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Leaving_the_scope_brings_the_earlier_language_back()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        using (LanguageScope.Enter(BotLanguages.Romanian, BotLanguages.Spanish))
        {
            Assert.Equal((BotLanguages.Romanian, BotLanguages.Romanian), (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture));
            Assert.Equal(["ro", "es"], TypedLanguages.Current.Select(l => l.Name));
        }

        Assert.Equal(before, (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture));
        Assert.Empty(TypedLanguages.Current);
    }

    [Fact]
    public async Task Concurrent_work_in_two_languages_never_sees_the_others()
    {
        using var gate = new SemaphoreSlim(0);

        async Task<string> InAsync(CultureInfo language)
        {
            using var scope = LanguageScope.Enter(language);
            await gate.WaitAsync();
            await Task.Yield();
            return "{date:d MMM yyyy}".Fill(("date", Day));
        }

        var spanish = InAsync(BotLanguages.Spanish);
        var romanian = InAsync(BotLanguages.Romanian);
        gate.Release(2);

        Assert.Equal(["13 dic 2026", "13 dec. 2026"], await Task.WhenAll(spanish, romanian));
    }
}
