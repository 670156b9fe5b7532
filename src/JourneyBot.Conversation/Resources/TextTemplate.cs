using System.Globalization;
using System.Runtime.CompilerServices;

namespace JourneyBot.Conversation.Resources;

/// <summary>
/// Fills the named placeholders of a text from <see cref="Strings"/>:
/// <c>Strings.StageHasItems.Fill(("stage", name), ("count", items))</c>.
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
internal static partial class TextTemplate
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
}
