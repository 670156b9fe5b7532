using System.Text;
using System.Text.RegularExpressions;

namespace JourneyBot.Conversation.Flow;

/// <summary>Puts member text into bot messages, which Teams renders as markdown.</summary>
public static partial class Markdown
{
    /// <summary>
    /// <paramref name="text"/> with every markdown and HTML character escaped, so what a member typed
    /// shows as typed and cannot become a link, a mention, a heading or markup.
    /// </summary>
    /// <remarks>
    /// A bare web address (<c>https://…</c>, <c>www.…</c>) becomes inline code: renderers link
    /// such addresses by themselves (GitHub's and Teams' autolinks), whatever is escaped around
    /// them, but never inside code, and code shows the address exactly as typed.
    /// </remarks>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var last = 0;
        foreach (Match address in BareAddress().Matches(text))
        {
            EscapeInto(escaped, text.AsSpan(last, address.Index - last));
            escaped.Append('`').Append(address.Value).Append('`');
            last = address.Index + address.Length;
        }

        EscapeInto(escaped, text.AsSpan(last));
        return escaped.ToString();
    }

    // A scheme and "://", or "www.", up to white space or a character that would end inline code or a
    // table cell; trailing punctuation stays outside, as in "(see https://example.com)."
    [GeneratedRegex(@"(?:[A-Za-z][A-Za-z0-9+.\-]*://|(?<![A-Za-z0-9])www\.)[^\s`|<>""]*(?<![.,;:!?)'])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BareAddress();

    private static void EscapeInto(StringBuilder escaped, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\\' or '*' or '_' or '[' or ']' or '#' or '`' or '~' or '|':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }
    }
}
