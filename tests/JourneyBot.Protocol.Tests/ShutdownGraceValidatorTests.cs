using JourneyBot.Protocol.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyBot.Protocol.Tests;

/// <summary>
/// <c>BotHost:ShutdownGrace</c> must end before the host's own shutdown timeout, with room for the
/// given-up sends to wind down: otherwise the host gives up first and the count is never logged.
/// </summary>
public sealed class ShutdownGraceValidatorTests
{
    [Theory]
    [InlineData(5, 30, true)]
    [InlineData(0, 30, true)]
    [InlineData(28, 30, true)]
    [InlineData(29, 30, false)]
    [InlineData(30, 30, false)]
    [InlineData(-1, 30, false)]
    public void The_grace_must_leave_a_second_of_the_hosts_shutdown_timeout(int graceSeconds, int timeoutSeconds, bool valid)
    {
        var validator = new ShutdownGraceValidator(Options.Create(new HostOptions { ShutdownTimeout = TimeSpan.FromSeconds(timeoutSeconds) }));

        var result = validator.Validate(null, new BotHostOptions { ShutdownGrace = TimeSpan.FromSeconds(graceSeconds) });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("BotHost:ShutdownGrace", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
