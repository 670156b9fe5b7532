using System.Text;

namespace JourneyBot.Conversation.Flow;

/// <summary>Puts member text into bot messages, which Teams renders as markdown.</summary>
public static class Markdown
{
    /// <summary>
    /// <paramref name="text"/> with every markdown and HTML character escaped, so what a member typed
    /// shows as typed and cannot become a link, a mention, a heading or markup.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
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

        return escaped.ToString();
    }
}
