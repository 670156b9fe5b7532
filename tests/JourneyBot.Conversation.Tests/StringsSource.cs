using System.Text.RegularExpressions;
using System.Xml.Linq;
using JourneyBot.Conversation.Resources;
using JourneyBot.Testing;

namespace JourneyBot.Conversation.Tests;

/// <summary>
/// The texts of <c>src/JourneyBot.Conversation/Resources/Strings*.resx</c>, and every place the code
/// of that project uses one (<c>Strings.Name</c>, with the placeholders its <c>.Fill(…)</c> supplies).
/// </summary>
/// <remarks>
/// The code is read as text, not compiled: a <c>Fill</c> call is read up to its closing parenthesis,
/// and each argument that opens with <c>("name",</c> supplies that placeholder. String literals are
/// skipped whole, so an interpolated argument must not nest quotes; keep call sites that plain.
/// </remarks>
internal static partial class StringsSource
{
    private static readonly string Project = Path.Combine(RepoPaths.Root, "src", "JourneyBot.Conversation");

    /// <summary>The folder of Strings.resx and its translations.</summary>
    public static string ResourcesFolder { get; } = Path.Combine(Project, "Resources");

    /// <summary>The English texts by name.</summary>
    public static IReadOnlyDictionary<string, string> Neutral { get; } = Read(Path.Combine(ResourcesFolder, "Strings.resx"));

    /// <summary>Each translation (Strings.&lt;culture&gt;.resx) by file name, with its texts by name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Translations { get; } =
        Directory.GetFiles(ResourcesFolder, "Strings.*.resx").ToDictionary(f => Path.GetFileName(f), Read);

    /// <summary>The texts of one .resx file by name.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    /// <summary>Every use of a text in the project's code (comments aside), in file order.</summary>
    public static IReadOnlyList<TextUse> Uses() =>
    [
        .. Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => UsesIn(Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f))),
    ];

    /// <summary>The uses of texts in one file's <paramref name="code"/>.</summary>
    public static IEnumerable<TextUse> UsesIn(string file, string code)
    {
        foreach (Match use in StringsMember().Matches(code))
        {
            var name = use.Groups[1].Value;
            if (name is "ResourceManager" or "Culture" || IsInComment(code, use.Index))
            {
                continue;
            }

            var end = use.Index + use.Length;
            var supplied = code.AsSpan(end).StartsWith(".Fill(", StringComparison.Ordinal)
                ? SuppliedNames(code, end + ".Fill".Length)
                : null;
            yield return new TextUse(file, code.AsSpan(0, use.Index).Count('\n') + 1, name, supplied);
        }
    }

    /// <summary>What is wrong with one use: a placeholder it does not supply, or a value its text does not ask for.</summary>
    public static string? Problem(TextUse use, IReadOnlyDictionary<string, string> texts)
    {
        if (!texts.TryGetValue(use.Name, out var text))
        {
            return $"{use.File}:{use.Line}: Strings.{use.Name} is not in Strings.resx";
        }

        var wanted = TextTemplate.Placeholders(text);
        var supplied = use.Supplied ?? new SortedSet<string>(StringComparer.Ordinal);
        return wanted.SetEquals(supplied)
            ? null
            : $"{use.File}:{use.Line}: Strings.{use.Name} asks for {Names(wanted)} but {(use.Supplied is null ? "is used without Fill" : "is given " + Names(supplied))}";
    }

    /// <summary>What a translation lacks or adds, and where its placeholders differ from English.</summary>
    public static IEnumerable<string> TranslationProblems(IReadOnlyDictionary<string, string> neutral, string file,
        IReadOnlyDictionary<string, string> translation)
    {
        foreach (var name in neutral.Keys.Except(translation.Keys).Order(StringComparer.Ordinal))
        {
            yield return $"{file}: {name} is missing";
        }

        foreach (var name in translation.Keys.Except(neutral.Keys).Order(StringComparer.Ordinal))
        {
            yield return $"{file}: {name} is not in Strings.resx";
        }

        foreach (var name in neutral.Keys.Intersect(translation.Keys).Order(StringComparer.Ordinal))
        {
            var english = TextTemplate.Placeholders(neutral[name]);
            var translated = TextTemplate.Placeholders(translation[name]);
            if (!english.SetEquals(translated))
            {
                yield return $"{file}: {name} has {Names(translated)} where English has {Names(english)}";
            }
        }
    }

    private static string Names(IEnumerable<string> names) => names.Any() ? "{" + string.Join("}, {", names) + "}" : "no placeholders";

    private static bool IsBuildOutput(string file) =>
        Path.GetRelativePath(Project, file).Split(Path.DirectorySeparatorChar) is [var top, ..] && top is "obj" or "bin";

    // A use on a line that starts as a comment (// or ///) is documentation, not a use.
    private static bool IsInComment(string code, int index)
    {
        var lineStart = code.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return code.AsSpan(lineStart, index - lineStart).TrimStart().StartsWith("//", StringComparison.Ordinal);
    }

    // The names of the ("name", value) arguments of the call whose '(' is at `open`.
    private static SortedSet<string> SuppliedNames(string code, int open)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var depth = 0;
        for (var i = open; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '"':
                    i = EndOfString(code, i);
                    break;
                case '\'':
                    i += code[i + 1] == '\\' ? 3 : 2;
                    break;
                case '(':
                    depth++;
                    if (depth == 2 && ArgumentName().Match(code, i + 1) is { Success: true } argument)
                    {
                        names.Add(argument.Groups[1].Value);
                    }

                    break;
                case ')':
                    depth--;
                    if (depth == 0)
                    {
                        return names;
                    }

                    break;
                default:
                    break;
            }
        }

        throw new InvalidOperationException("A Fill call without its closing parenthesis at " + open);
    }

    private static int EndOfString(string code, int quote)
    {
        for (var i = quote + 1; i < code.Length; i++)
        {
            if (code[i] == '\\')
            {
                i++;
            }
            else if (code[i] == '"')
            {
                return i;
            }
        }

        throw new InvalidOperationException("A string without its closing quote at " + quote);
    }

    [GeneratedRegex(@"\bStrings\.([A-Za-z0-9_]+)")]
    private static partial Regex StringsMember();

    [GeneratedRegex(@"\G\s*""([A-Za-z0-9]+)""\s*,")]
    private static partial Regex ArgumentName();
}

/// <summary>One use of a text in the code.</summary>
/// <param name="File">The file, from the repository's root.</param>
/// <param name="Line">1-based.</param>
/// <param name="Name">The text's name in Strings.resx.</param>
/// <param name="Supplied">The placeholders its Fill call supplies; null when it is used as it is.</param>
internal sealed record TextUse(string File, int Line, string Name, IReadOnlySet<string>? Supplied);
