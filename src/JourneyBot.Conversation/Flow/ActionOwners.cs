using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Resources;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Conversation.Flow;

/// <summary>
/// Who may own an action: a member of the team's conversation. The owner is named by a Teams
/// mention, by name, or (on the form) by the id the people picker or the member list sends.
/// </summary>
internal sealed class ActionOwners(ITeamRoster roster)
{
    /// <summary>The most members read; a conversation beyond it names owners by mention or picker, as everywhere.</summary>
    public const int MostMembers = RoundPlan.MostMembers;

    /// <summary>
    /// The members of the turn's conversation. Where they cannot be read (no connector to ask), and
    /// for the example map (whose people are made up), the people the map itself knows: its
    /// facilitator and the authors of its items.
    /// </summary>
    public async Task<IReadOnlyList<RosterMember>> MembersAsync(UserTurn turn, JourneyMap map, MapBoard board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        if (!map.IsExample && await roster.ListAsync(turn, MostMembers, cancellationToken) is { } members)
        {
            return members;
        }

        var departments = board.Items.GroupBy(i => i.Author.Id).ToDictionary(g => g.Key, g => g.Last().AuthorDepartment);
        return [.. new[] { map.Facilitator }.Concat(board.Items.Select(i => i.Author))
            .DistinctBy(p => p.Id)
            .Select(p => new RosterMember(p, p.Id, departments.GetValueOrDefault(p.Id), null))];
    }

    /// <summary>The member <paramref name="said"/> names, or why none: not a member, or more than one by that name.</summary>
    public static (RosterMember? Member, string? Problem) Find(IReadOnlyList<RosterMember> members, UserTurn turn, string said, bool byId)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(said);
        if (byId)
        {
            // The people picker sends an Entra object id; the member list sends the member's id as turns name them.
            return members.FirstOrDefault(m => m.Person.Id == said || m.TeamsId == said) is { } picked
                ? (picked, null)
                : (null, Strings.ActOwnerNotMember);
        }

        var name = Unwrapped(said);
        if (name.Length == 0)
        {
            return (null, Strings.ActOwnerMissing);
        }

        if (turn.Mentions.FirstOrDefault(m => said.Contains(m.Text, StringComparison.OrdinalIgnoreCase)) is { } mention)
        {
            return members.FirstOrDefault(m => m.TeamsId == mention.TeamsId || (mention.AadObjectId is { } aad && m.Person.Id == aad)) is { } mentioned
                ? (mentioned, null)
                : (null, Strings.ActOwnerNotMemberNamed.Fill(("member", Markdown.Escape(mention.Name))));
        }

        // A name typed without picking it from the @ menu: the whole name, else a first name or a
        // start of a name, as long as it names one member.
        var exact = members.Where(m => m.Person.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        var found = exact.Count > 0 ? exact : [.. members.Where(m => m.Person.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase))];
        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, Strings.ActOwnerNotMemberNamed.Fill(("member", Markdown.Escape(name)))),
            _ => (null, Strings.ActOwnerAmbiguous.Fill(("member", Markdown.Escape(name)),
                ("members", Texts.List(found.Take(5).Select(m => Markdown.Escape(m.Person.Name)))))),
        };
    }

    // "<at>Megan Bowen</at>" or "@Megan Bowen": the name alone.
    private static string Unwrapped(string said) =>
        said.Replace("<at>", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace("</at>", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Trim().TrimStart('@').Trim();
}
