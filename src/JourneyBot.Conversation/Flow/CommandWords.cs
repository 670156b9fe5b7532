using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JourneyBot.Conversation.Languages;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// The words members may type for commands, kinds, evidence and channels, read from the
/// <c>CommandWords*</c>, <c>KindWords*</c>, <c>EvidenceWords*</c> and <c>ChannelWords*</c> texts
/// of some languages: English always, and the member's and the team's (<see cref="TypedLanguages"/>).
/// </summary>
/// <remarks>
/// Each text lists its words separated by <c>|</c>; a word may be a phrase of several words
/// (<c>pain point</c>, <c>moves on when</c>). Words are compared folded (<see cref="Fold"/>): case and
/// diacritics do not count, so <c>atras</c>, <c>incepe</c> and <c>publica</c> are <c>atrás</c>,
/// <c>începe</c> and <c>publică</c> without listing them. Where phrases of different length could
/// match, the longest wins. A table is built once per set of languages.
/// </remarks>
internal sealed partial class CommandWords
{
    private static readonly ConcurrentDictionary<string, CommandWords> Tables = new(StringComparer.Ordinal);

    // Folded phrase (its words joined by one space) → the text's name (e.g. "CommandWordsHelp"), longest phrases first.
    private readonly List<(string[] Words, string Key)> _phrases;

    private CommandWords(IReadOnlyList<CultureInfo> languages)
    {
        var phrases = new List<(string[] Words, string Key)>();
        var seen = new HashSet<(string, string)>();
        foreach (var language in languages)
        {
            foreach (var key in WordKeys.All)
            {
                foreach (var phrase in PhrasesOf(key, language))
                {
                    if (seen.Add((string.Join(' ', phrase), key)))
                    {
                        phrases.Add((phrase, key));
                    }
                }
            }
        }

        // Stable: of phrases of one length, the first language's (English) come first.
        _phrases = [.. phrases.OrderByDescending(p => p.Words.Length)];
    }

    /// <summary>The words of English and of the languages of the turn (<see cref="TypedLanguages.Current"/>).</summary>
    public static CommandWords Current => For(TypedLanguages.Current);

    /// <summary>The words of every language the bot speaks.</summary>
    public static CommandWords Every { get; } = For([BotLanguages.Spanish, BotLanguages.Romanian]);

    /// <summary>The words of English and <paramref name="languages"/>.</summary>
    public static CommandWords For(IEnumerable<CultureInfo> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        List<CultureInfo> all = [CultureInfo.InvariantCulture, .. languages.Select(BotLanguages.Of).Where(l => !BotLanguages.IsEnglish(l))];
        var distinct = all.DistinctBy(l => l.Name).ToList();
        return Tables.GetOrAdd(string.Join(',', distinct.Select(l => l.Name)), _ => new CommandWords(distinct));
    }

    /// <summary>
    /// Which of <paramref name="keys"/> the start of <paramref name="text"/> names (its longest phrase),
    /// and the text after that phrase, trimmed; null when it names none.
    /// </summary>
    public (string Key, string After)? Lead(string text, IReadOnlySet<string> keys)
    {
        var tokens = Tokens(text);
        foreach (var (words, key) in _phrases)
        {
            if (keys.Contains(key) && Matches(tokens, 0, words))
            {
                return (key, After(text, tokens, words.Length));
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the start of <paramref name="text"/> is one of the longest phrases of <paramref name="key"/>
    /// (<c>save stages as</c> rather than <c>save stages</c>): what follows only such a phrase is an argument.
    /// </summary>
    public bool LeadsWithLongest(string text, string key)
    {
        var tokens = Tokens(text);
        var longest = _phrases.Where(p => p.Key == key).Select(p => p.Words.Length).DefaultIfEmpty(0).Max();
        return _phrases.Any(p => p.Key == key && p.Words.Length == longest && Matches(tokens, 0, p.Words));
    }

    /// <summary>The text after the start of <paramref name="text"/> when that start is a word of <paramref name="key"/>; else null.</summary>
    public string? After(string text, string key) => Lead(text, new HashSet<string>(StringComparer.Ordinal) { key })?.After;

    /// <summary>Whether <paramref name="text"/> is, as a whole, a word of <paramref name="key"/>.</summary>
    public bool Is(string text, string key) => After(text, key) is { Length: 0 };

    /// <summary>
    /// <paramref name="text"/> split at the last word of <paramref name="key"/> that stands between
    /// two other words (<c>Purchase to Checkout</c> at <c>to</c>): what is before and after it, trimmed;
    /// null when no word of <paramref name="key"/> stands there. With <paramref name="mayLead"/> the word may also open the text.
    /// </summary>
    public (string Before, string After)? SplitAtLast(string text, string key, bool mayLead = false)
    {
        var tokens = Tokens(text);
        for (var start = tokens.Count - 2; start >= (mayLead ? 0 : 1); start--)
        {
            foreach (var (words, phraseKey) in _phrases)
            {
                if (phraseKey == key && start + words.Length < tokens.Count && Matches(tokens, start, words))
                {
                    var before = start == 0 ? string.Empty : text[..(tokens[start - 1].Index + tokens[start - 1].Length)].Trim();
                    return (before, After(text, tokens, start + words.Length));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Every way <paramref name="text"/> splits at a word of <paramref name="key"/> that stands between two
    /// other words (<c>Buy to Go to the store</c>: at the first <c>to</c>, then at the second), first to last:
    /// what is before and after it, trimmed. Which one is meant may take knowing what the words name.
    /// </summary>
    public IReadOnlyList<(string Before, string After)> SplitsAt(string text, string key)
    {
        var tokens = Tokens(text);
        var splits = new List<(string Before, string After)>();
        for (var start = 1; start <= tokens.Count - 2; start++)
        {
            if (_phrases.FirstOrDefault(p => p.Key == key && start + p.Words.Length < tokens.Count && Matches(tokens, start, p.Words)) is { Words: { } words })
            {
                splits.Add((text[..(tokens[start - 1].Index + tokens[start - 1].Length)].Trim(), After(text, tokens, start + words.Length)));
            }
        }

        return splits;
    }

    /// <summary>The key among <paramref name="keys"/> whose words are the whole of <paramref name="text"/>; null when none.</summary>
    public string? Whole(string? text, IReadOnlySet<string> keys) =>
        text is not null && Lead(text.Trim(), keys) is { After.Length: 0 } found ? found.Key : null;

    /// <summary>The phrases a language gives <paramref name="key"/>, each as its folded words.</summary>
    public static IEnumerable<string[]> PhrasesOf(string key, CultureInfo language) =>
        (Strings.ResourceManager.GetString(key, language) ?? string.Empty)
            .Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Tokens(p).Select(t => t.Folded).ToArray())
            .Where(words => words.Length > 0);

    /// <summary>A word as it is compared: lower case, without diacritics (ș, ţ, ă, î, á, ñ → s, t, a, i, a, n), without a closing colon.</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        var folded = plain.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        return folded.Length > 1 ? folded.TrimEnd(':') : folded;
    }

    private static bool Matches(List<Token> tokens, int start, string[] words)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (!string.Equals(tokens[start + i].Folded, words[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string After(string text, List<Token> tokens, int count) =>
        count >= tokens.Count ? string.Empty : text[tokens[count].Index..].Trim();

    // The text's words, each with where it stands and its folded form (folded once, compared with every phrase).
    private static List<Token> Tokens(string text) => [.. Word().Matches(text).Select(m => new Token(m.Index, m.Length, Fold(m.Value)))];

    private readonly record struct Token(int Index, int Length, string Folded);

    [GeneratedRegex(@"\S+")]
    private static partial Regex Word();
}
