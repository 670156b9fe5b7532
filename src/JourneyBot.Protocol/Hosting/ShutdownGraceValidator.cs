using JourneyBot.Protocol.Sending;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Hosting;

/// <summary>
/// Checks <see cref="BotHostOptions.ShutdownGrace"/>: not negative, and ending at least a second
/// before the host's own shutdown timeout (<see cref="HostOptions.ShutdownTimeout"/>, 30 s by
/// default). The outbox gives pending sends up at the grace and then lets them wind down for up
/// to a second; a grace as long as the host's timeout would have the host give up first, and the
/// platform kill the process, with nothing logged of what was lost.
/// </summary>
internal sealed class ShutdownGraceValidator(IOptions<HostOptions> host) : IValidateOptions<BotHostOptions>
{
    public ValidateOptionsResult Validate(string? name, BotHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeout = host.Value.ShutdownTimeout;
        if (options.ShutdownGrace < TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("BotHost:ShutdownGrace must not be negative.");
        }

        return options.ShutdownGrace + ConversationOutbox.WindDown < timeout
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"BotHost:ShutdownGrace ({options.ShutdownGrace}) must end at least {ConversationOutbox.WindDown.TotalSeconds:0} s before the host's shutdown timeout ({timeout}), " +
                "so that sends given up at shutdown are counted before the host stops.");
    }
}
