using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Configuration;

/// <summary>
/// Refuses, at start-up, a combination of settings the bot cannot work with, and says which
/// setting to change. A bot that starts with a bad identity fails later, per request, far from the cause.
/// </summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var failures = new List<string>();
        if (!BotFrameworkOptions.TryParseAppType(options.MicrosoftAppType, out var type))
        {
            failures.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (!hasId)
        {
            if (hasPassword || hasTenant || !string.IsNullOrWhiteSpace(options.MicrosoftAppType))
            {
                failures.Add("MicrosoftAppId is empty, but MicrosoftAppType, MicrosoftAppPassword or MicrosoftAppTenantId is set. " +
                    "Set MicrosoftAppId to the bot's app id, or clear them all to run without authentication (local development only).");
            }
        }
        else
        {
            if (!Guid.TryParse(options.MicrosoftAppId, out _))
            {
                failures.Add("MicrosoftAppId must be the bot's Entra application (client) id, a GUID.");
            }

            switch (type)
            {
                case BotAppType.MultiTenant when !hasPassword:
                    failures.Add("MicrosoftAppType MultiTenant needs MicrosoftAppPassword (the app's client secret).");
                    break;
                case BotAppType.SingleTenant when !hasPassword || !hasTenant:
                    failures.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword and MicrosoftAppTenantId.");
                    break;
                case BotAppType.UserAssignedMsi when hasPassword:
                    failures.Add("MicrosoftAppType UserAssignedMSI uses the managed identity: MicrosoftAppPassword must be empty.");
                    break;
                case BotAppType.UserAssignedMsi when !hasTenant:
                    failures.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.");
                    break;
                default:
                    break;
            }
        }

        CheckUrl(options.ToBotFromChannelOpenIdMetadataUrl, nameof(options.ToBotFromChannelOpenIdMetadataUrl), failures);
        CheckUrl(options.ToBotFromEmulatorOpenIdMetadataUrl, nameof(options.ToBotFromEmulatorOpenIdMetadataUrl), failures);
        // The login URL feeds MSAL's client credentials (MultiTenant, SingleTenant); the managed identity does not use it.
        if (!string.IsNullOrWhiteSpace(options.ToChannelFromBotLoginUrl) && !MsalAuthority.IsAccepted(options.ToChannelFromBotLoginUrl))
        {
            failures.Add($"{nameof(options.ToChannelFromBotLoginUrl)} must be an https authority with the tenant as its path, e.g. https://login.microsoftonline.com/botframework.com (MSAL refuses http, even on loopback).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Metadata and token endpoints must be HTTPS; plain HTTP is accepted on loopback only, for tests.
    private static void CheckUrl(string? value, string setting, List<string> failures)
    {
        if (!LoopbackOrHttps.IsAllowed(value))
        {
            failures.Add($"{setting} must be an absolute https address (http is allowed on loopback only).");
        }
    }
}
