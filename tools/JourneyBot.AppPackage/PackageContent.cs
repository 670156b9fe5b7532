namespace JourneyBot.AppPackage;

/// <summary>The three files of the package, filled in and checked.</summary>
internal sealed record PackageContent(string Manifest, byte[] ColorIcon, byte[] OutlineIcon);
