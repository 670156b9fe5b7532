using JourneyBot.Conversation.Mapping;

namespace JourneyBot.Conversation;

/// <summary>
/// What the organisation's directory says about a member, so the bot need not ask them. Whatever
/// goes wrong reading it (no directory, no permission, no such profile, no answer in time) means
/// "unknown": the bot then asks, as it would without a directory.
/// </summary>
public interface IMemberProfiles
{
    /// <summary>
    /// The department on <paramref name="member"/>'s profile, or null when unknown.
    /// <paramref name="tenantId"/> is the member's Entra tenant, where known.
    /// </summary>
    Task<string?> FindDepartmentAsync(Person member, string? tenantId, CancellationToken cancellationToken);
}

/// <summary>No directory: every department is unknown, so each member is asked for theirs.</summary>
public sealed class NoMemberDirectory : IMemberProfiles
{
    /// <inheritdoc />
    public Task<string?> FindDepartmentAsync(Person member, string? tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
