using JourneyBot.Protocol.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyBot.Protocol.Hosting;

/// <summary>Maps the bot's messaging endpoint.</summary>
public static class BotEndpointExtensions
{
    /// <summary>The path Azure Bot Service posts activities to, by convention.</summary>
    public const string DefaultPattern = "/api/messages";

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> behind the Bot Framework authorization policy.
    /// The endpoint only hands the request to the processor.
    /// </summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern) =>
        endpoints.MapPost(pattern, static (HttpContext http) =>
                http.RequestServices.GetRequiredService<BotRequestProcessor>().ProcessAsync(http))
            .RequireAuthorization(BotAuthenticationDefaults.Policy)
            .WithDisplayName("Bot Framework messages");
}
