using System.Text;
using System.Text.Json;

namespace JourneyBot.AppPackage;

/// <summary>
/// The manifest's translations: the files its <c>localizationInfo.additionalLanguages</c> name (es-es.json,
/// ro-ro.json), which Teams reads from the package's root beside manifest.json.
/// </summary>
internal static class ManifestLanguages
{
    /// <summary>Each file the filled-in <paramref name="manifest"/> names, read from <paramref name="folder"/> and checked to be JSON.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Read(string manifest, string folder)
    {
        var files = new List<(string, byte[])>();
        foreach (var name in FileNames(manifest))
        {
            // The package is flat: a name with a folder or "..", or one of the package's own files, would not be found there.
            if (name != Path.GetFileName(name) || name.Contains('\\', StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal)
                || name is PackageFiles.Manifest or PackageFiles.ColorIcon or PackageFiles.OutlineIcon || files.Any(f => f.Item1 == name))
            {
                throw new PackageInputException(
                    $"{PackageFiles.Manifest} names the language file '{name}'; a language file is one .json file of its own beside {PackageFiles.Manifest}, e.g. es-es.json.");
            }

            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new PackageInputException($"{path} is missing; {PackageFiles.Manifest} names it in localizationInfo.additionalLanguages.");
            }

            var bytes = File.ReadAllBytes(path);
            try
            {
                using var parsed = JsonDocument.Parse(bytes);
            }
            catch (JsonException e)
            {
                throw new PackageInputException($"{path} is not valid JSON: {e.Message}", e);
            }

            // A placeholder would reach Teams as literal text: the translations hold words, not deployment values.
            if (Encoding.UTF8.GetString(bytes).Contains("{{", StringComparison.Ordinal))
            {
                throw new PackageInputException($"{path} has a {{{{…}}}} placeholder; only {PackageFiles.Manifest} is filled in.");
            }

            files.Add((name, bytes));
        }

        return files;
    }

    private static IEnumerable<string> FileNames(string manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        if (!document.RootElement.TryGetProperty("localizationInfo", out var info)
            || !info.TryGetProperty("additionalLanguages", out var languages) || languages.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return
        [
            .. languages.EnumerateArray().Select(language =>
                language.ValueKind == JsonValueKind.Object && language.TryGetProperty("file", out var file) && file.ValueKind == JsonValueKind.String
                    ? file.GetString()!
                    : throw new PackageInputException($"{PackageFiles.Manifest}: each of localizationInfo.additionalLanguages names its \"file\".")),
        ];
    }
}
