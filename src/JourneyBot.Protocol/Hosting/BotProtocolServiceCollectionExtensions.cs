using JourneyBot.Protocol.Authentication;
using JourneyBot.Protocol.Configuration;
using JourneyBot.Protocol.Connector;
using JourneyBot.Protocol.Diagnostics;
using JourneyBot.Protocol.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Polly;
using Polly.Retry;

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
        services.AddOptions<BotHostOptions>().BindConfiguration("BotHost")
            .Validate(o => o.ShutdownGrace >= TimeSpan.Zero, "BotHost:ShutdownGrace must not be negative.")
            .Validate(o => o.MaxQueuedPerConversation is >= 1 and <= 100_000, "BotHost:MaxQueuedPerConversation must be between 1 and 100000.")
            .ValidateOnStart();
        services.AddOptions<ConnectorRetryOptions>().BindConfiguration("ConnectorRetry");
        services.AddOptions<ConnectorOptions>().BindConfiguration("Connector")
            .Validate(o => o.AllowedServiceHosts.All(ServiceUrlPolicy.IsHostPattern),
                "Connector:AllowedServiceHosts lists host names (smba.trafficmanager.net) or *.domain patterns (*.botframework.com), without scheme or path.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, AnonymousUseValidator>();
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
        services.TryAddSingleton(sp => ServiceUrlPolicy.Create(sp.GetRequiredService<IOptions<ConnectorOptions>>().Value,
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value, sp.GetRequiredService<IHostEnvironment>()));
        // One pacer for all connector clients: the limits are per conversation, not per client.
        services.TryAddSingleton<ConversationSendPacer>();

        // The retries end within their budget; the client's own timeout is only a backstop behind it.
        var connector = services.AddHttpClient<ConnectorClient>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value.TotalBudget + TimeSpan.FromSeconds(30))
            // Outermost: a host off the list gets no token, no retry, no request.
            .AddHttpMessageHandler(sp => ActivatorUtilities.CreateInstance<ServiceUrlGuardHandler>(sp))
            .AddHttpMessageHandler(sp => sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsAuthenticationEnabled
                ? sp.GetRequiredService<ConnectorAuthenticationHandler>()
                : new PassThroughHandler())
            .AddHttpMessageHandler(sp => ActivatorUtilities.CreateInstance<ConnectorGiveUpHandler>(sp));
        connector.AddResilienceHandler("connector-retry", ConfigureRetry);
        connector.AddHttpMessageHandler(sp => new ConnectorMetricsHandler(sp.GetRequiredService<ProtocolMetrics>())); // each attempt
        // Innermost, so that a retry is paced like any other send.
        connector.AddHttpMessageHandler(sp => new PacingHandler(sp.GetRequiredService<ConversationSendPacer>(), sp.GetRequiredService<ProtocolMetrics>()));
    }

    // Teams throttles with 429 + Retry-After and has passing 412/502/503/504 faults; what is
    // retried, and when a POST is not, is ConnectorRetryRules'. The timeout outside the retries
    // ends the whole call, waits included, within the budget.
    private static void ConfigureRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var retry = context.ServiceProvider.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>();
        var metrics = context.ServiceProvider.GetRequiredService<ProtocolMetrics>();
        var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();
        pipeline.AddTimeout(retry.TotalBudget);
        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = retry.MaxRetries,
            Delay = retry.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(ConnectorRetryRules.ShouldRetry(
                args.Context.GetRequestMessage()?.Method, args.Outcome.Result?.StatusCode, args.Outcome.Exception)),
            DelayGenerator = args => ValueTask.FromResult(ConnectorRetryRules.RetryAfter(args.Outcome.Result, retry.MaxRetryAfter, clock.GetUtcNow())),
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
