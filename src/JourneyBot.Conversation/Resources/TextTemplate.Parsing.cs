using System.Text;

namespace JourneyBot.Conversation.Resources;

// Reading a text into literals, placeholders and plural forms; each text is read once (see Fill).
internal static partial class TextTemplate
{
    private static Segment[] Parse(string template)
    {
        var position = 0;
        return ParseUntil(template, ref position, inBranch: false);
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
