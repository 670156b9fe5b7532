using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace JourneyBot.AppPackage;

/// <summary>Makes the Teams app package: manifest.json filled in, the icons checked, the language files it names, all zipped at the root.</summary>
internal static class PackageWriter
{
    /// <summary>Reads and checks the package's files for <paramref name="settings"/> without writing anything.</summary>
    public static PackageContent Prepare(PackageSettings settings)
    {
        var manifest = ManifestTemplate.Fill(Encoding.UTF8.GetString(Read(settings.ManifestFolder, PackageFiles.Manifest)), settings.Placeholders);
        CheckIconNames(manifest);

        var color = Read(settings.ManifestFolder, PackageFiles.ColorIcon);
        var outline = Read(settings.ManifestFolder, PackageFiles.OutlineIcon);
        var languages = ManifestLanguages.Read(manifest, settings.ManifestFolder);
        var problems = IconCheck.ColorProblems(color).Concat(IconCheck.OutlineProblems(outline)).ToList();
        return problems.Count == 0
            ? new PackageContent(manifest, color, outline, languages)
            : throw new PackageInputException(string.Join(" ", problems) + " Redraw the icons with the icons command (see manifest/README.md).");
    }

    /// <summary>Writes the package to <see cref="PackageSettings.OutputPath"/> and returns that path.</summary>
    public static string Write(PackageSettings settings)
    {
        var content = Prepare(settings);
        WriteZip(settings.OutputPath,
        [
            (PackageFiles.Manifest, Encoding.UTF8.GetBytes(content.Manifest)),
            (PackageFiles.ColorIcon, content.ColorIcon),
            (PackageFiles.OutlineIcon, content.OutlineIcon),
            .. content.Languages,
        ]);
        return settings.OutputPath;
    }

    // The zip is written next to its destination under a temporary name and moved into place, so
    // whoever uploads the path never finds half a package there, and an old package stays whole
    // until the new one is complete.
    private static void WriteZip(string path, IReadOnlyList<(string Name, byte[] Bytes)> entries)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        var moved = false;
        try
        {
            Directory.CreateDirectory(folder);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                foreach (var (name, bytes) in entries)
                {
                    using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                    entry.Write(bytes);
                }
            }

            File.Move(temporary, path, overwrite: true);
            moved = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackageInputException($"could not write {path}: {e.Message}", e);
        }
        finally
        {
            if (!moved && File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static byte[] Read(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new PackageInputException($"{path} is missing; the package is made from {PackageFiles.Manifest}, {PackageFiles.ColorIcon} and {PackageFiles.OutlineIcon} in one folder.");
    }

    // The zip holds the icons under these names, so the manifest must refer to them so.
    private static void CheckIconNames(string manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        string? Icon(string kind) =>
            document.RootElement.TryGetProperty("icons", out var icons) && icons.TryGetProperty(kind, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        if (Icon("color") != PackageFiles.ColorIcon || Icon("outline") != PackageFiles.OutlineIcon)
        {
            throw new PackageInputException(
                $"{PackageFiles.Manifest} must name its icons \"{PackageFiles.ColorIcon}\" (icons.color) and \"{PackageFiles.OutlineIcon}\" (icons.outline), the files the package holds.");
        }
    }
}
