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
    /// (e.g. <c>AddTableMapStore()</c>), and uses the registered <see cref="TimeProvider"/> (the system clock unless one is)
    /// and <see cref="IMemberProfiles"/> (no directory unless one is: members are asked for their department).
    /// </summary>
    public static IServiceCollection AddJourneyConversation(this IServiceCollection services)
    {
        services.AddOptions<MapLinkOptions>().BindConfiguration(MapLinkOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMemberProfiles, NoMemberDirectory>();
        services.TryAddSingleton<MapLinks>();
        services.TryAddSingleton<ITeamRoster, NoTeamRoster>();
        services.TryAddSingleton<IRoundTimers, RoundWork>();
        services.TryAddSingleton(sp => new RoundServices(
            sp.GetRequiredService<IRoundStore>(), sp.GetRequiredService<ITeamRoster>(), sp.GetRequiredService<IRoundTimers>()));
        services.TryAddSingleton<RoundDue>();
        // Needs an Actions.FollowUp.IFollowUpStore, registered with the stores.
        services.TryAddSingleton<Actions.FollowUp.ActionFollowUp>();
        services.TryAddSingleton<Lifecycle.MapDeletion>();
        services.TryAddSingleton<Lifecycle.TeamSessions>();
        services.TryAddSingleton<Actions.OwnerCards>();
        services.TryAddSingleton<JourneyConversation>();
        return services;
    }
}
