using System.Text.RegularExpressions;
using JourneyBot.Testing;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// No user-facing words written in code: a string literal passed where a member reads it (a message
/// said, a card's text, title, label, placeholder or error message) holds no words, only marks,
/// Markdown and the values it interpolates (<c>$"**{Strings.Contributors}**"</c>); the words live in
/// <c>Strings.resx</c>, where every language has them. Read as text, like <see cref="StringsSource"/>.
/// </summary>
public sealed partial class UserTextLiteralTests
{
    // Literals that are not text for people though they hold letters (ids, URLs): none so far.
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal);

    [Fact]
    public void No_user_facing_literal_holds_words_in_the_bots_code()
    {
        var found = new[] { "JourneyBot.Conversation", "JourneyBot.Web" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Find(Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)))
            .ToList();

        Assert.True(found.Count == 0, "Words written in code where members read them (move them to Strings.resx):\n" + string.Join('\n', found));
    }

    [Theory]
    [InlineData("return new TurnOutcome().Say(\"Saved the map.\");")]
    [InlineData("var block = new TextBlock { Text = $\"Published by {member}\" };")]
    [InlineData("Label = \"Stage\",")]
    [InlineData("Placeholder = \"e.g. Sales\",")]
    public void A_literal_with_words_is_found(string code)
    {
        Assert.Single(Find("Sample.cs", code));
    }

    [Theory]
    [InlineData("yield return Say($\"**{heading}**\") with { Separator = true };")]
    [InlineData("Label = $\"{i + 1}. {stage.Name}\",")]
    [InlineData("return new TurnOutcome().Say(Strings.Saved);")]
    [InlineData("Text = \"★ \",")]
    public void Marks_markdown_and_interpolated_values_are_no_words(string code)
    {
        Assert.Empty(Find("Sample.cs", code));
    }

    private static IEnumerable<string> Find(string file, string code)
    {
        foreach (Match use in UserTextLiteral().Matches(code))
        {
            var literal = use.Groups["literal"].Value;
            var words = use.Groups["interpolated"].Success ? Hole().Replace(literal, string.Empty) : literal;
            if (Word().IsMatch(words) && !Allowed.Contains(literal))
            {
                yield return $"{file}:{code.AsSpan(0, use.Index).Count('\n') + 1}: \"{literal}\"";
            }
        }
    }

    // A literal said as a message or set as a card's text: Say("…"), Text = "…", Title = $"…", …
    [GeneratedRegex(@"(?:\bSay\(|\b(?:Text|Title|Label|Placeholder|ErrorMessage|Subtitle|AltText|Speak)\s*=\s*)(?<interpolated>\$)?""(?<literal>(?:[^""\\]|\\.)*)""")]
    private static partial Regex UserTextLiteral();

    // An interpolation hole, {…}, with what it holds.
    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Hole();

    // Two letters in a row make a word ("e.g.", "OK"); a single letter or a mark does not.
    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();
}
