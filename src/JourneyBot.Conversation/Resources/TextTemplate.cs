using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace JourneyBot.Conversation.Resources;

/// <summary>
/// Fills the named placeholders of a text from <see cref="Strings"/>:
/// <c>Strings.MapPublished.Fill(("map", name))</c>.
/// </summary>
/// <remarks>
/// <para>
/// Placeholders are named so a translator sees what each slot holds:
/// <c>{map}</c>; <c>{count:N0}</c> with a .NET format (without commas); and
/// <c>{count, plural, one {# vote} other {# votes}}</c> (the ICU form translation tools know),
/// where <c>#</c> is the number and each branch may hold placeholders of its own.
/// Numbers and dates are formatted in <see cref="CultureInfo.CurrentCulture"/>, plural forms are
/// chosen by the language of the texts, <see cref="CultureInfo.CurrentUICulture"/> (see <see cref="PluralRules"/>).
/// </para>
/// <para>
/// Each text is parsed once: the parsed form is kept next to the string instance the resource
/// manager hands out (it caches its strings), so a card built again re-parses nothing.
/// A placeholder without a value throws: a missing value is a bug, not a text to show.
/// </para>
/// </remarks>
internal static class TextTemplate
{
    private static readonly ConditionalWeakTable<string, Segment[]> Parsed = new();

    /// <summary><paramref name="template"/> with every placeholder replaced by its value.</summary>
    /// <exception cref="FormatException">The text is malformed, or names a placeholder without a value.</exception>
    public static string Fill(this string template, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        var segments = Parsed.GetValue(template, Parse);
        // The handler behind interpolated strings: a pooled buffer, values formatted straight into it.
        var text = new DefaultInterpolatedStringHandler(template.Length, values.Length, CultureInfo.CurrentCulture);
        Append(ref text, segments, values, template, number: null);
        return text.ToStringAndClear();
    }

    /// <summary>The names of the placeholders <paramref name="template"/> asks for (plural branches included).</summary>
    public static IReadOnlySet<string> Placeholders(string template)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(Parsed.GetValue(template, Parse), names);
        return names;
    }

    private static void Append(ref DefaultInterpolatedStringHandler text, Segment[] segments, scoped ReadOnlySpan<(string Name, object? Value)> values,
        string template, object? number)
    {
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case Literal literal:
                    text.AppendLiteral(literal.Text);
                    break;
                case NumberSign:
                    text.AppendFormatted(number);
                    break;
                case Slot slot:
                    text.AppendFormatted(Value(slot.Name, values, template), format: slot.Format);
                    break;
                case Plural plural:
                    var value = Value(plural.Name, values, template);
                    var count = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    var branch = plural.Branches.GetValueOrDefault(PluralRules.Category(count, CultureInfo.CurrentUICulture))
                        ?? plural.Branches["other"];
                    Append(ref text, branch, values, template, value);
                    break;
                default:
                    throw new InvalidOperationException("Unknown template segment " + segment.GetType().Name);
            }
        }
    }

    private static object? Value(string name, ReadOnlySpan<(string Name, object? Value)> values, string template)
    {
        foreach (var (key, value) in values)
        {
            if (key == name)
            {
                return value;
            }
        }

        throw new FormatException($"No value for {{{name}}} in “{template}”.");
    }

    private static void Collect(Segment[] segments, SortedSet<string> names)
    {
        foreach (var segment in segments)
        {
            switch (segment)
            {
                case Slot slot:
                    names.Add(slot.Name);
                    break;
                case Plural plural:
                    names.Add(plural.Name);
                    foreach (var branch in plural.Branches.Values)
                    {
                        Collect(branch, names);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static Segment[] Parse(string template)
    {
        var position = 0;
        var segments = ParseUntil(template, ref position, inBranch: false);
        return segments;
    }

    // Reads literals and placeholders up to the end, or (inside a plural branch) up to its closing brace.
    private static Segment[] ParseUntil(string template, ref int position, bool inBranch)
    {
        var segments = new List<Segment>();
        var literal = new StringBuilder();
        while (position < template.Length)
        {
            var c = template[position];
            if (c == '}' && inBranch)
            {
                break;
            }

            if (c == '}')
            {
                throw Malformed(template, position, "a '}' without its '{'");
            }

            if (c == '#' && inBranch)
            {
                Flush(literal, segments);
                segments.Add(new NumberSign());
                position++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                position++;
                continue;
            }

            Flush(literal, segments);
            segments.Add(ParsePlaceholder(template, ref position));
        }

        Flush(literal, segments);
        return [.. segments];
    }

    // {name} · {name:format} · {name, plural, one {…} other {…}}, with position at its '{'.
    private static Segment ParsePlaceholder(string template, ref int position)
    {
        var close = template.IndexOf('}', position);
        var comma = template.IndexOf(',', position);
        if (close < 0)
        {
            throw Malformed(template, position, "a '{' without its '}'");
        }

        if (comma < 0 || comma > close)
        {
            var inside = template[(position + 1)..close];
            var colon = inside.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? inside : inside[..colon];
            CheckName(template, position, name);
            position = close + 1;
            return new Slot(name, colon < 0 ? null : inside[(colon + 1)..]);
        }

        var pluralName = template[(position + 1)..comma].Trim();
        CheckName(template, position, pluralName);
        var keyword = template.IndexOf(',', comma + 1);
        if (keyword < 0 || template[(comma + 1)..keyword].Trim() != "plural")
        {
            throw Malformed(template, position, "only 'plural' may follow a placeholder's comma");
        }

        position = keyword + 1;
        var branches = new Dictionary<string, Segment[]>(StringComparer.Ordinal);
        while (true)
        {
            SkipSpaces(template, ref position);
            if (position >= template.Length)
            {
                throw Malformed(template, position, "a plural without its closing '}'");
            }

            if (template[position] == '}')
            {
                position++;
                break;
            }

            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                throw Malformed(template, position, "a plural category without its '{'");
            }

            var category = template[position..open].Trim();
            position = open + 1;
            branches[category] = ParseUntil(template, ref position, inBranch: true);
            if (position >= template.Length)
            {
                throw Malformed(template, open, "a plural branch without its '}'");
            }

            position++;
        }

        return branches.ContainsKey("other")
            ? new Plural(pluralName, branches)
            : throw Malformed(template, position, "a plural without its 'other' branch");
    }

    private static void CheckName(string template, int position, string name)
    {
        if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw Malformed(template, position, $"the placeholder name “{name}” (letters and digits only)");
        }
    }

    private static void SkipSpaces(string template, ref int position)
    {
        while (position < template.Length && char.IsWhiteSpace(template[position]))
        {
            position++;
        }
    }

    private static void Flush(StringBuilder literal, List<Segment> segments)
    {
        if (literal.Length > 0)
        {
            segments.Add(new Literal(literal.ToString()));
            literal.Clear();
        }
    }

    private static FormatException Malformed(string template, int position, string problem) =>
        new($"Malformed text at {position}: {problem}, in “{template}”.");

    private abstract record Segment;

    private sealed record Literal(string Text) : Segment;

    private sealed record NumberSign : Segment;

    private sealed record Slot(string Name, string? Format) : Segment;

    private sealed record Plural(string Name, Dictionary<string, Segment[]> Branches) : Segment;
}
