using System.Text.RegularExpressions;
using JourneyBot.Testing;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The demo reads in the team's language: its script holds only command words (English, which every
/// language accepts) and takes everything its members say from Strings.resx and its translations.
/// </summary>
public sealed partial class DemoScriptTests
{
    // The commands and words of the typed syntax the script uses, and what its placeholders name.
    private static readonly HashSet<string> CommandWords = new(StringComparer.Ordinal)
    {
        "next", "department", "expects", "moves", "on", "touchpoint", "goal", "thought", "bright", "spot", "pain",
        "emotion", "opportunity", "action", "truth", "vote", "act", "by", "park", "publish",
        "blog", "social", "word", "of", "mouth", "store", "website", "whatsapp", "app", "email",
        "observed", "reported", "assumed", "in", "weeks", "example:", "name",
        "marta", "Marta", "dan", "Dan", "sofia", "Sofia", "ioana", "Ioana",
    };

    [Fact]
    public void The_demo_script_says_nothing_in_English_beyond_the_command_words()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "JourneyBot.Conversation", "Flow", "Handlers", "DemoScript.cs"));
        var code = string.Join('\n', lines.Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));

        var words = Literal().Matches(code)
            .Select(m => Hole().Replace(m.Groups[1].Value, " "))
            .SelectMany(text => text.Split([' ', '|', ',', '{', '}'], StringSplitOptions.RemoveEmptyEntries))
            .Where(word => !int.TryParse(word, out _) && !CommandWords.Contains(word))
            .Distinct()
            .ToList();

        Assert.True(words.Count == 0, "The demo script has words of its own (put them in Strings.resx): " + string.Join(", ", words));
    }

    [Fact]
    public void No_text_of_the_demo_in_any_language_breaks_the_command_it_is_typed_in()
    {
        var files = StringsSource.Translations.Append(new("Strings.resx", StringsSource.Neutral));

        var broken = files.SelectMany(file => file.Value
                .Where(t => t.Key.StartsWith("Demo", StringComparison.Ordinal) && t.Key is not ("DemoExampleMember" or "DemoWhileMapping" or "DemoIntro"))
                .Where(t => t.Value.IndexOfAny(['|', '{', '}']) >= 0 || t.Value != t.Value.Trim())
                .Select(t => $"{file.Key}: {t.Key}"))
            .ToList();

        // A vertical bar would split the item it is typed in, braces would read as an item's name.
        Assert.Empty(broken);
    }

    // A string literal, plain or interpolated (the script's are one line each, without escaped quotes).
    [GeneratedRegex("""\$?"((?:[^"\\\n])*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Literal();

    // An interpolation hole and the braces around it: {consideration}, {{{Strings.DemoPainJargon}}}, {{me}}.
    [GeneratedRegex(@"\{+[A-Za-z.]+\}+")]
    private static partial Regex Hole();
}
