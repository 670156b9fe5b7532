using JourneyBot.Testing;

namespace JourneyBot.AppPackage.Tests;

/// <summary>Values of the shape a deployment gives, and the repository's manifest/ folder.</summary>
internal static class Samples
{
    public const string BotAppId = "6b1f3c2a-8d4e-4f7a-9b2c-1d3e5f7a9b0c";
    public const string TeamsAppId = "0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d";
    public const string Domain = "journeybot-test.azurewebsites.net";
    public const string Version = "2.3.4";

    public static string ManifestFolder => Path.Combine(RepoPaths.Root, "manifest");

    /// <summary>The options every package needs, writing to <paramref name="zip"/>.</summary>
    public static string[] RequiredOptions(string zip) => ["--app-id", BotAppId, "--domain", Domain, "--output", zip];

    /// <summary>The manifest's translations, by language tag, as localizationInfo names them.</summary>
    public static IReadOnlyList<string> LanguageFiles { get; } = ["es-es.json", "ro-ro.json"];

    /// <summary>A copy of manifest/ to break on purpose.</summary>
    public static string CopyOfManifestFolder(TempFolder temp)
    {
        var copy = Directory.CreateDirectory(temp.PathOf("manifest-copy")).FullName;
        foreach (var name in new[] { "manifest.json", "color.png", "outline.png" }.Concat(LanguageFiles))
        {
            File.Copy(Path.Combine(ManifestFolder, name), Path.Combine(copy, name));
        }

        return copy;
    }
}
