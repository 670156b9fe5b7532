using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace JourneyBot.Storage;

/// <summary>Refuses, at start-up, storage settings that cannot work, and names the setting to change.</summary>
internal sealed partial class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasUri = options.TableServiceUri is not null;
        if (hasConnectionString == hasUri)
        {
            failures.Add(hasUri
                ? "Both ConnectionStrings:Tables and Storage:TableServiceUri are set: keep one (the connection string for Azurite, the endpoint with a managed identity in Azure)."
                : "Table storage is not configured: set ConnectionStrings:Tables (UseDevelopmentStorage=true for Azurite) or Storage:TableServiceUri (with a managed identity).");
        }

        if (options.TableServiceUri is { } uri && !(uri.IsAbsoluteUri && uri.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add("Storage:TableServiceUri must be an absolute https address, e.g. https://account.table.core.windows.net.");
        }

        if (!TableName().IsMatch(options.TableName ?? string.Empty))
        {
            failures.Add("Storage:TableName must be 3 to 63 letters and digits, starting with a letter.");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add("Storage:NetworkTimeout must be positive.");
        }

        if (options.MaxRetries is < 0 or > 5)
        {
            failures.Add("Storage:MaxRetries must be from 0 to 5.");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add("Storage:RetryDelay must not be negative.");
        }

        if (options.CacheLifetime < TimeSpan.Zero || options.CacheLifetime > TimeSpan.FromMinutes(5))
        {
            failures.Add("Storage:CacheLifetime must be between 00:00:00 (off) and 00:05:00.");
        }

        if (options.CacheCapacity < 1)
        {
            failures.Add("Storage:CacheCapacity must be at least 1.");
        }

        if (options.CacheMaxBytes < 1024 * 1024)
        {
            failures.Add("Storage:CacheMaxBytes must be at least 1048576 (1 MB).");
        }

        if (options.RetainDays is < 1 or > 36_500)
        {
            failures.Add("Storage:RetainDays must be a number of days from 1 to 36500, or left out (keep maps until they are deleted).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
