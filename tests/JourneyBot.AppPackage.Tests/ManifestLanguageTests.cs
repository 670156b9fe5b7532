using System.Text.Json.Nodes;
using System.Xml.Linq;
using JourneyBot.Testing;

namespace JourneyBot.AppPackage.Tests;

/// <summary>
/// The manifest in Spanish and Romanian: localizationInfo names es-es.json and ro-ro.json, the package
/// holds them, each is valid against the Teams v1.22 localization schema (offline, like the manifest)
/// and translates the name, the descriptions and every command of the command lists.
/// </summary>
public sealed class ManifestLanguageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Files => new(Samples.LanguageFiles);

    [Fact]
    public void The_manifest_is_in_English_and_names_a_Spanish_and_a_Romanian_file()
    {
        var info = Package().Manifest["localizationInfo"]!;

        Assert.Equal("en-us", (string?)info["defaultLanguageTag"]);
        Assert.Equal([("es-es", "es-es.json"), ("ro-ro", "ro-ro.json")],
            info["additionalLanguages"]!.AsArray().Select(l => ((string?)l!["languageTag"], (string?)l["file"])));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_packaged_language_file_is_valid_against_the_v1_22_localization_schema(string file)
    {
        var translation = Translation(Package(), file);

        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.Localization.schema.json", (string?)translation["$schema"]);
        Assert.Empty(await ManifestValidator.ErrorsAsync(translation, _temp));
    }

    [Fact]
    public async Task The_validator_reports_a_translated_short_name_over_30_characters_and_a_key_the_schema_does_not_know()
    {
        var translation = Translation(Package(), "es-es.json");
        translation["name.short"] = new string('J', 40);
        translation["bots[0].commandLists[5].commands[0].title"] = "empezar";

        var errors = await ManifestValidator.ErrorsAsync(translation, _temp);

        Assert.Contains(errors, e => e.Contains("name.short", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("additional", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_language_file_translates_the_name_the_descriptions_and_every_command_of_the_manifest(string file)
    {
        var package = Package();
        var manifest = package.Manifest;
        var translation = Translation(package, file);
        var commands = manifest["bots"]![0]!["commandLists"]!.AsArray()
            .SelectMany((list, l) => list!["commands"]!.AsArray().Select((_, c) => $"bots[0].commandLists[{l}].commands[{c}]"))
            .ToList();

        Assert.Equal(
            new[] { "$schema", "name.short", "name.full", "description.short", "description.full" }
                .Concat(commands.SelectMany(c => new[] { c + ".title", c + ".description" })).Order(StringComparer.Ordinal),
            translation.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var key in new[] { "name.full", "description.short", "description.full" })
        {
            Assert.NotEqual(English(manifest, key), (string?)translation[key]);
        }

        Assert.All(commands, c =>
        {
            var title = (string)translation[c + ".title"]!;
            Assert.Matches(@"^\p{Ll}+$", title);
            Assert.InRange(((string)translation[c + ".description"]!).Length, 10, 128);
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_translated_command_title_is_a_word_of_that_command_in_the_language_where_its_words_are_known(string file)
    {
        // Teams types the title into the compose box: the bot must read it as that command. The words of each
        // language are the translators' CommandWords… texts (Strings.es.resx, Strings.ro.resx); the English
        // words always work, so a language whose file has not landed yet is held to its English words' count.
        var package = Package();
        var manifest = package.Manifest;
        var translation = Translation(package, file);
        var strings = Path.Combine(RepoPaths.Root, "src", "JourneyBot.Conversation", "Resources", $"Strings.{file[..2]}.resx");
        var words = File.Exists(strings)
            ? XDocument.Load(strings).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!)
            : [];

        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            var english = lists[l]!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
            var titles = english.Select((_, c) => (string)translation[$"bots[0].commandLists[{l}].commands[{c}].title"]!).ToList();
            Assert.Equal(english.Count, titles.Distinct(StringComparer.Ordinal).Count());
            for (var c = 0; c < english.Count; c++)
            {
                var key = "CommandWords" + char.ToUpperInvariant(english[c][0]) + english[c][1..];
                if (words.TryGetValue(key, out var known))
                {
                    Assert.Contains(titles[c], known.Split('|'));
                }
            }
        }
    }

    [Fact]
    public void A_language_file_the_manifest_names_but_the_folder_lacks_stops_the_package()
    {
        var folder = Samples.CopyOfManifestFolder(_temp);
        File.Delete(Path.Combine(folder, "ro-ro.json"));
        var zip = _temp.PathOf("journeybot.zip");

        var result = Packager.Run(["package", .. Samples.RequiredOptions(zip), "--manifest-dir", folder]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{Path.Combine(folder, "ro-ro.json")} is missing; manifest.json names it in localizationInfo.additionalLanguages.", result.Error.TrimEnd('\n'));
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void A_language_file_outside_the_package_root_is_refused()
    {
        var folder = Samples.CopyOfManifestFolder(_temp);
        var manifest = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"file\": \"ro-ro.json\"", "\"file\": \"../ro-ro.json\"", StringComparison.Ordinal));
        var zip = _temp.PathOf("journeybot.zip");

        var result = Packager.Run(["package", .. Samples.RequiredOptions(zip), "--manifest-dir", folder]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("manifest.json names the language file '../ro-ro.json'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    private ZipContents Package()
    {
        var zip = _temp.PathOf($"journeybot-{Guid.NewGuid():N}.zip");
        Packager.Package(zip);
        return new ZipContents(zip);
    }

    private static JsonNode Translation(ZipContents package, string file) => JsonNode.Parse(package[file])!;

    private static string? English(JsonNode manifest, string key) => (string?)manifest[key.Split('.')[0]]![key.Split('.')[1]];
}
