using JourneyBot.Protocol.Configuration;
using JourneyBot.Protocol.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JourneyBot.Protocol.Authentication;

/// <summary>Registers inbound Bot Framework authentication on ASP.NET Core JwtBearer.</summary>
internal static class BotAuthenticationExtensions
{
    /// <summary>
    /// Adds the <see cref="BotAuthenticationDefaults.Scheme"/> JwtBearer scheme and the
    /// <see cref="BotAuthenticationDefaults.Policy"/> policy.
    /// </summary>
    /// <remarks>
    /// With an app id configured the policy requires a valid token. Without one (local development)
    /// a request without an Authorization header is let through, as the SDK does, but a request
    /// that carries one is still validated, and fails, since no audience can match.
    /// </remarks>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.AddHttpClient(BotHttpClients.OpenIdMetadata);
        services.AddSingleton<BotSigningKeys>();
        services.AddSingleton<TokenRejectionLog>();

        services.AddAuthentication(BotAuthenticationDefaults.Scheme)
            .AddJwtBearer(BotAuthenticationDefaults.Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(BotAuthenticationDefaults.Scheme)
            .Configure<BotSigningKeys, IOptions<BotFrameworkOptions>>((jwt, keys, bot) =>
            {
                jwt.MapInboundClaims = false;
                jwt.IncludeErrorDetails = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new BotTokenHandler(keys, bot.Value));
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadBearerStrictly,
                    OnAuthenticationFailed = LogFailure,
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(BotAuthenticationDefaults.Policy, policy => policy
                .AddAuthenticationSchemes(BotAuthenticationDefaults.Scheme)
                .AddRequirements(new BotCallerRequirement()));
        services.AddSingleton<IAuthorizationHandler, BotCallerRequirementHandler>();
        return services;
    }

    // The Bot Framework accepts exactly "Bearer <token>": scheme case-sensitive, two parts.
    // A token is read only on an endpoint behind the bot's policy (/api/messages): as the default
    // (and only) scheme JwtBearer would otherwise validate, and log, a token sent to any path.
    private static Task ReadBearerStrictly(MessageReceivedContext context)
    {
        if (!IsBotEndpoint(context.HttpContext))
        {
            context.NoResult();
            return Task.CompletedTask;
        }

        var header = context.Request.Headers[HeaderNames.Authorization];
        if (header.Count == 0 || string.IsNullOrEmpty(header[0]))
        {
            return Task.CompletedTask;
        }

        var parts = header.Count == 1 ? header[0]!.Split(' ') : [];
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0)
        {
            context.Fail("The Authorization header is not of the form 'Bearer <token>'.");
            return Task.CompletedTask;
        }

        context.Token = parts[1];
        return Task.CompletedTask;
    }

    private static bool IsBotEndpoint(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(a => a.Policy == BotAuthenticationDefaults.Policy) == true;

    private static Task LogFailure(AuthenticationFailedContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<TokenRejectionLog>()
            .Rejected(context.Exception.GetType().Name, context.Exception.Message);
        return Task.CompletedTask;
    }
}
