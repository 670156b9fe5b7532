using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Trackers;

/// <summary>Refuses, at start-up, Planner settings that cannot work, and names the setting to change.</summary>
internal sealed class PlannerOptionsValidator(IOptions<BotFrameworkOptions> bot) : IValidateOptions<PlannerOptions>
{
    public ValidateOptionsResult Validate(string? name, PlannerOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromSeconds(9))
        {
            failures.Add("Planner:Timeout must be between 00:00:00 (exclusive) and 00:00:09: a member's turn waits for it, and a turn has 10 seconds.");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter >= options.Timeout)
        {
            failures.Add("Planner:MaxRetryAfter must be at least 00:00:00 and shorter than Planner:Timeout.");
        }

        if (options.ReadBackInterval < TimeSpan.Zero || options.ReadBackInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Planner:ReadBackInterval must be between 00:00:00 and 01:00:00: the hourly pass reads the tasks back anyway.");
        }

        if (options.Enabled && !bot.Value.IsAuthenticationEnabled)
        {
            failures.Add("Planner:Enabled needs MicrosoftAppId: the bot calls Planner with its own app's token. Set Planner:Enabled to false to run without an app id.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
