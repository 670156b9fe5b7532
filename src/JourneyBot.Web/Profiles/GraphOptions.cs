namespace JourneyBot.Web.Profiles;

/// <summary>
/// Reading members' departments from their Microsoft Graph profiles (section <c>Graph</c>). Off
/// by default; on, the bot's app needs the application permission <c>User.Read.All</c> with an
/// admin's consent, and an app id (<c>MicrosoftAppId</c>) to get its token as.
/// </summary>
public sealed class GraphOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Graph";

    /// <summary>Whether to read a member's department from their profile before asking them for it.</summary>
    public bool Enabled { get; set; }

    /// <summary>The Graph API root, ending in the version (<c>https://graph.microsoft.com/v1.0/</c>); https, or http on loopback for tests.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    /// <summary>
    /// How long the bot waits for a profile, token included: the member's turn waits meanwhile.
    /// No answer in time counts as unknown, and the member is asked.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary><see cref="BaseUrl"/> as the base of relative requests (<c>users/…</c>).</summary>
    internal Uri BaseAddress => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");
}
