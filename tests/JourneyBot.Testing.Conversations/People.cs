using JourneyBot.Conversation.Mapping;
using JourneyBot.Conversation.Rounds;

namespace JourneyBot.Testing.Conversations;

/// <summary>The team of the scenarios (Agents Playground's sample users).</summary>
public static class People
{
    public static readonly Person Alex = new("aad-alex", "Alex Wilber");
    public static readonly Person Megan = new("aad-megan", "Megan Bowen");
    public static readonly Person Adele = new("aad-adele", "Adele Vance");
    public static readonly Person Isaiah = new("aad-isaiah", "Isaiah Langer");
    public static readonly Person Patti = new("aad-patti", "Patti Fernandez");

    public static Person ByName(string name) =>
        new[] { Alex, Megan, Adele, Isaiah, Patti }.Single(p => p.Name.StartsWith(name, StringComparison.Ordinal));

    /// <summary>The five as the members of the team's conversation (Teams ids <c>29:…</c>), the roster scenarios play with.</summary>
    public static IReadOnlyList<RosterMember> Roster { get; } =
        [.. new[] { Alex, Megan, Adele, Isaiah, Patti }.Select(p => new RosterMember(p, "29:" + p.Id, null, null))];
}
