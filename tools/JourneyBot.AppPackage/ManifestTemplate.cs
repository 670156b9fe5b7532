using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JourneyBot.AppPackage;

/// <summary>
/// manifest/manifest.json with <c>{{NAME}}</c> placeholders in its strings, filled in as text so
/// the package's manifest reads exactly like the template.
/// </summary>
internal static partial class ManifestTemplate
{
    /// <summary>The template with every placeholder replaced; a placeholder nobody fills is a usage error.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var filled = Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups["name"].Value, out var value) ? InJsonString(value) : match.Value);

        // Anything between double braces that is still there would reach Teams as literal text.
        if (LeftOver().Match(filled) is { Success: true } left)
        {
            throw new UsageException($"{PackageFiles.Manifest} still has {left.Value} after filling in; the packager fills " +
                $"{string.Join(", ", values.Keys.Select(k => "{{" + k + "}}"))}.");
        }

        try
        {
            using var parsed = JsonDocument.Parse(filled);
        }
        catch (JsonException e)
        {
            throw new PackageInputException($"{PackageFiles.Manifest} is not valid JSON once filled in: {e.Message}", e);
        }

        return filled;
    }

    /// <summary>The names of the placeholders in <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> PlaceholdersIn(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    // The values are checked before they get here, but a URL may still hold a quote or a backslash.
    private static string InJsonString(string value) =>
        JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    [GeneratedRegex(@"\{\{(?<name>[A-Z0-9_]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{[^{}]{0,60}(\}\})?", RegexOptions.CultureInvariant)]
    private static partial Regex LeftOver();
}
