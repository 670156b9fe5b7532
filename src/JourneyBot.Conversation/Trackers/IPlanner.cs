namespace JourneyBot.Conversation.Trackers;

/// <summary>
/// The few Microsoft Planner calls the bot makes as itself (an app-only Graph token): the plans of
/// a team's Microsoft 365 group, a new task, and a task read back. Planner's ETag rules and Graph's
/// throttling are the implementation's; callers see only what happened.
/// </summary>
public interface IPlanner
{
    /// <summary>The plans of the Microsoft 365 group <paramref name="groupId"/> (<c>GET /groups/{id}/planner/plans</c>).</summary>
    Task<PlannerResult<IReadOnlyList<PlannerPlan>>> ListPlansAsync(string groupId, string? tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the task (<c>POST /planner/tasks</c>) and then gives it its description
    /// (<c>PATCH /planner/tasks/{id}/details</c> with the details' ETag). The task as created is
    /// the answer even when the description could not be set: the task exists either way.
    /// </summary>
    Task<PlannerResult<PlannerTaskState>> CreateTaskAsync(PlannerNewTask task, string? tenantId, CancellationToken cancellationToken);

    /// <summary>The task as Planner holds it now (<c>GET /planner/tasks/{id}</c>).</summary>
    Task<PlannerResult<PlannerTaskState>> ReadTaskAsync(string taskId, string? tenantId, CancellationToken cancellationToken);
}

/// <summary>A plan of the team's group.</summary>
/// <param name="Id">The plan id.</param>
/// <param name="Title">Its title.</param>
public sealed record PlannerPlan(string Id, string Title);

/// <summary>A task to create.</summary>
/// <param name="PlanId">The plan it goes in.</param>
/// <param name="Title">Its title: the action's words.</param>
/// <param name="AssigneeId">The owner's Entra object id, which Planner assigns by.</param>
/// <param name="Due">The day it is due.</param>
/// <param name="Description">Its description: why, and the link to the map.</param>
public sealed record PlannerNewTask(string PlanId, string Title, string AssigneeId, DateOnly Due, string Description);

/// <summary>A task as Planner answered it.</summary>
/// <param name="Id">The task id.</param>
/// <param name="ETag">Its ETag, for the next update.</param>
/// <param name="PercentComplete">0 to 100; 100 is done.</param>
public sealed record PlannerTaskState(string Id, string ETag, int PercentComplete)
{
    /// <summary>Whether the task is complete in Planner.</summary>
    public bool IsComplete => PercentComplete >= 100;
}

/// <summary>Why a Planner call gave no answer.</summary>
public enum PlannerFailure
{
    /// <summary>None: the call answered.</summary>
    None,

    /// <summary>Planner is not set up for this bot (<c>Planner:Enabled</c> is off).</summary>
    Off,

    /// <summary>Graph said 403: the bot's app lacks the application permission the result names, or admin consent for it.</summary>
    Forbidden,

    /// <summary>The plan, group or task is not there (deleted, or not visible to the app).</summary>
    NotFound,

    /// <summary>Graph could not be reached or answered with an error, or not in time: try again later.</summary>
    Unavailable,
}

/// <summary>The answer of a Planner call, or why there is none.</summary>
/// <param name="Value">The answer; null on a failure.</param>
/// <param name="Failure">Why there is no answer.</param>
/// <param name="Permission">On <see cref="PlannerFailure.Forbidden"/>: the application permission the call needs.</param>
public sealed record PlannerResult<T>(T? Value, PlannerFailure Failure = PlannerFailure.None, string? Permission = null)
    where T : class;

/// <summary>Makes <see cref="PlannerResult{T}"/>s.</summary>
public static class PlannerResult
{
    /// <summary>An answer.</summary>
    public static PlannerResult<T> Ok<T>(T value)
        where T : class => new(value);

    /// <summary>No answer, for <paramref name="failure"/>.</summary>
    public static PlannerResult<T> Failed<T>(PlannerFailure failure, string? permission = null)
        where T : class => new(null, failure, permission);
}

/// <summary>The application permissions Planner calls need, as an admin grants them.</summary>
public static class PlannerPermissions
{
    /// <summary>Creating, reading and updating tasks.</summary>
    public const string Tasks = "Tasks.ReadWrite.All";

    /// <summary>Listing the plans of a team's group.</summary>
    public const string Groups = "Group.Read.All";
}

/// <summary>No Planner: every call answers <see cref="PlannerFailure.Off"/> (the default until the host sets one up).</summary>
public sealed class NoPlanner : IPlanner
{
    /// <inheritdoc />
    public Task<PlannerResult<IReadOnlyList<PlannerPlan>>> ListPlansAsync(string groupId, string? tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(PlannerResult.Failed<IReadOnlyList<PlannerPlan>>(PlannerFailure.Off));

    /// <inheritdoc />
    public Task<PlannerResult<PlannerTaskState>> CreateTaskAsync(PlannerNewTask task, string? tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(PlannerResult.Failed<PlannerTaskState>(PlannerFailure.Off));

    /// <inheritdoc />
    public Task<PlannerResult<PlannerTaskState>> ReadTaskAsync(string taskId, string? tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(PlannerResult.Failed<PlannerTaskState>(PlannerFailure.Off));
}
