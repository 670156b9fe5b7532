namespace JourneyBot.AppPackage;

/// <summary>
/// What the user passed cannot be used; the message says which option and what it takes, in one
/// line, and the command ends with exit code 2 before anything is written.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
