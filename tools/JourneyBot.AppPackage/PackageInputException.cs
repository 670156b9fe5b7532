namespace JourneyBot.AppPackage;

/// <summary>
/// A file the package is made from (manifest.json, an icon) is missing or broken, or the package
/// could not be written: not the user's options, so the command ends with exit code 1.
/// </summary>
internal sealed class PackageInputException(string message, Exception? inner = null) : Exception(message, inner);
