namespace JourneyBot.AppPackage;

/// <summary>The files of the package, filled in and checked: the manifest, its two icons and its translations.</summary>
internal sealed record PackageContent(string Manifest, byte[] ColorIcon, byte[] OutlineIcon, IReadOnlyList<(string Name, byte[] Bytes)> Languages);
