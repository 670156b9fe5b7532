using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Scheduling;

/// <summary>Refuses, at start-up, schedule settings that cannot work, and names the setting to change.</summary>
internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromHours(1))
        {
            failures.Add("Schedule:PollInterval must be between 00:00:00 (exclusive) and 01:00:00.");
        }

        if (options.Lease < TimeSpan.FromSeconds(1))
        {
            failures.Add("Schedule:Lease must be at least 00:00:01, and longer than any due work takes.");
        }

        if (options.MaxPerPoll is < 1 or > 100)
        {
            failures.Add("Schedule:MaxPerPoll must be between 1 and 100.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add("Schedule:MaxAttempts must be between 1 and 100.");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add("Schedule:RetryDelay must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
