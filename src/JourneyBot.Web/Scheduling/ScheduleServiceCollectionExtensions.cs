using JourneyBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JourneyBot.Web.Scheduling;

/// <summary>Registers the durable schedule and the runner that works through it on every instance.</summary>
internal static class ScheduleServiceCollectionExtensions
{
    /// <summary>
    /// Adds the schedule's table store and <see cref="DueWorkRunner"/> (<see cref="ScheduleOptions"/>,
    /// checked at start-up). Kinds of work are added by registering an
    /// <see cref="Conversation.Scheduling.IDueWorkHandler"/> each; with none, nothing is polled.
    /// </summary>
    public static IServiceCollection AddDueWorkSchedule(this IServiceCollection services)
    {
        services.AddTableDueWorkStore();
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ScheduleMetrics>();
        services.AddHostedService<DueWorkRunner>();
        return services;
    }
}
