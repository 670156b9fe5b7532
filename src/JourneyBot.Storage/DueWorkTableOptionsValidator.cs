using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace JourneyBot.Storage;

/// <summary>Refuses, at start-up, schedule storage settings that cannot work, and names the setting to change.</summary>
internal sealed partial class DueWorkTableOptionsValidator(IOptions<TableStorageOptions> storage) : IValidateOptions<DueWorkTableOptions>
{
    public ValidateOptionsResult Validate(string? name, DueWorkTableOptions options)
    {
        var failures = new List<string>();
        if (!TableName().IsMatch(options.TableName ?? string.Empty))
        {
            failures.Add("Schedule:TableName must be 3 to 63 letters and digits, starting with a letter (empty: Storage:TableName followed by 'due', which must fit too).");
        }
        else if (string.Equals(options.TableName, storage.Value.TableName, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Schedule:TableName must differ from Storage:TableName: due work has a table of its own.");
        }

        if (options.LookBack <= TimeSpan.Zero || options.LookBack > TimeSpan.FromDays(60))
        {
            failures.Add("Schedule:LookBack must be between 00:00:00 (exclusive) and 60.00:00:00.");
        }

        if (options.RescanInterval <= TimeSpan.Zero)
        {
            failures.Add("Schedule:RescanInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
