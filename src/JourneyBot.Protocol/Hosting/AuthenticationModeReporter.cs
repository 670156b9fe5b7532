using JourneyBot.Protocol.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Hosting;

/// <summary>Says loudly at start-up when the bot runs without authentication.</summary>
internal sealed class AuthenticationModeReporter(IOptions<BotFrameworkOptions> options, ILogger<AuthenticationModeReporter> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsAuthenticationEnabled)
        {
            ProtocolLog.AuthenticationDisabled(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
