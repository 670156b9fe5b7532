using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace JourneyBot.AppPackage.Tests;

/// <summary>What a package zip holds, entry by entry.</summary>
internal sealed class ZipContents
{
    private readonly Dictionary<string, byte[]> _entries = new(StringComparer.Ordinal);

    public ZipContents(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            _entries.Add(entry.FullName, copy.ToArray());
        }
    }

    /// <summary>The entries' full names, as stored (a folder would show as a prefix).</summary>
    public IReadOnlyCollection<string> Names => _entries.Keys;

    public byte[] this[string name] => _entries[name];

    public string ManifestText => Encoding.UTF8.GetString(_entries["manifest.json"]);

    public JsonNode Manifest => JsonNode.Parse(ManifestText)!;
}
