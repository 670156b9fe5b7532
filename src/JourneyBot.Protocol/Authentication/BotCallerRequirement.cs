using JourneyBot.Protocol.Configuration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JourneyBot.Protocol.Authentication;

/// <summary>The caller of <c>/api/messages</c> is a validated Bot Framework channel, or auth is off.</summary>
internal sealed class BotCallerRequirement : IAuthorizationRequirement;

/// <summary>Decides <see cref="BotCallerRequirement"/>.</summary>
internal sealed class BotCallerRequirementHandler(IOptions<BotFrameworkOptions> options)
    : AuthorizationHandler<BotCallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, BotCallerRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Succeed(requirement);
        }
        else if (!options.Value.IsAuthenticationEnabled
            && context.Resource is HttpContext http
            && !http.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            // Authentication off (no app id) and no token offered: anonymous, as the SDK allows.
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
