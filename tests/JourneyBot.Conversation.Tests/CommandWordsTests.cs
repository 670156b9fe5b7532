using System.Globalization;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The words members type, read from the <c>CommandWords*</c>, <c>KindWords*</c>, <c>EvidenceWords*</c>
/// and <c>ChannelWords*</c> texts: English always, plus the languages of the turn, diacritics folded,
/// longest phrase first, and no word shared by two commands within English with Spanish or with Romanian.
/// </summary>
public sealed class CommandWordsTests
{
    public static TheoryData<string> Languages => ["es", "ro"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_two_commands_or_kinds_share_a_word_in_English_and_another_language(string language)
    {
        var claims = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var culture in new[] { CultureInfo.InvariantCulture, new CultureInfo(language) })
        {
            foreach (var key in WordKeys.Openers)
            {
                foreach (var phrase in CommandWords.PhrasesOf(key, culture))
                {
                    var said = string.Join(' ', phrase);
                    if (!claims.TryGetValue(said, out var keys))
                    {
                        claims[said] = keys = new HashSet<string>(StringComparer.Ordinal);
                    }

                    keys.Add(key);
                }
            }
        }

        var shared = claims.Where(c => c.Value.Count > 1).Select(c => $"“{c.Key}”: {string.Join(", ", c.Value.Order())}").ToList();
        Assert.True(shared.Count == 0, "Words of more than one command or kind:\n" + string.Join('\n', shared));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("ro")]
    public void Every_word_of_a_command_reads_as_that_command_in_its_language(string language)
    {
        var culture = new CultureInfo(language);
        var words = CommandWords.For([culture]);
        var wrong = new List<string>();
        foreach (var key in WordKeys.Openers)
        {
            foreach (var phrase in CommandWords.PhrasesOf(key, culture))
            {
                var typed = string.Join(' ', phrase) + " Purchase";
                if (words.Lead(typed, WordKeys.Openers) is not ({ } found, "Purchase") || found != key)
                {
                    wrong.Add($"“{typed}” → {words.Lead(typed, WordKeys.Openers)?.Key ?? "nothing"}, not {key}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("Atrás", "atras")]
    [InlineData("ÎNCEPE", "incepe")]
    [InlineData("următorul", "urmatorul")]
    [InlineData("publică", "publica")]
    [InlineData("renunță", "renunta")]
    [InlineData("renunţă", "renunta")]
    [InlineData("Añadir", "anadir")]
    [InlineData("stages:", "stages")]
    [InlineData("?", "?")]
    public void A_word_is_compared_without_case_diacritics_or_a_closing_colon(string typed, string folded)
    {
        Assert.Equal(folded, CommandWords.Fold(typed));
    }

    [Theory]
    [InlineData("STATUS")]
    [InlineData("Status")]
    [InlineData("  status  ")]
    public void An_english_command_is_read_in_any_letters(string typed)
    {
        Assert.IsType<StatusCommand>(CommandParser.Parse(typed, CommandWords.For([])));
    }

    [Fact]
    public void The_longest_phrase_wins_and_what_follows_it_is_the_argument()
    {
        var words = CommandWords.For([]);

        Assert.Equal(new SaveStagesCommand("Retail"), CommandParser.Parse("save stages as Retail", words));
        Assert.Equal(ItemKind.PainPoint, Assert.IsType<AddItemCommand>(CommandParser.Parse("pain point Purchase | Slow", words)).Kind);
        Assert.Equal("Purchase", Assert.IsType<AddItemCommand>(CommandParser.Parse("pain point Purchase | Slow", words)).Stage);
    }

    [Fact]
    public void Language_takes_a_code_or_a_name_with_or_without_diacritics()
    {
        Assert.Equal(new LanguageCommand("română"), CommandParser.Parse("language română", CommandWords.For([])));
        Assert.Equal(BotLanguages.Romanian, BotLanguages.FromWord("română"));
        Assert.Equal(BotLanguages.Romanian, BotLanguages.FromWord("Romana"));
        Assert.Equal(BotLanguages.Spanish, BotLanguages.FromWord("espanol"));
        Assert.Equal(BotLanguages.Spanish, BotLanguages.FromWord("Spanish"));
        Assert.Equal(BotLanguages.English, BotLanguages.FromWord("EN"));
        Assert.Null(BotLanguages.FromWord("klingon"));
    }

    [Theory]
    [InlineData("es-ES", "es")]
    [InlineData("es-MX", "es")]
    [InlineData("ro-RO", "ro")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", "en")]
    public void A_teams_locale_names_the_bots_language(string locale, string language)
    {
        Assert.Equal(language, BotLanguages.FromLocale(locale)!.TwoLetterISOLanguageName);
    }
}
