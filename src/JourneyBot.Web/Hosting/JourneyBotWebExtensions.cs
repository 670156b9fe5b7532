using JourneyBot.Conversation;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Rounds;
using JourneyBot.Conversation.Scheduling;
using JourneyBot.Protocol.Hosting;
using JourneyBot.Protocol.Turns;
using JourneyBot.Storage;
using JourneyBot.Web.Bot;
using JourneyBot.Web.Maps;
using JourneyBot.Web.Members;
using JourneyBot.Web.Profiles;
using JourneyBot.Web.Rounds;
using JourneyBot.Web.Scheduling;
using JourneyBot.Web.Sending;
using JourneyBot.Web.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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
        // In the failed activity's member's Teams language: never the team's, whose read may be what failed.
        services.Configure<BotHostOptions>(options => options.Apology = activity => TurnLanguage.Say(TurnLanguage.OfLocale(activity), () => Texts.Apology));
        services.AddTableMapStore();
        services.AddDueWorkSchedule();
        services.AddJourneyConversation();
        services.AddOptions<MapLinkOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MapLinkOptions>, MapLinkOptionsValidator>();
        AddMemberProfiles(services);
        AddPlanner(services);
        AddSending(services);
        AddMembers(services);
        services.AddSingleton<ITurnHandler, JourneyTurnHandler>();
        services.AddSingleton<Lifecycle.MapRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<Lifecycle.MapRetention>());
        services.AddHealthChecks();
        // Browsers (the map page) keep to https for a year; App Service does not send this header itself.
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>Maps the messaging endpoint behind Bot Framework authentication, the map pages and the health check.</summary>
    public static WebApplication MapJourneyBotWeb(this WebApplication app)
    {
        // On https requests only (behind App Service: X-Forwarded-Proto, see deployment/modules/webapp.bicep).
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/healthz");
        app.MapBotMessages();
        app.MapMapPages();
        return app;
    }

    // Members' departments from their Graph profiles when Graph:Enabled; else (the conversation's
    // default) no directory, and members are asked. Graph throttles with 429 + Retry-After and has
    // passing 503/504 faults: one quick retry, all within Graph:Timeout, which the lookup enforces.
    private static void AddMemberProfiles(IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddHttpClient(GraphMemberProfiles.HttpClientName,
                (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseAddress)
            .AddResilienceHandler("graph-retry", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 1,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException || (int?)args.Outcome.Result?.StatusCode is 429 or 503 or 504),
            }));
        services.AddSingleton<GraphMemberProfiles>();
        services.Replace(ServiceDescriptor.Singleton<IMemberProfiles>(sp =>
            sp.GetRequiredService<IOptions<GraphOptions>>().Value.Enabled ? sp.GetRequiredService<GraphMemberProfiles>() : new NoMemberDirectory()));
    }

    // The team's Planner tracker when Planner:Enabled, on the Graph root and token of member profiles;
    // else the conversation's default (no Planner: the commands say it is not set up). Graph throttles
    // with 429 + Retry-After: waited out when it fits the turn (Planner:MaxRetryAfter), else the call
    // fails and nothing is lost. A POST is retried only after a 429, when Graph did not create anything.
    private static void AddPlanner(IServiceCollection services)
    {
        services.AddOptions<Trackers.PlannerOptions>().BindConfiguration(Trackers.PlannerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Trackers.PlannerOptions>, Trackers.PlannerOptionsValidator>();
        services.AddHttpClient(Trackers.GraphPlanner.HttpClientName,
                (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<GraphOptions>>().Value.BaseAddress)
            .AddResilienceHandler("planner-retry", (pipeline, context) =>
            {
                var longest = context.ServiceProvider.GetRequiredService<IOptions<Trackers.PlannerOptions>>().Value.MaxRetryAfter;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(300),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(Trackers.PlannerRetries.ShouldRetry(
                        args.Outcome.Result, args.Outcome.Exception, args.Context.GetRequestMessage()?.Method, longest)),
                });
            });
        services.AddSingleton<Trackers.GraphPlanner>();
        services.Replace(ServiceDescriptor.Singleton<Conversation.Trackers.IPlanner>(sp =>
            sp.GetRequiredService<IOptions<Trackers.PlannerOptions>>().Value.Enabled
                ? sp.GetRequiredService<Trackers.GraphPlanner>()
                : new Conversation.Trackers.NoPlanner()));
        services.Replace(ServiceDescriptor.Singleton<Conversation.Trackers.ITeamGroups, Trackers.TeamGroupReader>());
        services.Replace(ServiceDescriptor.Singleton(sp => Conversation.Trackers.TrackerReadBack.For(
            sp, sp.GetRequiredService<IOptions<Trackers.PlannerOptions>>().Value.ReadBackInterval)));
        services.AddSingleton<IDueWorkHandler, Trackers.TrackerSyncWork>();
    }

    // Members' 1:1 chats with the bot (started at a bounded pace) and rosters joined with member rows.
    private static void AddMembers(IServiceCollection services)
    {
        services.AddOptions<PersonalChatOptions>().BindConfiguration(PersonalChatOptions.Section);
        services.AddSingleton<CreationPace>();
        services.AddSingleton<PersonalChats>();
        services.AddSingleton<TeamRoster>();
        services.AddSingleton<PersonalCards>();

        // Rounds of questions: the roster they ask, their delivery to 1:1 chats, their reminders and deadlines.
        // In place of the conversation's default (no roster), not beside it.
        services.Replace(ServiceDescriptor.Singleton<ITeamRoster, TeamRosterReader>());
        services.AddSingleton<DirectDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectDelivery>());
        services.AddSingleton<IDueWorkHandler, RoundReminders>();
        services.AddSingleton<IDueWorkHandler, RoundDeadlines>();
        // Validation rounds: a reminder to who has not answered, and the facilitator's summary at the deadline.
        services.AddSingleton<IDueWorkHandler, ValidationReminders>();
        services.AddSingleton<IDueWorkHandler, ValidationDeadlines>();

        // Owners of actions get their action's card in their 1:1 chat.
        services.AddSingleton<Actions.OwnerDelivery>();
        services.AddHostedService(sp => sp.GetRequiredService<Actions.OwnerDelivery>());

        // Actions' follow-up: a pass per map on the schedule (owners' reminders, the digest, "map this stage again?").
        services.AddSingleton<FollowUp.FollowUpSchedule>();
        services.AddSingleton<IDueWorkHandler, FollowUp.FollowUpPasses>();

        // Maps' "Still true?" reviews: a pass per map every N days on the schedule, cards in 1:1 chats.
        services.AddSingleton<StillTrue.ReviewSchedule>();
        services.AddSingleton<IDueWorkHandler, StillTrue.ReviewPasses>();
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
