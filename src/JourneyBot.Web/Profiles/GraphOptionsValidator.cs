using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Profiles;

/// <summary>Refuses, at start-up, Graph settings that cannot work, and names the setting to change.</summary>
internal sealed class GraphOptionsValidator(IOptions<BotFrameworkOptions> bot) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        var failures = new List<string>();

        // The bot's token goes there: https only, but on loopback, where tests serve a fake Graph.
        if (!LoopbackOrHttps.IsAllowed(options.BaseUrl))
        {
            failures.Add("Graph:BaseUrl must be an absolute https address such as https://graph.microsoft.com/v1.0/ (http is allowed on loopback only).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromSeconds(30))
        {
            failures.Add("Graph:Timeout must be between 00:00:00 (exclusive) and 00:00:30: a member's turn waits for it.");
        }

        if (options.Enabled && !bot.Value.IsAuthenticationEnabled)
        {
            failures.Add("Graph:Enabled needs MicrosoftAppId: the bot reads profiles with its own app's token. Set Graph:Enabled to false to run without an app id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
