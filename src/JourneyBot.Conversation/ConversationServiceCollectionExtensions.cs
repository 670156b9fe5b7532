using JourneyBot.Conversation.Actions;
using JourneyBot.Conversation.Exports;
using JourneyBot.Conversation.Flow;
using JourneyBot.Conversation.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JourneyBot.Conversation;

/// <summary>Registers the journey-mapping conversation.</summary>
public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="JourneyConversation"/> and the signed links to full maps (<see cref="MapLinkOptions"/>,
    /// section <c>MapLinks</c>). The conversation needs an <see cref="IMapStore"/>, registered apart
    /// (e.g. <c>AddTableMapStore()</c>), and uses the registered <see cref="TimeProvider"/> (the system clock unless one is),
    /// <see cref="IMemberProfiles"/> (no directory unless one is: members are asked for their department),
    /// <see cref="IActionStore"/> (registered with the map store) and <see cref="IActionTrackerSync"/> (no tracker unless one is).
    /// </summary>
    public static IServiceCollection AddJourneyConversation(this IServiceCollection services)
    {
        services.AddOptions<MapLinkOptions>().BindConfiguration(MapLinkOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMemberProfiles, NoMemberDirectory>();
        services.TryAddSingleton<MapLinks>();
        services.TryAddSingleton<ITeamRoster, NoTeamRoster>();
        services.TryAddSingleton<IRoundTimers, RoundWork>();
        // Validation rounds' reminders and deadline on the durable schedule, where the host has one.
        services.TryAddSingleton<Validation.IValidationTimers>(sp => sp.GetService<Scheduling.IDueWorkStore>() is { } schedule
            ? new Validation.ValidationWork(schedule) : Validation.NoValidationTimers.Instance);
        services.TryAddSingleton(sp => new RoundServices(
            sp.GetRequiredService<IRoundStore>(), sp.GetRequiredService<ITeamRoster>(), sp.GetRequiredService<IRoundTimers>(),
            sp.GetService<Validation.IValidationStore>(), sp.GetRequiredService<Validation.IValidationTimers>()));
        services.TryAddSingleton<RoundDue>();
        services.TryAddSingleton(sp => sp.GetService<Validation.IValidationStore>() is { } validations
            ? new Validation.ValidationDue(sp.GetRequiredService<IMapStore>(), validations, sp.GetRequiredService<TimeProvider>()) : null!);
        // Needs an Actions.FollowUp.IFollowUpStore, registered with the stores.
        services.TryAddSingleton<Actions.FollowUp.ActionFollowUp>();
        services.TryAddSingleton<StillTrue.StillTrueReviews>();
        // The map card's refresh reads actions back from the team's tracker: Planner when the host has one
        // (without, the refresh reads nothing more than the card shows).
        services.TryAddSingleton(sp => Trackers.TrackerReadBack.For(sp, Trackers.TrackerReadBack.DefaultInterval));
        services.TryAddSingleton<Lifecycle.MapDeletion>();
        services.TryAddSingleton<Lifecycle.TeamSessions>();
        services.TryAddSingleton<Actions.OwnerCards>();
        AddTrackers(services);
        // The teams' languages, where the host registers a store of them (without: each turn speaks its member's language).
        services.TryAddSingleton(sp => new Languages.TeamLanguages(sp.GetService<Languages.ITeamLanguageStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<Languages.TeamLanguages>>()));
        services.TryAddSingleton<JourneyConversation>();
        return services;
    }

    // The team's tracker (Planner) where actions are stored and work can be scheduled: no Planner
    // unless the host registers one. Without either store the tracker commands say it is not set up.
    private static void AddTrackers(IServiceCollection services)
    {
        services.TryAddSingleton<Trackers.IPlanner, Trackers.NoPlanner>();
        services.TryAddSingleton<Trackers.ITeamGroups, Trackers.NoTeamGroups>();
        services.TryAddSingleton(sp => sp.GetService<Actions.IActionStore>() is { } actions && sp.GetService<Scheduling.IDueWorkStore>() is { } schedule
            ? new Trackers.TrackerServices(actions, sp.GetRequiredService<Trackers.IPlanner>(), new Trackers.TrackerWork(schedule), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Trackers.ITeamGroups>())
            : null!);
    }
}
