using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// The department a member's items speak for: what the team knows of them, else what their
/// profile in the directory says, else they are asked, once. The answer is kept for the team on
/// the member's own row, so the directory too is read once per member, and fifty members
/// contributing at once never write the same row.
/// </summary>
internal sealed class MemberDepartments(IMapStore store, IMemberProfiles profiles)
{
    /// <summary>The member's department (null while unknown), and whether to ask them for it now.</summary>
    public async Task<(string? Department, bool Ask)> ForAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var member = await store.GetMemberAsync(turn.Scope.TeamKey, turn.From.Id, cancellationToken);
        if (member is not null && (member.Department is not null || member.AskedForDepartment))
        {
            // The row is read here anyway (usually from the cache): a time zone that changed costs one write, the same one none.
            if (member.Noting(turn) is var noted && !ReferenceEquals(noted, member))
            {
                await store.PutMemberAsync(turn.Scope.TeamKey, turn.From.Id, noted, MemberNotes.Told(turn), cancellationToken);
            }

            return (member.Department, false);
        }

        // Only what was learnt is written: a department the member typed meanwhile (another turn) is kept.
        var found = await FromProfileAsync(turn, cancellationToken);
        await store.PutMemberAsync(turn.Scope.TeamKey, turn.From.Id,
            (member ?? TeamMember.New).Noting(turn) with { Department = found, AskedForDepartment = found is null },
            MemberNotes.Told(turn) | (found is null ? MemberFields.AskedForDepartment : MemberFields.Department), cancellationToken);
        return (found, found is null);
    }

    // A profile's department is held to the rules of a typed one; one they break counts as unknown.
    private async Task<string?> FromProfileAsync(UserTurn turn, CancellationToken cancellationToken)
    {
        var department = await profiles.FindDepartmentAsync(turn.From, turn.TenantId, cancellationToken);
        if (string.IsNullOrWhiteSpace(department))
        {
            return null;
        }

        var cleaned = TextRules.Clean(department, TextRules.ShortMax, Strings.NounDepartment, out var problem);
        return problem is null ? cleaned : null;
    }
}
