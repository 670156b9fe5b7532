namespace JourneyBot.Conversation;

/// <summary>
/// The fields of a <see cref="TeamMember"/> one write sets (<see cref="IMapStore.PutMemberAsync(string, string, TeamMember, MemberFields, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// A member's row is written by many hands: their department (typed, answered on a card, or from
/// their profile), the time zone and language their turns tell, their 1:1 chat, mute, the maps where
/// they were asked how they know. Each writer names only the fields it means to set, so two writes
/// made from one read copy (or from two instances' copies) keep each other's fields.
/// </remarks>
[Flags]
public enum MemberFields
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><see cref="TeamMember.Department"/>.</summary>
    Department = 1,

    /// <summary><see cref="TeamMember.AskedForDepartment"/>.</summary>
    AskedForDepartment = 2,

    /// <summary><see cref="TeamMember.Chat"/>.</summary>
    Chat = 4,

    /// <summary><see cref="TeamMember.TimeZone"/>.</summary>
    TimeZone = 8,

    /// <summary><see cref="TeamMember.Muted"/>.</summary>
    Muted = 16,

    /// <summary><see cref="TeamMember.EvidenceAskedOn"/>.</summary>
    EvidenceAskedOn = 32,

    /// <summary><see cref="TeamMember.Language"/>.</summary>
    Language = 64,

    /// <summary>Every field: the row becomes exactly the member written.</summary>
    All = Department | AskedForDepartment | Chat | TimeZone | Muted | EvidenceAskedOn | Language,
}

/// <summary>Applying a write of some fields to what is stored.</summary>
public static class MemberFieldsExtensions
{
    /// <summary>
    /// <paramref name="stored"/> (or someone new) with the <paramref name="fields"/> of
    /// <paramref name="written"/>: what the row holds after that write.
    /// </summary>
    public static TeamMember Merged(this TeamMember? stored, TeamMember written, MemberFields fields)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (fields == MemberFields.All)
        {
            return written;
        }

        var row = stored ?? TeamMember.New;
        return row with
        {
            Department = fields.HasFlag(MemberFields.Department) ? written.Department : row.Department,
            AskedForDepartment = fields.HasFlag(MemberFields.AskedForDepartment) ? written.AskedForDepartment : row.AskedForDepartment,
            Chat = fields.HasFlag(MemberFields.Chat) ? written.Chat : row.Chat,
            TimeZone = fields.HasFlag(MemberFields.TimeZone) ? written.TimeZone : row.TimeZone,
            Muted = fields.HasFlag(MemberFields.Muted) ? written.Muted : row.Muted,
            EvidenceAskedOn = fields.HasFlag(MemberFields.EvidenceAskedOn) ? written.EvidenceAskedOn : row.EvidenceAskedOn,
            Language = fields.HasFlag(MemberFields.Language) ? written.Language : row.Language,
        };
    }
}
