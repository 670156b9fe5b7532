namespace JourneyBot.Conversation.Actions;

/// <summary>
/// Where a map's actions and parked opportunities live: one row each, in the map's team, named by
/// the opportunity's item id. They go with the map when it is deleted.
/// </summary>
/// <remarks>
/// An action changes by many hands (its owner presses Done, the facilitator reassigns, the tracker
/// sync reads it back), so a replace carries the version read and returns false when someone else
/// wrote first: the caller reads again, re-applies its change and tries again.
/// </remarks>
public interface IActionStore
{
    /// <summary>Every action and parked opportunity of the map (actions oldest first), read together.</summary>
    Task<MapActions> GetActionsAsync(string teamKey, string mapId, CancellationToken cancellationToken);

    /// <summary>One action with its version, or null when the opportunity is no action.</summary>
    Task<StoredAction?> GetActionAsync(string teamKey, string mapId, string actionId, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="action"/>; false when the opportunity is an action already (made by someone else, or a redelivered activity).</summary>
    Task<bool> TryAddActionAsync(string teamKey, string mapId, OwnedAction action, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the action with <paramref name="stored"/>'s, unless it changed since it was read
    /// (<see cref="StoredAction.Version"/>). Returns the new version, or null on a conflict or when it is gone.
    /// </summary>
    Task<string?> TryReplaceActionAsync(string teamKey, string mapId, StoredAction stored, CancellationToken cancellationToken);

    /// <summary>Parks an opportunity, or replaces its reason.</summary>
    Task PutParkedAsync(string teamKey, string mapId, ParkedOpportunity parked, CancellationToken cancellationToken);

    /// <summary>Un-parks an opportunity; false when it was not parked.</summary>
    Task<bool> RemoveParkedAsync(string teamKey, string mapId, string opportunityId, CancellationToken cancellationToken);

    /// <summary>The tracker the team chose (<c>tracker planner</c>), or null when it chose none or turned it off.</summary>
    Task<TeamTracker?> GetTrackerAsync(string teamKey, CancellationToken cancellationToken);

    /// <summary>Remembers the team's tracker; null forgets it (<c>tracker off</c>).</summary>
    Task PutTrackerAsync(string teamKey, TeamTracker? tracker, CancellationToken cancellationToken);
}

/// <summary>Where a team's actions become tasks, chosen once by a facilitator.</summary>
/// <param name="Tracker">Which tracker: <c>planner</c>.</param>
/// <param name="Container">Where tasks are created: the Planner plan id.</param>
/// <param name="ContainerName">The plan's title, to show.</param>
/// <param name="GroupId">The Microsoft 365 group that owns the plan (the team's group).</param>
/// <param name="ChosenBy">Who chose it.</param>
/// <param name="ChosenAt">When.</param>
public sealed record TeamTracker(string Tracker, string Container, string ContainerName, string GroupId, Mapping.Person ChosenBy, DateTimeOffset ChosenAt);

/// <summary>An action as read, with the version a replace must match.</summary>
/// <param name="Action">The action.</param>
/// <param name="Version">The row's version (an ETag in table storage).</param>
public sealed record StoredAction(OwnedAction Action, string Version);

/// <summary>A map's actions and parked opportunities.</summary>
/// <param name="Actions">The actions, oldest first.</param>
/// <param name="Parked">The parked opportunities, oldest first.</param>
public sealed record MapActions(IReadOnlyList<OwnedAction> Actions, IReadOnlyList<ParkedOpportunity> Parked)
{
    /// <summary>A map with neither.</summary>
    public static MapActions None { get; } = new([], []);

    /// <summary>The action of opportunity <paramref name="id"/>, or null.</summary>
    public OwnedAction? Action(string id) => Actions.FirstOrDefault(a => a.Id == id);

    /// <summary>Whether opportunity <paramref name="id"/> is an action or parked: decided, as publishing needs.</summary>
    public bool IsDecided(string id) => Actions.Any(a => a.Id == id) || Parked.Any(p => p.Id == id);
}
