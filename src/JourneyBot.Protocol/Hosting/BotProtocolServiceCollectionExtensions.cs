using JourneyBot.Protocol.Authentication;
using JourneyBot.Protocol.Configuration;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;

namespace JourneyBot.Protocol.Hosting;

/// <summary>Registers the Bot Framework protocol: options, inbound auth, connector, request processing.</summary>
public static class BotProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything <see cref="BotEndpointExtensions.MapBotMessages"/> needs. The bot's logic is
    /// an <see cref="Turns.ITurnHandler"/> the caller registers.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddOptions<BotHostOptions>().BindConfiguration("BotHost");
        services.AddOptions<ConnectorRetryOptions>().BindConfiguration("ConnectorRetry");
        services.AddOptions<SendPacingOptions>().BindConfiguration("ConnectorPacing");

        services.AddMetrics();
        services.TryAddSingleton<ProtocolMetrics>();
        services.AddBotAuthentication();
        services.AddConnector();
        // The pacer and the outbox time their waits on the host's one clock, which tests replace.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotRequestProcessor>();
        services.AddSingleton<ServedChannels>();
        services.AddSingleton<ConversationOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationOutbox>());
        services.AddSingleton<ProactiveSends>();
        services.AddHostedService<AuthenticationModeReporter>();
        return services;
    }

    private static void AddConnector(this IServiceCollection services)
    {
        services.AddHttpClient(BotHttpClients.Msal);
        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.AddSingleton<IAppTokenProvider>(sp =>
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.AppType == BotAppType.UserAssignedMsi
                ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(sp)
                : ActivatorUtilities.CreateInstance<ClientCredentialsTokenProvider>(sp));
        services.AddTransient<ConnectorAuthenticationHandler>();
        // One pacer for all connector clients: the limits are per conversation, not per client.
        services.TryAddSingleton<ConversationSendPacer>();

        var connector = services.AddHttpClient<ConnectorClient>()
            .AddHttpMessageHandler(sp => sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsAuthenticationEnabled
                ? sp.GetRequiredService<ConnectorAuthenticationHandler>()
                : new PassThroughHandler());
        connector.AddResilienceHandler("connector-retry", ConfigureRetry);
        connector.AddHttpMessageHandler(sp => new ConnectorMetricsHandler(sp.GetRequiredService<ProtocolMetrics>())); // each attempt
        // Innermost, so that a retry is paced like any other send.
        connector.AddHttpMessageHandler(sp => new PacingHandler(sp.GetRequiredService<ConversationSendPacer>(), sp.GetRequiredService<ProtocolMetrics>()));
    }

    // Teams throttles with 429 + Retry-After and has passing 412/502/503/504 faults; nothing else is retried.
    private static void ConfigureRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var retry = context.ServiceProvider.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>();
        var metrics = context.ServiceProvider.GetRequiredService<ProtocolMetrics>();
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = retry.MaxRetries,
            Delay = retry.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is HttpRequestException
                || (int?)args.Outcome.Result?.StatusCode is 429 or 412 or 502 or 503 or 504),
            OnRetry = args =>
            {
                ProtocolLog.ConnectorRetry(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                metrics.RetryScheduled((int?)args.Outcome.Result?.StatusCode, args.RetryDelay, args.Outcome.Result?.Headers.RetryAfter is not null);
                return ValueTask.CompletedTask;
            },
        });
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
