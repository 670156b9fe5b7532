namespace JourneyBot.Protocol.Authentication;

/// <summary>Which issuer family a token comes from; each has its own signing keys.</summary>
internal enum TokenSource
{
    /// <summary>Azure Bot Service channels (<c>https://api.botframework.com</c>).</summary>
    Channel,

    /// <summary>Entra ID: the Emulator, skills, and Entra-issued service tokens.</summary>
    Entra,
}
