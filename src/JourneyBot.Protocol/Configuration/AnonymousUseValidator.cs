using JourneyBot.Protocol.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Configuration;

/// <summary>
/// Refuses to start without an app id outside Development unless <c>BotHost:AllowAnonymous</c>
/// says so: a bot without authentication serves anyone who can reach it. Such a bot then answers
/// only connectors on this machine (see <see cref="Connector.ServiceUrlPolicy"/>).
/// </summary>
internal sealed class AnonymousUseValidator(IHostEnvironment environment, IOptions<BotHostOptions> host) : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options) =>
        options.IsAuthenticationEnabled || environment.IsDevelopment() || host.Value.AllowAnonymous
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"MicrosoftAppId is empty, so the bot would accept requests from anyone, and the environment is {environment.EnvironmentName}, not Development. " +
                "Set MicrosoftAppId (with MicrosoftAppType and its secret or managed identity), or set BotHost:AllowAnonymous=true " +
                "to run without authentication on purpose (it then answers connectors on this machine only).");
}
