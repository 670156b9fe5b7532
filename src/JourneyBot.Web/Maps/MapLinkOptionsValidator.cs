using JourneyBot.Conversation.Exports;
using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Maps;

/// <summary>
/// Refuses, at start-up, link settings that would leak or silently break links: a link is a bearer
/// credential, so outside Development it travels over https only (http on loopback, which never
/// leaves the machine, is allowed for local runs and tests), and every configured key must be usable.
/// </summary>
internal sealed class MapLinkOptionsValidator(IHostEnvironment environment) : IValidateOptions<MapLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, MapLinkOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.BaseUrl)
            && !(environment.IsDevelopment() ? IsHttpOrHttps(options.BaseUrl) : LoopbackOrHttps.IsAllowed(options.BaseUrl)))
        {
            failures.Add("MapLinks:BaseUrl must be an absolute https address such as https://journeybot.example.com (http is allowed in Development and on loopback only).");
        }

        if (options.SigningKeys.Count > MapLinkOptions.MaxSigningKeys)
        {
            failures.Add("MapLinks:SigningKeys holds at most two keys: the current one first, then the previous one while its links may still be open.");
        }

        if (options.Keys().Any(key => MapLinks.Parse(key) is null))
        {
            failures.Add("Every key in MapLinks:SigningKeys (or MapLinks:SigningKey) must be base64 of at least 32 bytes, e.g. from `head -c 32 /dev/urandom | base64`.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpOrHttps(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
