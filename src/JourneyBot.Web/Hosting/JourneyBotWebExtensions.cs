using JourneyBot.Conversation;
using JourneyBot.Conversation.Flow;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Turns;
using JourneyBot.Storage;
using JourneyBot.Web.Bot;
using JourneyBot.Web.Maps;
using JourneyBot.Web.Sending;
using JourneyBot.Web.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JourneyBot.Web.Hosting;

/// <summary>The web host's composition root: what <c>Program.cs</c> registers and maps, in one place.</summary>
internal static class JourneyBotWebExtensions
{
    /// <summary>
    /// Registers the bot: the protocol, the map store, the conversation, the coalescing of outgoing
    /// messages and the turn handler that joins them, with their options bound to configuration.
    /// </summary>
    public static IServiceCollection AddJourneyBotWeb(this IServiceCollection services)
    {
        // The host's one clock, for everything that reads or waits on time; tests replace it per host.
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotProtocol();
        services.Configure<BotHostOptions>(options => options.Apology = () => Texts.Apology);
        services.AddTableMapStore();
        services.AddJourneyConversation();
        AddSending(services);
        services.AddSingleton<ITurnHandler, JourneyTurnHandler>();
        services.AddHealthChecks();
        return services;
    }

    /// <summary>Maps the messaging endpoint behind Bot Framework authentication, the map pages and the health check.</summary>
    public static WebApplication MapJourneyBotWeb(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz");
        app.MapBotMessages();
        app.MapMapPages();
        return app;
    }

    // What many members cause at once is merged before it reaches the outbox (the layers: IConversationSender).
    private static void AddSending(IServiceCollection services)
    {
        services.AddOptions<ProgressCardOptions>().BindConfiguration("ProgressCard");
        services.AddSingleton<ThreadPostCounts>();
        services.AddSingleton<ProgressCardUpdates>();
        services.AddOptions<AcknowledgementOptions>().BindConfiguration("Acknowledgements");
        services.AddSingleton<Acknowledgements>();
        services.AddSingleton<CardUpdates>();
        services.TryAddSingleton<WebMetrics>();
    }
}
