using JourneyBot.Conversation;
using JourneyBot.Protocol.Connector;

namespace JourneyBot.Web.Members;

/// <summary>One member of a roster, with what their member rows say of them.</summary>
/// <param name="Member">Who, as Teams lists them.</param>
/// <param name="Department">Their department for the team; null while unknown.</param>
/// <param name="Chat">Their 1:1 chat with the bot; null until one was started or they opened it.</param>
/// <param name="TimeZone">Their time zone (IANA); null while unknown.</param>
/// <param name="Muted">Whether they asked for no reminders, in the team's thread or in their 1:1 chat.</param>
/// <param name="Language">The language of their Teams as their rows remember it (<c>en</c>, <c>es</c>, <c>ro</c>); null while unknown.</param>
public sealed record RosterMember(ChatMember Member, string? Department, PersonalChat? Chat, string? TimeZone, bool Muted, string? Language = null);

/// <summary>A conversation's members.</summary>
/// <param name="Members">The members, as Teams lists them, each with their rows; at most <see cref="TeamRoster.MaxMembers"/> + 1.</param>
/// <param name="OverLimit">
/// More than <see cref="TeamRoster.MaxMembers"/>: listing stopped at one more, and their rows were
/// not read (the caller refuses such a round).
/// </param>
public sealed record Roster(IReadOnlyList<RosterMember> Members, bool OverLimit);

/// <summary>
/// Lists a team conversation's members through the paged members API, joined with their member
/// rows: department, 1:1 chat, time zone, mute, language.
/// </summary>
/// <remarks>
/// A member's mute and time zone may be kept on two rows: the team's, when they said it in the
/// team, and the row of their 1:1 chat's own scope, when they said it there (a 1:1 chat belongs
/// to no team). Once their 1:1 chat is known, both are read: muted on either is muted; the team's
/// time zone and language, else the chat's.
/// </remarks>
internal sealed class TeamRoster(IMapStore store, IServiceProvider services, ILogger<TeamRoster> logger)
{
    /// <summary>The most members a round may reach.</summary>
    public const int MaxMembers = 500;

    // Point reads, a few at a time: quick for 500 members without a burst against the table.
    private const int ParallelReads = 8;

    /// <summary>
    /// The members of <paramref name="conversationId"/> (for a whole Teams team, the team's id,
    /// <c>channelData.team.id</c>) with their rows in <paramref name="teamKey"/>. Bots are left out.
    /// </summary>
    public async Task<Roster> ListAsync(string teamKey, string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamKey);
        var members = new List<ChatMember>();
        await foreach (var account in services.GetRequiredService<ConnectorClient>().GetAllMembersAsync(serviceUrl, conversationId, cancellationToken))
        {
            if (string.IsNullOrEmpty(account.Id) || account.Id.StartsWith("28:", StringComparison.Ordinal)
                || string.Equals(account.Role, "bot", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            members.Add(new ChatMember(account.Id, account.Name, account.AadObjectId));
            if (members.Count > MaxMembers)
            {
                // Leaving the loop stops paging: no page past the one that went over is read.
                WebLog.LogRosterOverLimit(logger, MaxMembers);
                return new Roster([.. members.Select(m => new RosterMember(m, null, null, null, false))], OverLimit: true);
            }
        }

        var joined = new RosterMember[members.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, members.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, token) => joined[i] = await JoinAsync(teamKey, members[i], token));
        WebLog.LogRosterRead(logger, members.Count);
        return new Roster(joined, OverLimit: false);
    }

    private async Task<RosterMember> JoinAsync(string teamKey, ChatMember member, CancellationToken cancellationToken)
    {
        var row = await store.GetMemberAsync(teamKey, member.PersonId, cancellationToken);
        var personal = row?.Chat is { } chat && chat.ConversationId != teamKey
            ? await store.GetMemberAsync(chat.ConversationId, member.PersonId, cancellationToken)
            : null;
        return new RosterMember(member, row?.Department, row?.Chat,
            row?.TimeZone ?? personal?.TimeZone, (row?.Muted ?? false) || (personal?.Muted ?? false),
            Conversation.Languages.MemberLanguage.CodeOf(row, personal));
    }
}
