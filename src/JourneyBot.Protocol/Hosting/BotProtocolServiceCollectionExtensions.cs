using System.Net;
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
    // Retries of one call for faults other than throttling, against ConnectorRetry:MaxRetries.
    private static readonly ResiliencePropertyKey<int> FaultRetries = new("JourneyBot.FaultRetries");

    /// <summary>
    /// Adds everything <see cref="BotEndpointExtensions.MapBotMessages"/> needs. The bot's logic is
    /// an <see cref="Turns.ITurnHandler"/> the caller registers.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services)
    {
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();
        services.AddOptions<BotHostOptions>().BindConfiguration("BotHost")
            .Validate(o => o.MaxQueuedPerConversation is >= 1 and <= 100_000, "BotHost:MaxQueuedPerConversation must be between 1 and 100000.")
            .ValidateOnStart();
        services.AddOptions<ConnectorRetryOptions>().BindConfiguration("ConnectorRetry")
            .Validate(o => o.ThrottleBudget > TimeSpan.Zero && o.ThrottleBudget >= o.MaxRetryAfter,
                "ConnectorRetry:ThrottleBudget must be positive and at least ConnectorRetry:MaxRetryAfter, so that one whole Retry-After fits in it.")
            .ValidateOnStart();
        services.AddOptions<ConnectorOptions>().BindConfiguration("Connector")
            .Validate(o => o.AllowedServiceHosts.All(ServiceUrlPolicy.IsHostPattern),
                "Connector:AllowedServiceHosts lists host names (smba.trafficmanager.net) or *.domain patterns (*.botframework.com), without scheme or path.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, AnonymousUseValidator>();
        services.AddSingleton<IValidateOptions<BotHostOptions>, ShutdownGraceValidator>();
        services.AddOptions<SendPacingOptions>().BindConfiguration("ConnectorPacing")
            .Validate(o => o.Instances is >= 1 and <= 30, "ConnectorPacing:Instances (the bot's instance count) must be between 1 and 30.")
            .ValidateOnStart();

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

        // The retries end within their budget (the throttle budget, for a throttled call); the
        // client's own timeout is only a backstop behind the longer of the two.
        var connector = services.AddHttpClient<ConnectorClient>((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value.LongestCall + TimeSpan.FromSeconds(30))
            // Outermost: a host off the list gets no token, no retry, no request.
            .AddHttpMessageHandler(sp => ActivatorUtilities.CreateInstance<ServiceUrlGuardHandler>(sp))
            .AddHttpMessageHandler(sp => sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsAuthenticationEnabled
                ? sp.GetRequiredService<ConnectorAuthenticationHandler>()
                : new PassThroughHandler())
            .AddHttpMessageHandler(sp => ActivatorUtilities.CreateInstance<ConnectorGiveUpHandler>(sp));
        connector.AddResilienceHandler("connector-retry", ConfigureRetry);
        connector.AddHttpMessageHandler(sp => new ConnectorMetricsHandler(sp.GetRequiredService<ProtocolMetrics>())); // each attempt
        // Innermost, so that a retry is paced like any other send.
        connector.AddHttpMessageHandler(sp => new PacingHandler(sp.GetRequiredService<ConversationSendPacer>(), sp.GetRequiredService<ProtocolMetrics>(),
            sp.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value.MaxRetryAfter, sp.GetRequiredService<TimeProvider>()));
    }

    // Teams throttles with 429 + Retry-After and has passing 412/502/503/504 faults; what is
    // retried, and when a POST is not, is ConnectorRetryRules'. A passing fault is retried
    // MaxRetries times; a 429 as long as the throttle lasts, each after its Retry-After. The call's
    // budget outside the retries (ConnectorGiveUpHandler) ends the whole call, waits included.
    private static void ConfigureRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var retry = context.ServiceProvider.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>();
        var metrics = context.ServiceProvider.GetRequiredService<ProtocolMetrics>();
        var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();
        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = int.MaxValue, // counted below, throttling apart; the budget ends the call
            Delay = retry.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(ConnectorRetryRules.ShouldRetry(
                    args.Context.GetRequestMessage()?.Method, args.Outcome.Result?.StatusCode, args.Outcome.Exception)
                && (IsThrottled(args.Outcome) || args.Context.Properties.GetValue(FaultRetries, 0) < retry.MaxRetries)),
            DelayGenerator = args => ValueTask.FromResult(ConnectorRetryRules.RetryAfter(args.Outcome.Result, retry.MaxRetryAfter, clock.GetUtcNow())),
            OnRetry = args =>
            {
                if (IsThrottled(args.Outcome))
                {
                    ConnectorCallBudget.Of(args.Context.GetRequestMessage())?.Throttled();
                }
                else
                {
                    args.Context.Properties.Set(FaultRetries, args.Context.Properties.GetValue(FaultRetries, 0) + 1);
                }

                ProtocolLog.ConnectorRetry(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                metrics.RetryScheduled((int?)args.Outcome.Result?.StatusCode, args.RetryDelay, args.Outcome.Result?.Headers.RetryAfter is not null);
                return ValueTask.CompletedTask;
            },
        });
    }

    private static bool IsThrottled(Outcome<HttpResponseMessage> outcome) => outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;

    private sealed class PassThroughHandler : DelegatingHandler;
}
