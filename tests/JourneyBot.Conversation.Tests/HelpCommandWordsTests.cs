using System.Globalization;
using System.Text.RegularExpressions;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Tests;

/// <summary>What help shows in bold lower case in Spanish and Romanian is a word the bot reads as a command (or a connector inside one).</summary>
public sealed partial class HelpCommandWordsTests
{
    public static TheoryData<string> Languages => ["es", "ro"];

    // Words that join a command's parts ("rename stage 2 to …", "act … by …", "review every N days", "truth off …").
    private static readonly string[] Connectors =
    [
        nameof(Strings.CommandWordsTo), nameof(Strings.CommandWordsAt), nameof(Strings.CommandWordsBy),
        nameof(Strings.CommandWordsEvery), nameof(Strings.CommandWordsDays), nameof(Strings.CommandWordsOff),
    ];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_command_word_in_bold_in_help_is_read_as_a_command(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var words = CommandWords.For([culture]);
        var help = Strings.ResourceManager.GetString(nameof(Strings.Help), culture) + "\n"
            + Strings.ResourceManager.GetString(nameof(Strings.HelpLanguage), culture);

        // Bold in capitals is the bot's name, a heading or a button; command words are lower case.
        var unread = Bold().Matches(help).Select(m => m.Groups[1].Value)
            .Where(phrase => !char.IsUpper(phrase[0]))
            .Where(phrase => !Connectors.Any(key => words.Is(phrase, key)))
            .Where(phrase => CommandParser.Parse(phrase, words) is AnswerCommand && CommandParser.Parse(phrase + " 3", words) is AnswerCommand)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(unread.Count == 0, $"Bold in {language} help but not read as a command: " + string.Join(", ", unread));
    }

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
